import { OutputParserError } from "../errors/output-parser-error.js";
import { JsonStreamParser } from "../json-stream/json-stream-parser.js";
import { type RunnableSchema, toRunnableSchema } from "../schema/runnable-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { BaseOutputParser } from "./base-output-parser.js";
import { formatSchemaIssues } from "./schema-issues.js";

/**
 * `@langchain/core`'s `StandardSchemaOutputParser`: reads the model's JSON (bare, or in a
 * ```` ```json ```` fence) and validates it with any Standard Schema v1 validator (zod 3.24+
 * and 4, Valibot, ArkType...; no library is imported), giving the schema's output (defaults
 * and transforms applied). Like LangChain's it is not a partial-value parser: streaming yields
 * one chunk, the validated value, when the text is complete (the text is read as it arrives,
 * once). Invalid JSON, or a value the schema rejects, fails with an `OutputParserError` that
 * carries the whole text and lists every issue with its path. For partial values while
 * streaming, use `StructuredOutputParser`.
 *
 * @example
 * const parser = new StandardSchemaOutputParser(z.object({ city: z.string(), days: z.number() }));
 * const plan = await prompt.pipe(model).pipe(parser).invoke({ request }); // { city: string; days: number }
 */
export class StandardSchemaOutputParser<T = unknown> extends BaseOutputParser<T, T> {
  readonly schema: StandardSchemaV1<unknown, T>;

  constructor(schema: StandardSchemaV1<unknown, T>, fields: { name?: string } = {}) {
    super();
    this.schema = schema;
    if (fields.name !== undefined) this.name = fields.name;
  }
  /** The schema's JSON Schema (its output side), with the schema itself. */
  override getOutputSchema(): RunnableSchema {
    return toRunnableSchema(this.schema, "output");
  }

  /** LangChain's second way to build one (a serializable schema is a Standard Schema here). */
  static fromSerializableSchema<T>(schema: StandardSchemaV1<unknown, T>): StandardSchemaOutputParser<T> {
    return new StandardSchemaOutputParser(schema);
  }

  override async parse(text: string): Promise<T> {
    const reader = new JsonStreamParser({ mode: "in-place" });
    reader.push(text);
    return this.#validate(reader.finish(), text);
  }

  protected override async *parseTextStream(texts: AsyncIterable<string>): AsyncIterable<T> {
    const reader = new JsonStreamParser({ mode: "in-place" });
    const seen: string[] = [];
    for await (const text of texts) {
      seen.push(text);
      reader.push(text);
    }
    yield await this.#validate(reader.finish(), seen);
  }

  async #validate(value: unknown, text: string | readonly string[]): Promise<T> {
    const result = await this.schema["~standard"].validate(value);
    if (result.issues === undefined) return result.value;
    const message = `Output does not match the schema:\n${formatSchemaIssues(result.issues)}`;
    const whole = typeof text === "string" ? text : text.join("");
    throw new OutputParserError(message, whole, { cause: result.issues });
  }
}

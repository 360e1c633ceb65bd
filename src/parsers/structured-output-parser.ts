import { OutputParserError } from "../errors/output-parser-error.js";
import { jsonEqual } from "../json-patch/json-equal.js";
import { JsonStreamParser } from "../json-stream/json-stream-parser.js";
import { JsonStringControlEscaper } from "../json-stream/json-string-control-escaper.js";
import { type RunnableSchema, toRunnableSchema } from "../schema/runnable-schema.js";
import type { InferSchemaOutput, StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardSchemaToJsonSchema } from "../schema/standard-schema-to-json-schema.js";
import { type Aggregator, LastValueAggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import type { DeepPartial } from "./deep-partial.js";
import { jsonValueChunks } from "./json-chunk-streams.js";
import { namesAndDescriptionsSchema } from "./names-and-descriptions-schema.js";
import { formatSchemaIssues } from "./schema-issues.js";
import { structuredFormatInstructions } from "./structured-format-instructions.js";

/** Options of {@link StructuredOutputParser}. */
export interface StructuredOutputParserOptions {
  /** The JSON Schema to show in the format instructions (default: the schema's own, when it exposes one). */
  jsonSchema?: Record<string, unknown>;
  /** Stream strings, numbers, booleans and null only once complete (no "Sp" before "Spain"). */
  completeValues?: boolean;
  name?: string;
}

/** The schema's JSON Schema (its output side: what the parser gives), if it has one. */
function standardJsonSchema(schema: StandardSchemaV1): Record<string, unknown> | undefined {
  try {
    return standardSchemaToJsonSchema(schema, { io: "output" });
  } catch {
    // Converters may throw for schemas JSON Schema cannot express (transforms): instructions go without.
    return undefined;
  }
}

/** The JSON value of a whole text, read strictly: `JSON.parse` of it (inside its fence, if any). */
function parseStrict(text: string): unknown {
  const parser = new JsonStreamParser({ mode: "in-place" });
  parser.push(text);
  return parser.finish();
}

/**
 * The reading of a text whose escaped form was not JSON: an odd `"` in prose before a fence
 * (`He is 6'2" tall. Here: ```json ...`) puts the escaper out of step, so the text is escaped
 * again from its first fence on, the prose before it left as it is (`@langchain/core` reads
 * only the fence's content too); failing that, the text is read as it is, and that error
 * carries the text.
 */
function parseFallback(text: string): unknown {
  const fence = text.indexOf("```");
  if (fence > 0) {
    try {
      return parseStrict(text.slice(0, fence) + new JsonStringControlEscaper().push(text.slice(fence)));
    } catch (error) {
      if (!OutputParserError.isInstance(error)) throw error;
    }
  }
  return parseStrict(text);
}

/**
 * The JSON value of a whole text whose strings may hold raw newlines or tabs (as
 * `@langchain/core`'s parser accepts); when escaping them does not give JSON, see
 * {@link parseFallback}.
 */
function parseTolerant(text: string): unknown {
  const parser = new JsonStreamParser({ mode: "in-place" });
  parser.push(new JsonStringControlEscaper().push(text));
  try {
    return parser.finish();
  } catch (error) {
    if (!OutputParserError.isInstance(error)) throw error;
    return parseFallback(text);
  }
}

/**
 * The next snapshot of an escaped stream. When the whole escaped text turned out not to be
 * JSON (`wholeText` gives the original text once the input has ended), the result is
 * {@link parseFallback}'s reading of the original text, whose error carries that text; errors
 * from upstream pass through.
 */
async function nextSnapshot(
  snapshots: AsyncGenerator<unknown, unknown>,
  wholeText: () => string | undefined,
): Promise<IteratorResult<unknown, unknown>> {
  try {
    return await snapshots.next();
  } catch (error) {
    const text = wholeText();
    if (text === undefined || !OutputParserError.isInstance(error)) throw error;
    return { done: true, value: parseFallback(text) };
  }
}

/**
 * Parses a model's JSON like `JsonOutputParser` and validates the final value against a
 * schema implementing Standard Schema (zod 4, Valibot, ArkType...; no library is imported).
 * Raw newlines and other control characters inside JSON strings are accepted (escaped), as
 * `@langchain/core`'s StructuredOutputParser accepts raw newlines.
 * While streaming it yields `DeepPartial<T>` snapshots each time the value changed; at the end
 * the value is validated, and if validation changed it (defaults, transforms) the validated
 * value is yielded last, so the stream's output is always the validated value. Invalid JSON or
 * a value the schema rejects fails with an `OutputParserError` that lists each issue with its
 * path and carries the whole text.
 *
 * @example
 * const parser = StructuredOutputParser.fromZodSchema(z.object({ answer: z.string(), source: z.string() }));
 * const chain = prompt.pipe(model).pipe(parser);
 * const { answer } = await chain.invoke({ question, format_instructions: parser.getFormatInstructions() });
 */
export class StructuredOutputParser<T> extends BaseOutputParser<T, DeepPartial<T>> {
  readonly schema: StandardSchemaV1<unknown, T>;
  readonly jsonSchema: Record<string, unknown> | undefined;
  readonly completeValues: boolean;

  constructor(fields: { schema: StandardSchemaV1<unknown, T> } & StructuredOutputParserOptions) {
    super();
    this.schema = fields.schema;
    this.jsonSchema = fields.jsonSchema;
    this.completeValues = fields.completeValues ?? false;
    if (fields.name !== undefined) this.name = fields.name;
  }
  /** The schema's JSON Schema (its output side), with the schema itself. */
  override getOutputSchema(): RunnableSchema {
    return toRunnableSchema(this.schema, "output");
  }

  /** A parser for a zod 3 or zod 4 schema (or any Standard Schema); the output type is the schema's output. */
  static fromZodSchema<S extends StandardSchemaV1>(
    schema: S,
    options: StructuredOutputParserOptions = {},
  ): StructuredOutputParser<InferSchemaOutput<S>> {
    return new StructuredOutputParser<InferSchemaOutput<S>>({
      ...options,
      schema: schema as StandardSchemaV1<unknown, InferSchemaOutput<S>>,
    });
  }

  /** Same as {@link StructuredOutputParser.fromZodSchema}, for any Standard Schema library. */
  static fromSchema<S extends StandardSchemaV1>(
    schema: S,
    options: StructuredOutputParserOptions = {},
  ): StructuredOutputParser<InferSchemaOutput<S>> {
    return StructuredOutputParser.fromZodSchema(schema, options);
  }

  /**
   * LangChain's shortcut for an object of string fields, each with a description for the
   * model: `{ answer: "the answer", source: "a URL" }` reads `{ answer: string; source: string }`.
   * Validates as LangChain's zod object does (every name required and a string, other members
   * dropped), without needing zod, and the format instructions show the same JSON Schema.
   *
   * @example
   * const parser = StructuredOutputParser.fromNamesAndDescriptions({ answer: "the answer", source: "a URL" });
   */
  static fromNamesAndDescriptions<const K extends string>(
    descriptions: Readonly<Record<K, string>>,
    options: Omit<StructuredOutputParserOptions, "jsonSchema"> = {},
  ): StructuredOutputParser<Record<K, string>> {
    const { schema, jsonSchema } = namesAndDescriptionsSchema(descriptions);
    return new StructuredOutputParser({ ...options, schema, jsonSchema });
  }

  override async parse(text: string): Promise<T> {
    return this.#validate(parseTolerant(text), () => text);
  }

  /**
   * `@langchain/core`'s instructions, word for word (prompts tuned on them keep working), with
   * the schema's JSON Schema (or the one given) at the end.
   */
  override getFormatInstructions(): string {
    return structuredFormatInstructions(this.jsonSchema ?? standardJsonSchema(this.schema));
  }

  override createAggregator(): Aggregator<DeepPartial<T>, T> {
    // Chunks are snapshots, each the whole value so far; the last one is the (validated) output.
    return new LastValueAggregator<DeepPartial<T>>() as Aggregator<DeepPartial<T>, unknown> as Aggregator<
      DeepPartial<T>,
      T
    >;
  }

  protected override async *parseTextStream(texts: AsyncIterable<string>): AsyncIterable<DeepPartial<T>> {
    // Chunks are kept to put the whole text in an error and for the strict fallback (joined once, at the end).
    const seen: string[] = [];
    const input = { done: false };
    const escaper = new JsonStringControlEscaper();
    async function* escaped(): AsyncGenerator<string> {
      for await (const text of texts) {
        seen.push(text);
        yield escaper.push(text);
      }
      input.done = true;
    }
    const parser = new JsonStreamParser({ completeValues: this.completeValues });
    const snapshots = jsonValueChunks(parser, escaped());
    let last: unknown;
    const next = () => nextSnapshot(snapshots, () => (input.done ? seen.join("") : undefined));
    for (let step = await next(); ; step = await next()) {
      if (step.done === true) {
        const validated = await this.#validate(step.value, () => seen.join(""));
        if (!jsonEqual(validated, last)) yield validated as DeepPartial<T>;
        return;
      }
      last = step.value;
      yield step.value as DeepPartial<T>;
    }
  }

  async #validate(value: unknown, text: () => string): Promise<T> {
    const result = await this.schema["~standard"].validate(value);
    if (result.issues === undefined) return result.value;
    const message = `Output does not match the schema:\n${formatSchemaIssues(result.issues)}`;
    throw new OutputParserError(message, text(), { cause: result.issues });
  }
}

import { OutputParserError } from "../errors/output-parser-error.js";
import type { InferSchemaOutput, StandardSchemaV1 } from "../schema/standard-schema.js";
import {
  BaseCumulativeTransformOutputParser,
  type BaseCumulativeTransformOutputParserFields,
  type CumulativeGeneration,
} from "./base-cumulative-transform-output-parser.js";
import type { DeepPartial } from "./deep-partial.js";
import { type ParsedToolCall, readToolCalls } from "./read-tool-calls.js";
import { formatSchemaIssues } from "./schema-issues.js";

/** Options of {@link JsonOutputKeyToolsParser}. */
export interface JsonOutputKeyToolsParserFields
  extends Omit<BaseCumulativeTransformOutputParserFields, "diff"> {
  /** The tool whose calls to give (the others are ignored). */
  keyName: string;
  /** Give only the first matching call instead of a list (default false). */
  returnSingle?: boolean;
  /** Give each call as `{ type, args, id }` instead of its args alone (default false). */
  returnId?: boolean;
  /** Validates the final args (any Standard Schema: zod 3.24+ or 4, Valibot...); not streamed chunks. */
  zodSchema?: StandardSchemaV1;
  /** Same as `zodSchema` (LangChain's name for a non-zod schema); `zodSchema` wins when both are given. */
  serializableSchema?: StandardSchemaV1;
}

/** The args type of the fields' schema (`Record<string, unknown>` without one). */
export type KeyToolsArgs<F> = F extends { zodSchema: infer S extends StandardSchemaV1 }
  ? InferSchemaOutput<S>
  : F extends { serializableSchema: infer S extends StandardSchemaV1 }
    ? InferSchemaOutput<S>
    : Record<string, unknown>;

type KeyToolsItem<F, A> = F extends { returnId: true } ? { type: string; args: A; id?: string } : A;
type KeyToolsShape<F, A> = F extends { returnSingle: true } ? KeyToolsItem<F, A> : KeyToolsItem<F, A>[];

/** What {@link JsonOutputKeyToolsParser} gives for its fields: `undefined` when the tool was not called. */
export type JsonOutputKeyToolsOutput<F> = KeyToolsShape<F, KeyToolsArgs<F>> | undefined;
/** What {@link JsonOutputKeyToolsParser} streams for its fields: the same shape, args partial and not validated. */
export type JsonOutputKeyToolsChunk<F> = KeyToolsShape<F, DeepPartial<KeyToolsArgs<F>>>;

/**
 * `@langchain/core`'s `JsonOutputKeyToolsParser`: the calls of one tool (`keyName`) from a chat
 * model's message, as their args (or `{ type, args, id }` with `returnId: true`), all of them
 * or the first (`returnSingle: true`), `undefined` when that tool was not called. Streaming, it
 * yields each change as arguments arrive (`{ city: "Os" }`...). The final args are validated
 * with `zodSchema` (or `serializableSchema`) when given, failing with an `OutputParserError`
 * that lists the issues; streamed chunks are not. The output type follows the fields. Unlike
 * `@langchain/core` 1.4, which ignores `returnId` here (and validates the whole call object
 * against the args schema with `returnSingle`), `returnId` gives ids and only args are validated.
 *
 * @example
 * const parser = new JsonOutputKeyToolsParser({ keyName: "weather", returnSingle: true, zodSchema: Weather });
 * const args = await model.bindTools([weatherTool]).pipe(parser).invoke("Weather in Oslo?"); // z.infer<typeof Weather> | undefined
 */
export class JsonOutputKeyToolsParser<
  const F extends JsonOutputKeyToolsParserFields = JsonOutputKeyToolsParserFields,
> extends BaseCumulativeTransformOutputParser<JsonOutputKeyToolsOutput<F>, JsonOutputKeyToolsChunk<F>> {
  readonly keyName: string;
  readonly returnSingle: boolean;
  readonly returnId: boolean;
  readonly schema: StandardSchemaV1 | undefined;

  constructor(fields: F) {
    super(fields);
    this.keyName = fields.keyName;
    this.returnSingle = fields.returnSingle ?? false;
    this.returnId = fields.returnId ?? false;
    this.schema = fields.zodSchema ?? fields.serializableSchema;
  }

  /** Text has no tool calls: rejects with an `InvalidInputError` saying to pass an AI message. */
  override async parse(text: string): Promise<JsonOutputKeyToolsOutput<F>> {
    return this.parseResult([{ text }]);
  }

  override async parseResult(generations: CumulativeGeneration[]): Promise<JsonOutputKeyToolsOutput<F>> {
    const calls = this.#matching(generations, false);
    if (calls.length === 0) return undefined;
    const validated: ParsedToolCall[] = [];
    for (const call of this.returnSingle ? calls.slice(0, 1) : calls) {
      validated.push({ ...call, args: await this.#validate(call.args) });
    }
    return this.#shape(validated) as JsonOutputKeyToolsOutput<F>;
  }

  override async parsePartialResult(
    generations: CumulativeGeneration[],
  ): Promise<JsonOutputKeyToolsChunk<F> | undefined> {
    const calls = this.#matching(generations, true);
    if (calls.length === 0) return undefined;
    return this.#shape(calls) as JsonOutputKeyToolsChunk<F>;
  }

  #matching(generations: CumulativeGeneration[], partial: boolean): ParsedToolCall[] {
    const calls = readToolCalls(generations, {
      returnId: this.returnId,
      partial,
      parserName: this.getName(),
    });
    return calls.filter((call) => call.type === this.keyName);
  }

  #shape(calls: ParsedToolCall[]): unknown {
    const items = this.returnId ? calls : calls.map((call) => call.args);
    return this.returnSingle ? items[0] : items;
  }

  async #validate(args: Record<string, unknown>): Promise<Record<string, unknown>> {
    if (this.schema === undefined) return args;
    const result = await this.schema["~standard"].validate(args);
    const text = JSON.stringify(args, null, 2);
    if (result.issues !== undefined) {
      const message = `The arguments of the "${this.keyName}" tool call do not match the schema:\n${formatSchemaIssues(result.issues)}`;
      throw new OutputParserError(message, text, { cause: result.issues });
    }
    // A schema for tool args describes an object; a validator that gives something else is reported.
    if (typeof result.value !== "object" || result.value === null || Array.isArray(result.value)) {
      throw new OutputParserError(
        `The schema of the "${this.keyName}" tool gave a value that is not an object`,
        text,
      );
    }
    return { ...result.value };
  }
}

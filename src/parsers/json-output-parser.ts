import { InvalidConfigError } from "../errors/input-errors.js";
import type { JsonPathEvent } from "../json-stream/json-path-event.js";
import { JsonStreamParser, type JsonStreamParserOptions } from "../json-stream/json-stream-parser.js";
import type { JsonStreamPatchOperation } from "../json-stream/json-stream-patch-operation.js";
import type { JsonValue } from "../json-stream/json-value.js";
import { type Aggregator, LastValueAggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import type { DeepPartial } from "./deep-partial.js";
import { JsonPatchAggregator, JsonRootEventAggregator } from "./json-chunk-aggregators.js";
import { jsonPatchChunks, jsonPathEventChunks, jsonValueChunks } from "./json-chunk-streams.js";

/** Options of {@link JsonOutputParser}. `pathEvents` and `diff` change what the stream yields; use one at most. */
export interface JsonOutputParserFields {
  /** `"snapshot"` (default): each streamed value is a distinct object never mutated later. `"in-place"`: one object updated as text arrives. */
  mode?: "snapshot" | "in-place";
  /** Show strings, numbers, booleans and null only once complete (no "Sp" before "Spain"). */
  completeValues?: boolean;
  /** Stream `{ path, value }` for each completed value (innermost first, the root last) instead of snapshots. */
  pathEvents?: boolean;
  /** Stream arrays of JSON-Patch ops (with Rivulet's `append` for string growth) instead of snapshots. */
  diff?: boolean;
  name?: string;
}

/** The default fields: snapshots (or in-place values) streamed, so chunks are `DeepPartial<T>`. */
export type JsonValueFields = Omit<JsonOutputParserFields, "pathEvents" | "diff"> & {
  pathEvents?: false;
  diff?: false;
};

/** What a {@link JsonOutputParser} streams for its fields `F`: patch op batches, path events, or partial values. */
export type JsonOutputChunk<T, F> = F extends { diff: true }
  ? JsonStreamPatchOperation[]
  : F extends { pathEvents: true }
    ? JsonPathEvent
    : DeepPartial<T>;

/**
 * Parses a model's JSON (bare, or in a ```` ```json ```` fence), incrementally: parsing the
 * whole stream costs O(text length). While streaming it yields the partial value each time it
 * changed, `{}`, `{ countries: [] }`, `{ countries: [{}] }`, `{ countries: [{ name: "" }] }`...
 * as LangChain does; each is a distinct snapshot that later chunks never mutate, sharing the
 * closed parts with the previous one (or, with `mode: "in-place"`, one object updated as it
 * goes). A snapshot costs the width of the open objects and arrays it copies, so one very
 * wide open object or array (thousands of members) or a very deep one makes a snapshot stream
 * quadratic: use `mode: "in-place"`, `diff` or `pathEvents` there (see `JsonStreamParser`). `completeValues` holds back unfinished
 * strings and numbers. `pathEvents` streams `{ path, value }` per completed value instead.
 * `diff` streams arrays of patch ops: RFC 6902 `add`/`replace`, plus `append`
 * (`{ op: "append", path, value: "ance" }`: concatenate `value` to the string at `path`), so a
 * growing string is sent once in pieces rather than resent whole on every token as LangChain's
 * `replace` ops do; `applyPatch` applies them. The output is the parsed value (`T` is not
 * checked: use `StructuredOutputParser` to validate); text that is not one JSON value fails
 * at the end with an `OutputParserError` carrying the text, never mid-stream. To use
 * `pathEvents` or `diff` with an explicit `T`, also pass the fields type:
 * `new JsonOutputParser<T, { diff: true }>({ diff: true })`.
 *
 * @example
 * const chain = prompt.pipe(model).pipe(new JsonOutputParser<{ countries: { name: string }[] }>());
 * for await (const partial of await chain.stream(input)) console.log(partial.countries?.length);
 */
export class JsonOutputParser<
  T = JsonValue,
  F extends JsonOutputParserFields = JsonValueFields,
> extends BaseOutputParser<T, JsonOutputChunk<T, F>> {
  readonly options: JsonStreamParserOptions;

  constructor(fields?: F) {
    super();
    const f: JsonOutputParserFields = fields ?? {};
    if (f.diff === true && f.pathEvents === true) {
      throw new InvalidConfigError("JsonOutputParser: choose one of `diff` and `pathEvents`, not both");
    }
    const options: JsonStreamParserOptions = {};
    if (f.mode !== undefined) options.mode = f.mode;
    if (f.completeValues !== undefined) options.completeValues = f.completeValues;
    if (f.pathEvents !== undefined) options.pathEvents = f.pathEvents;
    if (f.diff !== undefined) options.diff = f.diff;
    this.options = options;
    if (f.name !== undefined) this.name = f.name;
  }

  override async parse(text: string): Promise<T> {
    const parser = new JsonStreamParser({ mode: "in-place" });
    parser.push(text);
    return parser.finish() as T;
  }

  override getFormatInstructions(): string {
    return "Respond with a single valid JSON value and nothing else (a ```json fenced block around it is fine).";
  }

  override createAggregator(): Aggregator<JsonOutputChunk<T, F>, T> {
    // Each chunk is not a delta to concatenate: a snapshot replaces the last, ops and events build the value.
    const agg: Aggregator<never, unknown> = this.options.diff
      ? new JsonPatchAggregator()
      : this.options.pathEvents
        ? new JsonRootEventAggregator()
        : new LastValueAggregator();
    return agg as Aggregator<JsonOutputChunk<T, F>, T>;
  }

  protected override parseTextStream(texts: AsyncIterable<string>): AsyncIterable<JsonOutputChunk<T, F>> {
    const parser = new JsonStreamParser(this.options);
    const chunks: AsyncIterable<unknown> = this.options.diff
      ? jsonPatchChunks(parser, texts)
      : this.options.pathEvents
        ? jsonPathEventChunks(parser, texts)
        : jsonValueChunks(parser, texts);
    return chunks as AsyncIterable<JsonOutputChunk<T, F>>;
  }
}

import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { OutputParserError } from "../errors/output-parser-error.js";
import { FencedJsonReader } from "./fenced-json-reader.js";
import type { JsonPathEvent } from "./json-path-event.js";
import type { JsonStreamPatchOperation } from "./json-stream-patch-operation.js";
import type { JsonValue } from "./json-value.js";
import { PartialTree } from "./partial-tree.js";
import { TextAccumulator } from "./text-accumulator.js";

/** Options of {@link JsonStreamParser}. */
export interface JsonStreamParserOptions {
  /**
   * `"snapshot"` (default): every value read from `value` after a change is a distinct copy
   * that later chunks never mutate, sharing unchanged subtrees with the previous one.
   * `"in-place"`: `value` is one object updated as text arrives (cheapest; read the latest).
   */
  mode?: "snapshot" | "in-place";
  /** Show strings, numbers, booleans and null only once complete (objects and arrays still appear when opened). */
  completeValues?: boolean;
  /** Record each completed value for {@link JsonStreamParser.drainPathEvents}. */
  pathEvents?: boolean;
  /** Record JSON-Patch ops for {@link JsonStreamParser.drainPatch}. */
  diff?: boolean;
}

/**
 * Incremental parser for JSON streamed by a model, in linear time: each chunk is read once,
 * and the accumulated text is never parsed again. After each `push`, `value` is the partial
 * value LangChain's `parse_partial_json` gives for the text so far: `{` shows `{}`, a key
 * shows once its value begins, strings grow as read, a number shows its longest valid prefix,
 * `true`/`false`/`null` show when complete. `push` returns true only when that value changed,
 * so callers emit only on change. A Markdown fence around the JSON is accepted (see
 * `FencedJsonReader`). Prose that starts like JSON (`1. Here is the JSON: ```json ...`) is
 * first read as JSON, so `value` may show what it began (`1`); when the fence opens, that
 * value is dropped (`value` is `undefined` again, `push` reports the change) and the fenced
 * value starts fresh; values already read are left as they were. Malformed text never makes `push` throw: the value stops changing,
 * and `finish` throws an `OutputParserError` carrying the whole text.
 *
 * Cost: parsing is O(total length). In snapshot mode, reading `value` after a change copies
 * the open containers on the changed path (closed subtrees are shared), each costing its
 * width, and that is the least a distinct plain value can cost. So reading every change of one
 * wide open object or array is quadratic in its width, and of a deep document in its depth:
 * measured on a 2-core VM, an object of 5,000 members in 8-character chunks takes 3.5 s and
 * an array of 30,000 small objects in 4-character chunks 30 s (each copy past 16,384 elements
 * is a V8 large-object allocation), where in-place, diff and path-event modes, which copy
 * nothing, take 3 to 40 ms. Use one of those for wide or deep output. Numbers are converted
 * once per chunk from their text, so a number spread over many chunks costs its length per
 * chunk (numbers are short).
 *
 * @example
 * const parser = new JsonStreamParser();
 * for (const chunk of ['{"name": "Fr', 'ance", "pop', 'ulation": 67', '391582}']) {
 *   if (parser.push(chunk)) console.log(parser.value);
 * }
 * // { name: "Fr" }, { name: "France" }, { name: "France", population: 67 }, { ..., population: 67391582 }
 * parser.finish(); // { name: "France", population: 67391582 }
 */
export class JsonStreamParser {
  private readonly tree: PartialTree;
  private readonly reader: FencedJsonReader;
  private readonly text = new TextAccumulator();
  private readonly options: JsonStreamParserOptions;
  private finished = false;
  /** Why the text is not JSON, once `finish` has found out (kept so every call throws alike). */
  private finishError: string | undefined = undefined;

  constructor(options: JsonStreamParserOptions = {}) {
    this.options = options;
    this.tree = new PartialTree({
      snapshots: (options.mode ?? "snapshot") === "snapshot",
      completeValues: options.completeValues ?? false,
      pathEvents: options.pathEvents ?? false,
      diff: options.diff ?? false,
    });
    this.reader = new FencedJsonReader(this.tree);
  }

  /** Reads the next chunk; returns true when the partial value changed since the last push that returned true. */
  push(text: string): boolean {
    if (this.finished) throw new InvalidInputError("JsonStreamParser.push() was called after finish()");
    this.text.append(text);
    this.reader.push(text);
    return this.tree.takeChanged();
  }

  /** The current partial value, `undefined` until something is visible (see the class comment for sharing). */
  get value(): JsonValue | undefined {
    return this.tree.snapshot();
  }

  /**
   * Ends the input and returns the final value, equal to `JSON.parse` of the text (inside its
   * fence, if any). Throws an `OutputParserError` with the whole text when it is not one
   * complete JSON value. Calling it again returns the same result.
   */
  finish(): JsonValue {
    if (!this.finished) {
      this.finished = true;
      this.finishError = this.reader.finish();
    }
    if (this.finishError !== undefined) {
      throw new OutputParserError(`Invalid JSON output: ${this.finishError}`, this.text.toString());
    }
    return this.tree.snapshot() as JsonValue;
  }

  /** Values completed since the last call, innermost first, the root last (needs `pathEvents: true`). */
  drainPathEvents(): JsonPathEvent[] {
    if (this.options.pathEvents !== true) {
      throw new InvalidConfigError("drainPathEvents() needs the parser option pathEvents: true");
    }
    return this.tree.drainEvents();
  }

  /**
   * Patch ops since the last call, turning the value at that time into the current one
   * (needs `diff: true`). Strings grow by `append` ops, so the ops of a whole stream add up
   * to O(text length).
   */
  drainPatch(): JsonStreamPatchOperation[] {
    if (this.options.diff !== true)
      throw new InvalidConfigError("drainPatch() needs the parser option diff: true");
    return this.tree.drainOps();
  }
}

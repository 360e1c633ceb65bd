import type { JsonPathEvent } from "../json-stream/json-path-event.js";
import type { JsonStreamParser } from "../json-stream/json-stream-parser.js";
import type { JsonStreamPatchOperation } from "../json-stream/json-stream-patch-operation.js";
import type { JsonValue } from "../json-stream/json-value.js";

/**
 * Feeds text chunks to `parser` and yields its value each time it changed (snapshot or
 * in-place, as the parser was built), then one more time if finishing changed it (a value
 * shown only once complete, such as a bare top-level number). Returns the final value, or
 * throws the parser's `OutputParserError` when the whole text is not JSON; a partial parse
 * never throws before the end.
 */
export async function* jsonValueChunks(
  parser: JsonStreamParser,
  texts: AsyncIterable<string>,
): AsyncGenerator<JsonValue, JsonValue> {
  let last: JsonValue | undefined;
  let emitted = false;
  for await (const text of texts) {
    if (!parser.push(text)) continue;
    const value = parser.value;
    if (value === undefined) continue;
    last = value;
    emitted = true;
    yield value;
  }
  const final = parser.finish();
  // Identity is enough: the parser hands out the same object until the value changes.
  if (!emitted || final !== last) yield final;
  return final;
}

/** Feeds text chunks to `parser` (built with `pathEvents: true`) and yields each completed value with its path, the root last. */
export async function* jsonPathEventChunks(
  parser: JsonStreamParser,
  texts: AsyncIterable<string>,
): AsyncGenerator<JsonPathEvent> {
  for await (const text of texts) {
    parser.push(text);
    yield* parser.drainPathEvents();
  }
  parser.finish();
  yield* parser.drainPathEvents();
}

/** Feeds text chunks to `parser` (built with `diff: true`) and yields the patch ops of each chunk that changed the value. */
export async function* jsonPatchChunks(
  parser: JsonStreamParser,
  texts: AsyncIterable<string>,
): AsyncGenerator<JsonStreamPatchOperation[]> {
  for await (const text of texts) {
    parser.push(text);
    const ops = parser.drainPatch();
    if (ops.length > 0) yield ops;
  }
  parser.finish();
  const ops = parser.drainPatch();
  if (ops.length > 0) yield ops;
}

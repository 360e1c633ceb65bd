/**
 * Internal: reads a byte stream (a web `ReadableStream` or any async iterable, such as a
 * Node stream) and yields its text. `TextDecoder` with `stream: true` keeps the bytes of
 * a character split across chunks until the rest arrives, and drops one leading BOM. When
 * the consumer stops early, a `ReadableStream` is cancelled so the connection behind it
 * (a `fetch` body) is released.
 */
export async function* decodeUtf8Chunks(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<string, void, undefined> {
  const decoder = new TextDecoder("utf-8");
  for await (const bytes of readChunks(source)) {
    const text = decoder.decode(bytes, { stream: true });
    if (text !== "") yield text;
  }
  const tail = decoder.decode();
  if (tail !== "") yield tail;
}

async function* readChunks(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): AsyncGenerator<Uint8Array, void, undefined> {
  if (!isReadableStream(source)) {
    yield* source;
    return;
  }
  // The reader, not `for await`: not every runtime makes ReadableStream async-iterable.
  const reader = source.getReader();
  let finished = false;
  try {
    for (;;) {
      const result = await reader.read();
      if (result.done) {
        finished = true;
        return;
      }
      yield result.value;
    }
  } finally {
    if (!finished) await reader.cancel().catch(() => undefined);
    reader.releaseLock();
  }
}

function isReadableStream(value: unknown): value is ReadableStream<Uint8Array> {
  return typeof (value as { getReader?: unknown }).getReader === "function";
}

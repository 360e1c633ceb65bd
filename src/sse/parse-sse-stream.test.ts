import { describe, expect, it } from "vitest";
import { parseSseStream } from "./parse-sse-stream.js";
import type { SseMessage } from "./sse-message.js";

const encoder = new TextEncoder();

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function collect(
  source: ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>,
): Promise<SseMessage[]> {
  const messages: SseMessage[] = [];
  for await (const message of parseSseStream(source)) messages.push(message);
  return messages;
}

function parse(text: string): Promise<SseMessage[]> {
  return collect(chunks(encoder.encode(text)));
}

// Every rule at once: BOM, comments, CRLF / CR / LF endings, a field without a colon,
// extra spaces kept, sticky ids, retry, multi-byte characters, an unterminated last frame.
const richStream =
  "\uFEFF: keep-alive comment\r\n" +
  "event: greet\r\ndata: héllo\r\ndata: 東京\r\nid: 1\r\n\r\n" +
  "data:no space\rdata:  two spaces\r\r" +
  ":another comment\nretry: 3000\nevent\ndata\n\n" +
  'id: 2\nunknown: field\ndata: {"a":1}\n\n' +
  "event: partial\ndata: never dispatched";

const richExpected: SseMessage[] = [
  { event: "greet", data: "héllo\n東京", id: "1" },
  { event: "message", data: "no space\n two spaces", id: "1" },
  { event: "message", data: "", id: "1", retry: 3000 },
  { event: "message", data: '{"a":1}', id: "2" },
];

describe("parseSseStream", () => {
  it("parses a stream in one chunk", async () => {
    expect(await parse(richStream)).toEqual(richExpected);
  });

  it("gives the same events when the bytes are split at any single position", async () => {
    const bytes = encoder.encode(richStream);
    // The split positions include the inside of "é" (2 bytes), "東" and "京" (3 bytes each),
    // the BOM (3 bytes) and every "\r\n".
    for (let at = 0; at <= bytes.length; at++) {
      const messages = await collect(chunks(bytes.slice(0, at), bytes.slice(at)));
      expect(messages, `split at byte ${at}`).toEqual(richExpected);
    }
  });

  it("gives the same events when fed one byte at a time", async () => {
    const bytes = encoder.encode(richStream);
    const single = Array.from(bytes, (byte) => Uint8Array.of(byte));
    expect(await collect(chunks(...single))).toEqual(richExpected);
  });

  it("does not see an empty line in a \\r\\n split across chunks, even with empty chunks between", async () => {
    const parts = ["data: a\r", "", "\ndata: b\r\n\r\n"].map((text) => encoder.encode(text));
    expect(await collect(chunks(...parts))).toEqual([{ event: "message", data: "a\nb" }]);
  });

  it("reads a ReadableStream and accepts empty chunks", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(encoder.encode("event: x\n"));
        controller.enqueue(new Uint8Array(0));
        controller.enqueue(encoder.encode("data: 1\n\n"));
        controller.close();
      },
    });
    expect(await collect(stream)).toEqual([{ event: "x", data: "1" }]);
  });

  it("ignores comments and frames without data, and resets the event name after each dispatch", async () => {
    expect(await parse(": only a comment\n\nevent: lonely\n\ndata: next\n\n")).toEqual([
      { event: "message", data: "next" },
    ]);
  });

  it("keeps the last id until a new id field (an empty one clears it), and ignores an id with NUL", async () => {
    const text = "id: 7\ndata: a\n\ndata: b\n\nid\ndata: c\n\nid: 8\0\ndata: d\n\n";
    expect(await parse(text)).toEqual([
      { event: "message", data: "a", id: "7" },
      { event: "message", data: "b", id: "7" },
      { event: "message", data: "c" },
      { event: "message", data: "d" },
    ]);
  });

  it("takes retry only when it is all digits, and reports it on the next event", async () => {
    const text = "retry: 1500\n\nretry: soon\ndata: a\n\nretry: 20\ndata: b\n\n";
    expect(await parse(text)).toEqual([
      { event: "message", data: "a", retry: 1500 },
      { event: "message", data: "b", retry: 20 },
    ]);
  });

  it("ignores a retry too long to be an exact number of milliseconds (it read as Infinity)", async () => {
    const text = `retry: ${"9".repeat(400)}\ndata: a\n\nretry: 9007199254740993\ndata: b\n\nretry: 0\ndata: c\n\n`;
    expect(await parse(text)).toEqual([
      { event: "message", data: "a" },
      { event: "message", data: "b" },
      { event: "message", data: "c", retry: 0 },
    ]);
  });

  it("skips only one BOM and only at the very start", async () => {
    expect(await parse("\uFEFFdata: x\n\n")).toEqual([{ event: "message", data: "x" }]);
    // A second BOM is part of the first line's field name, so that line is an unknown field.
    expect(await parse("\uFEFF\uFEFFdata: x\n\ndata: y\n\n")).toEqual([{ event: "message", data: "y" }]);
  });

  it("drops the last frame when the stream ends before its blank line", async () => {
    expect(await parse("data: complete\n\ndata: cut\n")).toEqual([{ event: "message", data: "complete" }]);
  });

  it("cancels a ReadableStream source when the loop stops early", async () => {
    let cancelled = false;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        controller.enqueue(encoder.encode("data: tick\n\n"));
      },
      cancel() {
        cancelled = true;
      },
    });
    for await (const message of parseSseStream(stream)) {
      expect(message.data).toBe("tick");
      break;
    }
    expect(cancelled).toBe(true);
  });

  it("passes on a source error", async () => {
    async function* failing(): AsyncGenerator<Uint8Array> {
      yield encoder.encode("data: a\n\n");
      throw new Error("connection reset");
    }
    const seen: string[] = [];
    await expect(async () => {
      for await (const message of parseSseStream(failing())) seen.push(message.data);
    }).rejects.toThrow("connection reset");
    expect(seen).toEqual(["a"]);
  });
});

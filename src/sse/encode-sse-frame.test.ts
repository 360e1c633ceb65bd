import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { encodeSseFrame } from "./encode-sse-frame.js";
import { parseSseStream } from "./parse-sse-stream.js";
import type { SseFrame } from "./sse-frame.js";
import type { SseMessage } from "./sse-message.js";

describe("encodeSseFrame", () => {
  it("writes the event name, the data and a blank line", () => {
    expect(encodeSseFrame({ event: "data", data: '{"a":1}' })).toBe('event: data\ndata: {"a":1}\n\n');
    expect(encodeSseFrame({ data: "plain" })).toBe("data: plain\n\n");
  });

  it('writes no data line when data is omitted, one empty data line for data: ""', () => {
    expect(encodeSseFrame({ event: "end" })).toBe("event: end\n\n");
    expect(encodeSseFrame({ event: "end", data: "" })).toBe("event: end\ndata: \n\n");
    expect(encodeSseFrame({ event: "end", id: "7" })).toBe("event: end\nid: 7\n\n");
  });

  it("writes each line of the data as its own data line, whatever the line break", () => {
    expect(encodeSseFrame({ data: "a\nb\r\nc\rd" })).toBe("data: a\ndata: b\ndata: c\ndata: d\n\n");
    expect(encodeSseFrame({ data: "" })).toBe("data: \n\n");
    expect(encodeSseFrame({ data: "end\n" })).toBe("data: end\ndata: \n\n");
  });

  it("writes id and retry", () => {
    expect(encodeSseFrame({ event: "end", data: "", id: "42", retry: 1000 })).toBe(
      "event: end\nid: 42\nretry: 1000\ndata: \n\n",
    );
  });

  it.each(["a\nb", "a\rb", "a\r\nb", "\n"])("rejects CR or LF in event and id (%j)", (bad) => {
    expect(() => encodeSseFrame({ event: bad, data: "x" })).toThrow(InvalidInputError);
    expect(() => encodeSseFrame({ event: bad, data: "x" })).toThrow(/`event` must not contain CR or LF/);
    expect(() => encodeSseFrame({ id: bad, data: "x" })).toThrow(/`id` must not contain CR or LF/);
  });

  it("rejects an id with NUL and a retry that is not a non-negative integer", () => {
    expect(() => encodeSseFrame({ id: "a\0", data: "x" })).toThrow(InvalidInputError);
    expect(() => encodeSseFrame({ retry: -1, data: "x" })).toThrow(/retry/);
    expect(() => encodeSseFrame({ retry: 1.5, data: "x" })).toThrow(InvalidInputError);
  });

  it.each([Number.NaN, -1, 1.5, Number.POSITIVE_INFINITY])(
    "rejects retry: %s with the shared message",
    (retry) => {
      expect(() => encodeSseFrame({ retry, data: "x" })).toThrow(InvalidInputError);
      expect(() => encodeSseFrame({ retry, data: "x" })).toThrow(
        /^SSE frame: retry must be a non-negative integer, got/,
      );
    },
  );

  it("writes retry: 0", () => {
    expect(encodeSseFrame({ retry: 0, data: "x" })).toBe("retry: 0\ndata: x\n\n");
  });
});

describe("encodeSseFrame and parseSseStream", () => {
  it("round-trip frames through UTF-8 bytes", async () => {
    const frames: SseFrame[] = [
      { event: "data", data: '{"text":"héllo 東京"}', id: "1" },
      { data: "two\nlines" },
      { event: "end", data: "" },
    ];
    const encoder = new TextEncoder();
    const bytes = new ReadableStream<Uint8Array>({
      start(controller) {
        for (const frame of frames) controller.enqueue(encoder.encode(encodeSseFrame(frame)));
        controller.close();
      },
    });
    const messages: SseMessage[] = [];
    for await (const message of parseSseStream(bytes)) messages.push(message);
    expect(messages).toEqual([
      { event: "data", data: '{"text":"héllo 東京"}', id: "1" },
      { event: "message", data: "two\nlines", id: "1" },
      { event: "end", data: "", id: "1" },
    ]);
  });
});

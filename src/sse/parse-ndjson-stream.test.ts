import { describe, expect, it } from "vitest";
import { NdjsonParseError } from "./ndjson-parse-error.js";
import { parseNdjsonStream } from "./parse-ndjson-stream.js";

const encoder = new TextEncoder();

async function* chunks(...parts: Uint8Array[]): AsyncGenerator<Uint8Array> {
  for (const part of parts) yield part;
}

async function collect(source: AsyncIterable<Uint8Array> | ReadableStream<Uint8Array>): Promise<unknown[]> {
  const values: unknown[] = [];
  for await (const value of parseNdjsonStream(source)) values.push(value);
  return values;
}

const text = '{"response":"héllo","done":false}\r\n\n{"response":"東京"}\n  \n[1,2]\n"last, no newline"';
const expected = [{ response: "héllo", done: false }, { response: "東京" }, [1, 2], "last, no newline"];

describe("parseNdjsonStream", () => {
  it("parses one value per line, skipping blank lines and accepting CRLF and no final newline", async () => {
    expect(await collect(chunks(encoder.encode(text)))).toEqual(expected);
  });

  it("gives the same values when the bytes are split at any single position", async () => {
    const bytes = encoder.encode(text);
    for (let at = 0; at <= bytes.length; at++) {
      expect(await collect(chunks(bytes.slice(0, at), bytes.slice(at))), `split at byte ${at}`).toEqual(
        expected,
      );
    }
  });

  it("gives the same values when fed one byte at a time from a ReadableStream", async () => {
    const bytes = encoder.encode(text);
    let index = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (index < bytes.length) controller.enqueue(bytes.slice(index, ++index));
        else controller.close();
      },
    });
    expect(await collect(stream)).toEqual(expected);
  });

  it("keeps a lone \\r inside a line (JSON whitespace), not as a line break", async () => {
    expect(await collect(chunks(encoder.encode('{"a":\r1}\n')))).toEqual([{ a: 1 }]);
  });

  it("throws a typed error with the bad line's text and number", async () => {
    const values: unknown[] = [];
    let caught: unknown;
    try {
      for await (const value of parseNdjsonStream(
        chunks(encoder.encode('{"ok":1}\n\n{"broken":\r\n{"ok":2}\n')),
      )) {
        values.push(value);
      }
    } catch (error) {
      caught = error;
    }
    expect(values).toEqual([{ ok: 1 }]);
    expect(NdjsonParseError.isInstance(caught)).toBe(true);
    const error = caught as NdjsonParseError;
    expect(error.line).toBe('{"broken":');
    expect(error.lineNumber).toBe(3);
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain('{\\"broken\\":');
    expect(error.cause).toBeInstanceOf(SyntaxError);
  });
});

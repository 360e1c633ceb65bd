// streamEvents with encoding "text/event-stream" (docs/events.md rule 9): SSE bytes, one
// `event: data` frame per event, then `event: end` with no data line (@langchain/core's
// bytes); a failure becomes `event: error` first. parseSseStream follows WHATWG and dispatches
// only frames with data, so it does not surface the end frame: the tests read it from the text.
import { InvalidInputError, RunnableLambda, RunnableSequence } from "rivulet";
import { fromArray, normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { parseSseStream } from "../sse/index.js";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const show = RunnableLambda.from((x: number) => `n=${x}`, { name: "show" });
const chain = RunnableSequence.from([addOne, show]);

async function sseBytes(runnable: typeof chain, input: number): Promise<Uint8Array[]> {
  return toArray(runnable.streamEvents(input, { version: "v2", encoding: "text/event-stream" }));
}

describe("streamEvents as SSE", () => {
  it("yields Uint8Array chunks", async () => {
    const chunks = await sseBytes(chain, 1);
    expect(chunks.length).toBeGreaterThan(0);
    for (const c of chunks) expect(c).toBeInstanceOf(Uint8Array);
  });

  it("decodes to `event: data` frames with one JSON data line each, ending with `event: end`", async () => {
    const text = new TextDecoder().decode(Buffer.concat(await sseBytes(chain, 1)));
    expect(text.endsWith("\n\nevent: end\n\n")).toBe(true);
    const frames = text.split("\n\n").filter((f) => f !== "");
    expect(frames.at(-1)).toBe("event: end");
    const dataFrames = frames.slice(0, -1);
    expect(dataFrames).toHaveLength(9);
    for (const frame of dataFrames) expect(frame).toMatch(/^event: data\ndata: \{[^\n]*\}$/);
    const first = JSON.parse(dataFrames[0]!.slice("event: data\ndata: ".length));
    expect(normalizeIds(first)).toStrictEqual({
      event: "on_chain_start",
      name: "RunnableSequence",
      run_id: "<id:0>",
      parent_ids: [],
      tags: [],
      metadata: {},
      data: { input: 1 },
    });
  });

  it("writes @langchain/core's bytes: `event: data\\ndata: <json>\\n\\n` per event, then `event: end\\n\\n`", async () => {
    const text = new TextDecoder().decode(Buffer.concat(await sseBytes(chain, 1)));
    // The last frame has no `data:` line (it used to end with an empty `data: ` line).
    expect(text.slice(text.lastIndexOf("\n\n", text.length - 3))).toBe("\n\nevent: end\n\n");
    const frames = text.split("\n\n");
    expect(frames.slice(-2)).toStrictEqual(["event: end", ""]);
    for (const frame of frames.slice(0, -2)) {
      const [eventLine, dataLine, ...rest] = frame.split("\n");
      expect([eventLine, rest]).toStrictEqual(["event: data", []]);
      expect(dataLine).toBe(`data: ${JSON.stringify(JSON.parse(dataLine!.slice("data: ".length)))}`);
    }
  });

  it("parsed back with parseSseStream, the JSON equals the object events (ids aside)", async () => {
    const messages = await toArray(parseSseStream(fromArray(await sseBytes(chain, 1))));
    expect(messages.map((m) => m.event)).toStrictEqual(Array(9).fill("data"));
    const parsed: unknown[] = messages.filter((m) => m.event === "data").map((m) => JSON.parse(m.data));
    const objects = await toArray(chain.streamEvents(1, { version: "v2" }));
    expect(normalizeIds(parsed)).toStrictEqual(normalizeIds(objects));
  });

  it("a v1 stream encodes v1 events (no parent_ids)", async () => {
    const bytes = await toArray(chain.streamEvents(1, { version: "v1", encoding: "text/event-stream" }));
    const messages = await toArray(parseSseStream(fromArray(bytes)));
    const parsed = messages.filter((m) => m.event === "data").map((m) => JSON.parse(m.data) as object);
    expect(parsed).toHaveLength(9);
    for (const e of parsed) expect(Object.hasOwn(e, "parent_ids")).toBe(false);
  });

  it("an error in the chain yields the events so far, an `event: error` frame, then `event: end`", async () => {
    const failing = RunnableSequence.from([
      addOne,
      RunnableLambda.from(
        (_x: number): string => {
          throw new TypeError("bad input");
        },
        { name: "fail" },
      ),
    ]);
    // The byte stream does not throw: the error is a frame, so an HTTP client sees the end.
    const bytes = await toArray(failing.streamEvents(1, { version: "v2", encoding: "text/event-stream" }));
    const messages = await toArray(parseSseStream(fromArray(bytes)));
    expect(messages.map((m) => m.event)).toStrictEqual([
      "data",
      "data",
      "data",
      "data",
      "data",
      "data",
      "data",
      "error",
    ]);
    const events = messages.slice(0, 7).map((m) => JSON.parse(m.data) as { event: string; name: string });
    expect(events.map((e) => `${e.event} ${e.name}`)).toStrictEqual([
      "on_chain_start RunnableSequence",
      "on_chain_start addOne",
      "on_chain_stream addOne",
      "on_chain_start fail",
      "on_chain_end addOne",
      "on_chain_error fail",
      "on_chain_error RunnableSequence",
    ]);
    // Errors inside events are written as { name, message } (JSON.stringify would give {}).
    expect((JSON.parse(messages[5]!.data) as { data: unknown }).data).toStrictEqual({
      error: { name: "TypeError", message: "bad input" },
      input: 2,
    });
    // The error frame is errorPayload's: a non-Rivulet error is masked (no message, no stack).
    expect(JSON.parse(messages[7]!.data)).toStrictEqual({
      code: "internal",
      name: "Error",
      message: "Internal error",
      status: 500,
    });
    const text = new TextDecoder().decode(Buffer.concat(bytes));
    expect(text.endsWith(`event: error\ndata: ${messages[7]!.data}\n\nevent: end\n\n`)).toBe(true);
  });

  it("a failure with a coded RivuletError carries its code in the error frame", async () => {
    const controller = new AbortController();
    controller.abort();
    const bytes = await toArray(
      chain.streamEvents(1, { version: "v2", encoding: "text/event-stream", signal: controller.signal }),
    );
    const messages = await toArray(parseSseStream(fromArray(bytes)));
    expect(messages.map((m) => m.event)).toStrictEqual(["error"]);
    expect(JSON.parse(messages[0]!.data)).toStrictEqual({
      code: "aborted",
      name: "AbortError",
      message: "The run was aborted",
      status: 499,
    });
  });

  it("the error frame of a Rivulet error keeps its class name and message, with the code's HTTP status", async () => {
    const rejecting = RunnableLambda.from(
      (_x: number): number => {
        throw new InvalidInputError("x must be even: pass an even number");
      },
      { name: "rejecting" },
    );
    const bytes = await toArray(rejecting.streamEvents(1, { version: "v2", encoding: "text/event-stream" }));
    const messages = await toArray(parseSseStream(fromArray(bytes)));
    const frame = messages.find((m) => m.event === "error");
    expect(JSON.parse(frame?.data ?? "null")).toStrictEqual({
      code: "invalid_input",
      name: "InvalidInputError",
      message: "x must be even: pass an even number",
      status: 422,
    });
  });
});

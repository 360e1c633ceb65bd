import { IterableReadableStream } from "rivulet";
import { describe, expect, it } from "vitest";

function tracked(items: string[]) {
  const state = { pulled: 0, closed: false };
  async function* source(): AsyncGenerator<string> {
    try {
      for (const item of items) {
        state.pulled++;
        yield item;
      }
    } finally {
      state.closed = true;
    }
  }
  return { state, stream: new IterableReadableStream(source()) };
}

describe("IterableReadableStream", () => {
  it("is a ReadableStream that pulls nothing before it is read", async () => {
    const { state, stream } = tracked(["a", "b"]);
    expect(stream).toBeInstanceOf(ReadableStream);
    await new Promise((r) => setTimeout(r, 1));
    expect(state.pulled).toBe(0);
  });

  it("can be read with for await", async () => {
    const { stream } = tracked(["a", "b"]);
    const seen: string[] = [];
    for await (const c of stream) seen.push(c);
    expect(seen).toEqual(["a", "b"]);
  });

  it("can be read with getReader and closes at the end", async () => {
    const { stream } = tracked(["a"]);
    const reader = stream.getReader();
    expect(await reader.read()).toEqual({ done: false, value: "a" });
    expect(await reader.read()).toEqual({ done: true, value: undefined });
  });

  it("closes the source when the loop is left early", async () => {
    const { state, stream } = tracked(["a", "b", "c"]);
    for await (const _ of stream) break;
    expect(state.closed).toBe(true);
    expect(state.pulled).toBe(1);
  });

  it("closes the source when the reader cancels", async () => {
    const { state, stream } = tracked(["a", "b", "c"]);
    const reader = stream.getReader();
    await reader.read();
    await reader.cancel();
    expect(state.closed).toBe(true);
  });

  it("refuses a second reader while iterated", () => {
    const { stream } = tracked(["a"]);
    stream[Symbol.asyncIterator]();
    expect(() => stream[Symbol.asyncIterator]()).toThrow(TypeError);
    expect(() => stream.getReader()).toThrow(TypeError);
  });

  it("can be piped through a web TransformStream", async () => {
    const { stream } = tracked(["a", "b"]);
    const upper = stream.pipeThrough(
      new TransformStream<string, string>({ transform: (c, ctl) => ctl.enqueue(c.toUpperCase()) }),
    );
    const seen: string[] = [];
    const reader = upper.getReader();
    for (let r = await reader.read(); !r.done; r = await reader.read()) seen.push(r.value);
    expect(seen).toEqual(["A", "B"]);
  });
});

import { InvalidInputError, RouterRunnable, RunnableGenerator, RunnableLambda } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const upper = RunnableLambda.from((text: string) => text.toUpperCase(), { name: "upper" });
const reverse = RunnableLambda.from((text: string) => [...text].reverse().join(""), { name: "reverse" });
const words = new RunnableGenerator({
  name: "words",
  generator: async function* (input: AsyncIterable<string>) {
    for await (const text of input) for (const word of text.split(" ")) yield `${word}|`;
  },
});

const router = new RouterRunnable({ runnables: { upper, reverse, words } });

describe("RouterRunnable", () => {
  it("runs the runnable the key names on the input", async () => {
    expect(await router.invoke({ key: "reverse", input: "Hello" })).toBe("olleH");
    expect(await router.invoke({ key: "upper", input: "Hello" })).toBe("HELLO");
  });

  it("fails with an InvalidInputError naming the keys for an unknown key", async () => {
    const unknownKey = { key: "shout", input: "x" } as unknown as { key: "upper"; input: string };
    await expect(router.invoke(unknownKey)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(router.invoke(unknownKey)).rejects.toThrow(
      'No runnable associated with key "shout" in RouterRunnable: use one of "upper", "reverse", "words"',
    );
    const inherited = { key: "toString", input: "x" } as unknown as { key: "upper"; input: string };
    await expect(router.invoke(inherited)).rejects.toBeInstanceOf(InvalidInputError);
  });

  it("says what it takes when the input is not { key, input }", async () => {
    await expect(router.invoke("upper" as unknown as { key: "upper"; input: string })).rejects.toThrow(
      'RouterRunnable takes { key, input } with key one of "upper", "reverse", "words"',
    );
  });

  it("streams the chosen runnable's chunks through", async () => {
    expect(await toArray(router.stream({ key: "words", input: "a b c" }))).toEqual(["a|", "b|", "c|"]);
  });

  it("is a chain run with the chosen runnable as its child", async () => {
    const rec = new RunRecorder();
    await router.invoke({ key: "upper", input: "hi" }, { callbacks: [rec] });
    expect(rec.lines()).toEqual(["start:RouterRunnable", "start:upper", "end:upper", "end:RouterRunnable"]);
    expect(rec.entries[1]).toMatchObject({ input: "hi" });
    expect(rec.entries[3]).toMatchObject({ input: { key: "upper", input: "hi" }, output: "HI" });
  });

  it("shows the router and the chosen runnable in streamEvents", async () => {
    const events = await toArray(router.streamEvents({ key: "words", input: "x y" }, { version: "v2" }));
    const streamed = events.filter((e) => e.event === "on_chain_stream").map((e) => [e.name, e.data.chunk]);
    expect(streamed).toEqual([
      ["words", "x|"],
      ["RouterRunnable", "x|"],
      ["words", "y|"],
      ["RouterRunnable", "y|"],
    ]);
    expect(events[0]).toMatchObject({ event: "on_chain_start", name: "RouterRunnable" });
    expect(events.at(-1)).toMatchObject({
      event: "on_chain_end",
      name: "RouterRunnable",
      data: { output: "x|y|" },
    });
  });

  it("batches, checking every key before running any input", async () => {
    expect(
      await router.batch([
        { key: "upper", input: "a" },
        { key: "reverse", input: "ab" },
      ]),
    ).toEqual(["A", "ba"]);
    const rec = new RunRecorder();
    const inputs = [
      { key: "upper", input: "a" },
      { key: "nope", input: "b" },
    ] as unknown as { key: "upper"; input: string }[];
    await expect(router.batch(inputs, { callbacks: [rec] })).rejects.toBeInstanceOf(InvalidInputError);
    expect(rec.entries).toEqual([]);
    const settled = await router.batch(inputs, undefined, { returnExceptions: true });
    expect(settled[0]).toBe("A");
    expect(settled[1]).toBeInstanceOf(InvalidInputError);
  });

  it("needs an object of runnables", () => {
    expect(() => new RouterRunnable({ runnables: null as unknown as Record<string, typeof upper> })).toThrow(
      InvalidInputError,
    );
  });
});

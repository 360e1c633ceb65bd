// Transcript tests of streamEvents v2 (docs/events.md rules 1-3, 12 and 13):
// the whole ordered event list, ids normalised, written out explicitly.
import { RunnableLambda, RunnableSequence } from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { ev, R, S1, S2, S3, S4 } from "./test-support/expected-event.js";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });
const show = RunnableLambda.from((x: number) => `n=${x}`, { name: "show" });

describe("streamEvents v2: a single lambda", () => {
  it("starts with the input, streams the output once, ends with { output } only (root)", async () => {
    const reverseWord = RunnableLambda.from(function reverse_word(word: string) {
      return [...word].reverse().join("");
    });
    const events = normalizeIds(await toArray(reverseWord.streamEvents("hello", { version: "v2" })));
    expect(events).toStrictEqual([
      ev("on_chain_start", "reverse_word", R, [], [], { input: "hello" }),
      ev("on_chain_stream", "reverse_word", R, [], [], { chunk: "olleh" }),
      ev("on_chain_end", "reverse_word", R, [], [], { output: "olleh" }),
    ]);
  });

  it("is v2 by default (no options)", async () => {
    const events = normalizeIds(await toArray(addOne.streamEvents(1)));
    expect(events.map((e) => e.parent_ids)).toStrictEqual([[], [], []]);
  });
});

describe("streamEvents v2: a sequence of plain lambdas", () => {
  it("follows the pipelined order of rule 2, with seq:step:N tags and { output, input } on nested ends", async () => {
    const chain = RunnableSequence.from([addOne, double, show]);
    const events = normalizeIds(await toArray(chain.streamEvents(1, { version: "v2" })));
    expect(events).toStrictEqual([
      ev("on_chain_start", "RunnableSequence", R, [], [], { input: 1 }),
      ev("on_chain_start", "addOne", S1, [R], ["seq:step:1"], { input: 1 }),
      ev("on_chain_stream", "addOne", S1, [R], ["seq:step:1"], { chunk: 2 }),
      ev("on_chain_start", "double", S2, [R], ["seq:step:2"], {}),
      ev("on_chain_end", "addOne", S1, [R], ["seq:step:1"], { output: 2, input: 1 }),
      ev("on_chain_stream", "double", S2, [R], ["seq:step:2"], { chunk: 4 }),
      ev("on_chain_start", "show", S3, [R], ["seq:step:3"], {}),
      ev("on_chain_end", "double", S2, [R], ["seq:step:2"], { output: 4, input: 2 }),
      ev("on_chain_stream", "show", S3, [R], ["seq:step:3"], { chunk: "n=4" }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: "n=4" }),
      ev("on_chain_end", "show", S3, [R], ["seq:step:3"], { output: "n=4", input: 4 }),
      ev("on_chain_end", "RunnableSequence", R, [], [], { output: "n=4" }),
    ]);
  });
});

describe("streamEvents v2: a sequence of generator steps", () => {
  // Each step yields two chunks. Rule 2: a chunk's stream event comes before the next step
  // sees it, so each chunk travels the whole pipeline (step 1, 2, 3, then the root) before
  // step 1 produces the next one; a step starts at its first input chunk; a step ends only
  // once its input is exhausted, which step 1 learns when the next chunk is asked for after
  // the last one, so the ends come last, upstream first.
  async function* letters(input: AsyncIterable<string>) {
    for await (const word of input) for (const ch of word) yield ch;
  }
  async function* upper(input: AsyncIterable<string>) {
    for await (const s of input) yield s.toUpperCase();
  }
  async function* bang(input: AsyncIterable<string>) {
    for await (const s of input) yield `${s}!`;
  }

  it("pipelines chunk by chunk", async () => {
    const chain = RunnableSequence.from([letters, upper, bang]);
    const events = normalizeIds(await toArray(chain.streamEvents("ab", { version: "v2" })));
    const t1 = ["seq:step:1"];
    const t2 = ["seq:step:2"];
    const t3 = ["seq:step:3"];
    expect(events).toStrictEqual([
      ev("on_chain_start", "RunnableSequence", R, [], [], { input: "ab" }),
      ev("on_chain_start", "letters", S1, [R], t1, { input: "ab" }),
      ev("on_chain_stream", "letters", S1, [R], t1, { chunk: "a" }),
      ev("on_chain_start", "upper", S2, [R], t2, {}),
      ev("on_chain_stream", "upper", S2, [R], t2, { chunk: "A" }),
      ev("on_chain_start", "bang", S3, [R], t3, {}),
      ev("on_chain_stream", "bang", S3, [R], t3, { chunk: "A!" }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: "A!" }),
      ev("on_chain_stream", "letters", S1, [R], t1, { chunk: "b" }),
      ev("on_chain_stream", "upper", S2, [R], t2, { chunk: "B" }),
      ev("on_chain_stream", "bang", S3, [R], t3, { chunk: "B!" }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: "B!" }),
      ev("on_chain_end", "letters", S1, [R], t1, { output: "ab", input: "ab" }),
      ev("on_chain_end", "upper", S2, [R], t2, { output: "AB", input: "ab" }),
      ev("on_chain_end", "bang", S3, [R], t3, { output: "A!B!", input: "AB" }),
      ev("on_chain_end", "RunnableSequence", R, [], [], { output: "A!B!" }),
    ]);
  });
});

describe("streamEvents v2: nesting", () => {
  it("a named nested sequence is its own run, emits on_chain_stream (docs/events.md rule 3), two levels of parent_ids", async () => {
    const inner = RunnableSequence.from([addOne, double], { name: "inner" });
    const outer = RunnableSequence.from([inner, show]);
    const events = normalizeIds(await toArray(outer.streamEvents(1, { version: "v2" })));
    expect(events).toStrictEqual([
      ev("on_chain_start", "RunnableSequence", R, [], [], { input: 1 }),
      ev("on_chain_start", "inner", S1, [R], ["seq:step:1"], { input: 1 }),
      ev("on_chain_start", "addOne", S2, [R, S1], ["seq:step:1"], { input: 1 }),
      ev("on_chain_stream", "addOne", S2, [R, S1], ["seq:step:1"], { chunk: 2 }),
      ev("on_chain_start", "double", S3, [R, S1], ["seq:step:2"], {}),
      ev("on_chain_end", "addOne", S2, [R, S1], ["seq:step:1"], { output: 2, input: 1 }),
      ev("on_chain_stream", "double", S3, [R, S1], ["seq:step:2"], { chunk: 4 }),
      ev("on_chain_stream", "inner", S1, [R], ["seq:step:1"], { chunk: 4 }),
      ev("on_chain_start", "show", S4, [R], ["seq:step:2"], {}),
      ev("on_chain_end", "double", S3, [R, S1], ["seq:step:2"], { output: 4, input: 2 }),
      ev("on_chain_end", "inner", S1, [R], ["seq:step:1"], { output: 4, input: 1 }),
      ev("on_chain_stream", "show", S4, [R], ["seq:step:2"], { chunk: "n=4" }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: "n=4" }),
      ev("on_chain_end", "show", S4, [R], ["seq:step:2"], { output: "n=4", input: 4 }),
      ev("on_chain_end", "RunnableSequence", R, [], [], { output: "n=4" }),
    ]);
  });

  it("a map step is named RunnableParallel<a,b>, tags branches map:key:K and streams { key: chunk }", async () => {
    const chain = RunnableSequence.from([addOne, { a: double, b: show }]);
    const events = normalizeIds(await toArray(chain.streamEvents(1, { version: "v2" })));
    const map = "RunnableParallel<a,b>";
    const ka = ["map:key:a"];
    const kb = ["map:key:b"];
    expect(events).toStrictEqual([
      ev("on_chain_start", "RunnableSequence", R, [], [], { input: 1 }),
      ev("on_chain_start", "addOne", S1, [R], ["seq:step:1"], { input: 1 }),
      ev("on_chain_stream", "addOne", S1, [R], ["seq:step:1"], { chunk: 2 }),
      ev("on_chain_start", map, S2, [R], ["seq:step:2"], {}),
      ev("on_chain_start", "double", S3, [R, S2], ka, {}),
      ev("on_chain_start", "show", S4, [R, S2], kb, {}),
      ev("on_chain_end", "addOne", S1, [R], ["seq:step:1"], { output: 2, input: 1 }),
      ev("on_chain_stream", "double", S3, [R, S2], ka, { chunk: 4 }),
      ev("on_chain_stream", "show", S4, [R, S2], kb, { chunk: "n=2" }),
      // Pipelined as in rule 2: a branch's chunk travels up to the root before the branch ends.
      ev("on_chain_stream", map, S2, [R], ["seq:step:2"], { chunk: { a: 4 } }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: { a: 4 } }),
      ev("on_chain_end", "double", S3, [R, S2], ka, { output: 4, input: 2 }),
      ev("on_chain_stream", map, S2, [R], ["seq:step:2"], { chunk: { b: "n=2" } }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: { b: "n=2" } }),
      ev("on_chain_end", "show", S4, [R, S2], kb, { output: "n=2", input: 2 }),
      ev("on_chain_end", map, S2, [R], ["seq:step:2"], { output: { a: 4, b: "n=2" }, input: 2 }),
      ev("on_chain_end", "RunnableSequence", R, [], [], { output: { a: 4, b: "n=2" } }),
    ]);
  });

  it("metadata from the config is inherited by every run, and shows on every event", async () => {
    const chain = RunnableSequence.from([addOne, double]).withConfig({ metadata: { user: "u1" } });
    const events = await toArray(chain.streamEvents(1, { version: "v2", metadata: { trace: 7 } }));
    expect(events).toHaveLength(9);
    for (const e of events) expect(e.metadata).toStrictEqual({ trace: 7, user: "u1" });
  });

  it("withConfig({ runName }) names that run only, not its children", async () => {
    const parser = RunnableSequence.from([addOne, double]).withConfig({ runName: "my_parser" });
    const chain = RunnableSequence.from([show, (s: string) => s.length, parser]);
    const events = normalizeIds(await toArray(chain.streamEvents(1, { version: "v2" })));
    const starts = events.filter((e) => e.event === "on_chain_start").map((e) => [e.name, e.parent_ids]);
    expect(starts).toStrictEqual([
      ["RunnableSequence", []],
      ["show", [R]],
      ["RunnableLambda", [R]],
      ["my_parser", [R]],
      ["addOne", [R, S3]],
      ["double", [R, S3]],
    ]);
    const ends = events.filter((e) => e.event === "on_chain_end").map((e) => e.name);
    expect(ends).toStrictEqual([
      "show",
      "RunnableLambda",
      "addOne",
      "double",
      "my_parser",
      "RunnableSequence",
    ]);
    const root = parser.streamEvents(1, { version: "v2" });
    expect((await toArray(root)).map((e) => [e.event, e.name])).toStrictEqual([
      ["on_chain_start", "my_parser"],
      ["on_chain_start", "addOne"],
      ["on_chain_stream", "addOne"],
      ["on_chain_start", "double"],
      ["on_chain_end", "addOne"],
      ["on_chain_stream", "double"],
      ["on_chain_stream", "my_parser"],
      ["on_chain_end", "double"],
      ["on_chain_end", "my_parser"],
    ]);
  });
});

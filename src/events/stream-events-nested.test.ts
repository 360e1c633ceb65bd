// Implicit config propagation, custom events and v1, as transcripts (docs/events.md rules 16-18;
// "Propagating Callbacks" of LangChain's "How to stream" guide: its v2 and v1 editions).
import { chain, dispatchCustomEvent, RunnableLambda, RunnableSequence } from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { type ExpectedEvent, ev, R, S1, S2, v1 } from "./test-support/expected-event.js";

const reverseWord = RunnableLambda.from(function reverse_word(word: string) {
  return [...word].reverse().join("");
});

// The guide's v2 edition (langchain-core 0.3), "Propagating Callbacks": the v2 transcript of
// reverse_and_double("1234"), with a RunnableLambda and with @chain (identical apart from the ids).
const seedTranscript: ExpectedEvent[] = [
  ev("on_chain_start", "reverse_and_double", R, [], [], { input: "1234" }),
  ev("on_chain_start", "reverse_word", S1, [R], [], { input: "1234" }),
  ev("on_chain_end", "reverse_word", S1, [R], [], { output: "4321", input: "1234" }),
  ev("on_chain_stream", "reverse_and_double", R, [], [], { chunk: "43214321" }),
  ev("on_chain_end", "reverse_and_double", R, [], [], { output: "43214321" }),
];

describe("a lambda invoking another runnable without passing config", () => {
  const asLambda = RunnableLambda.from(async function reverse_and_double(word: string) {
    return (await reverseWord.invoke(word)).repeat(2);
  });
  const asChain = chain(async function reverse_and_double(word: string) {
    return (await reverseWord.invoke(word)).repeat(2);
  });

  it("RunnableLambda: the guide's v2 transcript exactly", async () => {
    const events = await toArray(asLambda.streamEvents("1234", { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual(seedTranscript);
  });

  it("chain(): the guide's v2 transcript exactly", async () => {
    const events = await toArray(asChain.streamEvents("1234", { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual(seedTranscript);
  });

  it("v1: the same events without parent_ids", async () => {
    // The guide's v1 edition (langchain-core 0.1, Python < 3.11) shows no reverse_word events
    // here: context did not flow into asyncio tasks there. Config flows automatically
    // (docs/events.md rule 16), so the nested run is expected in v1 too.
    for (const runnable of [asLambda, asChain]) {
      const events = await toArray(runnable.streamEvents("1234", { version: "v1" }));
      expect(normalizeIds(events)).toStrictEqual(seedTranscript.map(v1));
      for (const e of events) expect(Object.hasOwn(e, "parent_ids")).toBe(false);
    }
  });

  it("a nested runnable invoked inside a sequence step has two levels of parent_ids", async () => {
    const seq = RunnableSequence.from([
      (w: string) => w.trim(),
      RunnableLambda.from(async function outer(w: string) {
        return reverseWord.invoke(w);
      }),
    ]);
    const events = normalizeIds(await toArray(seq.streamEvents(" ab ", { version: "v2" })));
    const nested = events.filter((e) => e.name === "reverse_word");
    expect(nested).toStrictEqual([
      ev("on_chain_start", "reverse_word", "<id:3>", [R, S2], [], { input: "ab" }),
      ev("on_chain_end", "reverse_word", "<id:3>", [R, S2], [], { output: "ba", input: "ab" }),
    ]);
  });
});

describe("custom events", () => {
  it("on_custom_event carries the dispatching run's run_id, parent_ids and tags; name and payload", async () => {
    const emitter = RunnableLambda.from(async function emitter(x: string) {
      await dispatchCustomEvent("progress", { pct: 50 });
      return x.toUpperCase();
    });
    const seq = RunnableSequence.from([reverseWord, emitter]);
    const events = normalizeIds(await toArray(seq.streamEvents("ab", { version: "v2" })));
    const t1 = ["seq:step:1"];
    const t2 = ["seq:step:2"];
    expect(events).toStrictEqual([
      ev("on_chain_start", "RunnableSequence", R, [], [], { input: "ab" }),
      ev("on_chain_start", "reverse_word", S1, [R], t1, { input: "ab" }),
      ev("on_chain_stream", "reverse_word", S1, [R], t1, { chunk: "ba" }),
      ev("on_chain_start", "emitter", S2, [R], t2, {}),
      ev("on_chain_end", "reverse_word", S1, [R], t1, { output: "ba", input: "ab" }),
      ev("on_custom_event", "progress", S2, [R], t2, { pct: 50 }),
      ev("on_chain_stream", "emitter", S2, [R], t2, { chunk: "BA" }),
      ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: "BA" }),
      ev("on_chain_end", "emitter", S2, [R], t2, { output: "BA", input: "ba" }),
      ev("on_chain_end", "RunnableSequence", R, [], [], { output: "BA" }),
    ]);
  });

  it("a custom event dispatched by the root has parent_ids []; v1 drops the field", async () => {
    const root = RunnableLambda.from(async function root(x: number) {
      await dispatchCustomEvent("tick", x);
      return x;
    });
    const v2 = normalizeIds(await toArray(root.streamEvents(7, { version: "v2" })));
    expect(v2[1]).toStrictEqual(ev("on_custom_event", "tick", R, [], [], 7));
    const v1Events = normalizeIds(await toArray(root.streamEvents(7, { version: "v1" })));
    expect(v1Events[1]).toStrictEqual(v1(ev("on_custom_event", "tick", R, [], [], 7)));
  });
});

describe("streamEvents v1", () => {
  const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
  const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });

  it("a root chain: the same machinery and order, no parent_ids on any event", async () => {
    const seq = RunnableSequence.from([addOne, double]);
    const events = normalizeIds(await toArray(seq.streamEvents(1, { version: "v1" })));
    expect(events).toStrictEqual([
      v1(ev("on_chain_start", "RunnableSequence", R, [], [], { input: 1 })),
      v1(ev("on_chain_start", "addOne", S1, [], ["seq:step:1"], { input: 1 })),
      v1(ev("on_chain_stream", "addOne", S1, [], ["seq:step:1"], { chunk: 2 })),
      v1(ev("on_chain_start", "double", S2, [], ["seq:step:2"], {})),
      v1(ev("on_chain_end", "addOne", S1, [], ["seq:step:1"], { output: 2, input: 1 })),
      v1(ev("on_chain_stream", "double", S2, [], ["seq:step:2"], { chunk: 4 })),
      v1(ev("on_chain_stream", "RunnableSequence", R, [], [], { chunk: 4 })),
      v1(ev("on_chain_end", "double", S2, [], ["seq:step:2"], { output: 4, input: 2 })),
      v1(ev("on_chain_end", "RunnableSequence", R, [], [], { output: 4 })),
    ]);
  });

  it("v2 and v1 differ only in parent_ids for a lambda chain", async () => {
    const seq = RunnableSequence.from([addOne, double, { a: addOne, b: double }]);
    const a = normalizeIds(await toArray(seq.streamEvents(1, { version: "v2" })));
    const b = normalizeIds(await toArray(seq.streamEvents(1, { version: "v1" })));
    expect(a.length).toBeGreaterThan(10);
    expect(b).toStrictEqual(a.map(({ parent_ids: _, ...rest }) => rest));
  });
});

// streamEvents filters (docs/events.md rule 6): include/exclude by name, run type and
// tag, applied per event, to the root too; custom events are matched by their name.
import { dispatchCustomEvent, type EventFilters, RunnableLambda, RunnableSequence } from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const double = RunnableLambda.from(
  async (x: number) => {
    await dispatchCustomEvent("progress", { step: "double" });
    return x * 2;
  },
  { name: "double" },
);
const show = RunnableLambda.from((x: number) => `n=${x}`, { name: "show" });

/** A 3-step chain tagged my_chain: every child inherits the tag after its seq:step:N. */
const tagged = RunnableSequence.from([addOne, double, show]).withConfig({ tags: ["my_chain"] });

/** `event name [tags]` for each event: enough to see which events passed a filter. */
async function filtered(filters: EventFilters): Promise<string[]> {
  const events = await toArray(tagged.streamEvents(1, { version: "v2" }, filters));
  return events.map((e) => `${e.event} ${e.name} [${e.tags.join(",")}]`);
}

const ALL = [
  "on_chain_start RunnableSequence [my_chain]",
  "on_chain_start addOne [seq:step:1,my_chain]",
  "on_chain_stream addOne [seq:step:1,my_chain]",
  "on_chain_start double [seq:step:2,my_chain]",
  "on_chain_end addOne [seq:step:1,my_chain]",
  "on_custom_event progress [seq:step:2,my_chain]",
  "on_chain_stream double [seq:step:2,my_chain]",
  "on_chain_start show [seq:step:3,my_chain]",
  "on_chain_end double [seq:step:2,my_chain]",
  "on_chain_stream show [seq:step:3,my_chain]",
  "on_chain_stream RunnableSequence [my_chain]",
  "on_chain_end show [seq:step:3,my_chain]",
  "on_chain_end RunnableSequence [my_chain]",
];

describe("streamEvents filters", () => {
  it("no filters (and empty filter lists) keep everything; tags are inherited as seq:step:N, my_chain", async () => {
    expect(await filtered({})).toStrictEqual(ALL);
    expect(await filtered({ includeNames: [], excludeTags: [] })).toStrictEqual(ALL);
  });

  it("includeNames keeps only the named runs' events; the root is filtered too", async () => {
    expect(await filtered({ includeNames: ["addOne", "show"] })).toStrictEqual([
      "on_chain_start addOne [seq:step:1,my_chain]",
      "on_chain_stream addOne [seq:step:1,my_chain]",
      "on_chain_end addOne [seq:step:1,my_chain]",
      "on_chain_start show [seq:step:3,my_chain]",
      "on_chain_stream show [seq:step:3,my_chain]",
      "on_chain_end show [seq:step:3,my_chain]",
    ]);
  });

  it("includeTypes matches run types; a custom event's type is its name", async () => {
    expect(await filtered({ includeTypes: ["chain"] })).toStrictEqual(
      ALL.filter((line) => !line.startsWith("on_custom_event")),
    );
    expect(await filtered({ includeTypes: ["progress"] })).toStrictEqual([
      "on_custom_event progress [seq:step:2,my_chain]",
    ]);
    expect(await filtered({ includeTypes: ["chat_model"] })).toStrictEqual([]);
  });

  it("includeTags matches any tag, inherited ones included", async () => {
    expect(await filtered({ includeTags: ["my_chain"] })).toStrictEqual(ALL);
    expect(await filtered({ includeTags: ["seq:step:2"] })).toStrictEqual([
      "on_chain_start double [seq:step:2,my_chain]",
      "on_custom_event progress [seq:step:2,my_chain]",
      "on_chain_stream double [seq:step:2,my_chain]",
      "on_chain_end double [seq:step:2,my_chain]",
    ]);
  });

  it("custom events are matched by their name in includeNames / excludeNames", async () => {
    expect(await filtered({ includeNames: ["progress"] })).toStrictEqual([
      "on_custom_event progress [seq:step:2,my_chain]",
    ]);
    expect(await filtered({ excludeNames: ["progress"] })).toStrictEqual(
      ALL.filter((line) => !line.startsWith("on_custom_event")),
    );
  });

  it("excludeNames / excludeTypes / excludeTags drop matching events, the root included", async () => {
    expect(await filtered({ excludeNames: ["RunnableSequence", "double"] })).toStrictEqual(
      ALL.filter((line) => !/ (RunnableSequence|double) /.test(line)),
    );
    expect(await filtered({ excludeTypes: ["chain"] })).toStrictEqual([
      "on_custom_event progress [seq:step:2,my_chain]",
    ]);
    expect(await filtered({ excludeTags: ["seq:step:1", "seq:step:3"] })).toStrictEqual(
      ALL.filter((line) => !/seq:step:[13]/.test(line)),
    );
    expect(await filtered({ excludeTags: ["my_chain"] })).toStrictEqual([]);
  });

  it("include and exclude combine: included and not excluded", async () => {
    expect(await filtered({ includeTags: ["my_chain"], excludeNames: ["addOne"] })).toStrictEqual(
      ALL.filter((line) => !line.includes(" addOne ")),
    );
    expect(await filtered({ includeNames: ["double", "show"], excludeTags: ["seq:step:3"] })).toStrictEqual([
      "on_chain_start double [seq:step:2,my_chain]",
      "on_chain_stream double [seq:step:2,my_chain]",
      "on_chain_end double [seq:step:2,my_chain]",
    ]);
    expect(
      await filtered({ includeTypes: ["chain"], includeNames: ["progress"], excludeTags: ["seq:step:2"] }),
    ).toStrictEqual(ALL.filter((line) => !line.includes("seq:step:2")));
  });

  it("filters keep the full envelope of the events that pass", async () => {
    const events = await toArray(tagged.streamEvents(1, { version: "v2" }, { includeNames: ["show"] }));
    expect(normalizeIds(events)).toStrictEqual([
      {
        event: "on_chain_start",
        name: "show",
        run_id: "<id:0>",
        parent_ids: ["<id:1>"],
        tags: ["seq:step:3", "my_chain"],
        metadata: {},
        data: {},
      },
      {
        event: "on_chain_stream",
        name: "show",
        run_id: "<id:0>",
        parent_ids: ["<id:1>"],
        tags: ["seq:step:3", "my_chain"],
        metadata: {},
        data: { chunk: "n=4" },
      },
      {
        event: "on_chain_end",
        name: "show",
        run_id: "<id:0>",
        parent_ids: ["<id:1>"],
        tags: ["seq:step:3", "my_chain"],
        metadata: {},
        data: { output: "n=4", input: 4 },
      },
    ]);
  });
});

describe("docs/events.md rule 6: each event carries its own run's input under include filters", () => {
  const reverseWord = RunnableLambda.from(function reverse_word(word: string) {
    return [...word].reverse().join("");
  });
  const shout = RunnableLambda.from(async function shout(word: string) {
    return reverseWord.invoke(`${word.toUpperCase()}!`);
  });

  it("the first event that passes is the nested run's start with ITS input, not the root's", async () => {
    const events = await toArray(
      shout.streamEvents("hey", { version: "v2" }, { includeNames: ["reverse_word"] }),
    );
    expect(normalizeIds(events)).toStrictEqual([
      {
        event: "on_chain_start",
        name: "reverse_word",
        run_id: "<id:0>",
        parent_ids: ["<id:1>"],
        tags: [],
        metadata: {},
        data: { input: "HEY!" },
      },
      {
        event: "on_chain_end",
        name: "reverse_word",
        run_id: "<id:0>",
        parent_ids: ["<id:1>"],
        tags: [],
        metadata: {},
        data: { output: "!YEH", input: "HEY!" },
      },
    ]);
  });

  it("a nested step whose input is known at start shows it, inside a filtered sequence", async () => {
    const seq = RunnableSequence.from([
      RunnableSequence.from([addOne, show], { name: "inner" }),
      (s: string) => s.length,
    ]);
    const events = await toArray(
      seq.streamEvents(41, { version: "v2" }, { includeNames: ["inner", "show"] }),
    );
    const starts = events.filter((e) => e.event === "on_chain_start").map((e) => [e.name, e.data]);
    expect(starts).toStrictEqual([
      ["inner", { input: 41 }],
      ["show", {}],
    ]);
    const ends = events.filter((e) => e.event === "on_chain_end").map((e) => [e.name, e.data]);
    expect(ends).toStrictEqual([
      ["show", { output: "n=42", input: 42 }],
      ["inner", { output: "n=42", input: 41 }],
    ]);
  });
});

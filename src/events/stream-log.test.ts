// streamLog (docs/events.md rules 19-21): the exact JSON-Patch ops of a 3-step chain, the RunLog
// state they build, diff: false, filters and repeated names; a chain entry's final_output as
// @langchain/core records it ({ output } around a non-object), the root's as the aggregate.
import {
  AIMessage,
  ChatPromptTemplate,
  type RunLog,
  RunLogPatch,
  RunnableLambda,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

/** Replaces an ISO time with "<time>", after checking it is one. */
function time(value: unknown): string {
  expect(value).toMatch(ISO);
  return "<time>";
}

/** Replaces `start_time` / `end_time` values anywhere in a value with "<time>". */
function normalizeTimes(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(normalizeTimes);
  if (value !== null && typeof value === "object") {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [
        k,
        k === "start_time" || k === "end_time" ? time(v) : normalizeTimes(v),
      ]),
    );
  }
  return value;
}

/** Normalises ids (across all patches) and times (an op that sets a time has a time `value`). */
function normalizePatches(patches: RunLogPatch[]): unknown[][] {
  return normalizeIds(patches.map((p) => p.ops)).map((ops) =>
    ops.map((op) => {
      const { value, ...rest } = op as { value?: unknown; path: string };
      if (!("value" in op)) return rest;
      return { ...rest, value: /\/(start|end)_time$/.test(rest.path) ? time(value) : normalizeTimes(value) };
    }),
  );
}

function fold(patches: RunLogPatch[]): RunLog {
  let log: RunLog | undefined;
  for (const p of patches) log = log === undefined ? p.concat() : log.concat(p);
  return log!;
}

const inc = RunnableLambda.from((x: number) => x + 1, { name: "inc" });
const show = RunnableLambda.from((x: number) => `n=${x}`, { name: "show" });
/** Three steps, two of them named "inc": keys inc and inc:2. */
const chain = RunnableSequence.from([inc, inc, show]);

const [R, S1, S2, S3] = ["<id:0>", "<id:1>", "<id:2>", "<id:3>"] as const;

function entry(id: string, name: string, step: number, extra: Record<string, unknown> = {}) {
  return {
    id,
    name,
    type: "chain",
    tags: [`seq:step:${step}`],
    metadata: {},
    start_time: "<time>",
    streamed_output: [],
    streamed_output_str: [],
    ...extra,
  };
}

const finalState = {
  id: R,
  name: "RunnableSequence",
  type: "chain",
  streamed_output: ["n=3"],
  final_output: "n=3",
  logs: {
    inc: {
      ...entry(S1, "inc", 1, { inputs: 1 }),
      streamed_output: [2],
      final_output: { output: 2 },
      end_time: "<time>",
    },
    "inc:2": {
      ...entry(S2, "inc", 2),
      streamed_output: [3],
      inputs: 2,
      final_output: { output: 3 },
      end_time: "<time>",
    },
    show: {
      ...entry(S3, "show", 3),
      streamed_output: ["n=3"],
      inputs: 3,
      final_output: { output: "n=3" },
      end_time: "<time>",
    },
  },
};

describe("streamLog", () => {
  it("yields the exact ops of a 3-step chain, one patch per notification", async () => {
    const patches = await toArray(chain.streamLog(1));
    for (const p of patches) expect(p).toBeInstanceOf(RunLogPatch);
    expect(normalizePatches(patches)).toStrictEqual([
      [
        {
          op: "replace",
          path: "",
          value: {
            id: R,
            name: "RunnableSequence",
            type: "chain",
            streamed_output: [],
            final_output: null,
            logs: {},
          },
        },
      ],
      [{ op: "add", path: "/logs/inc", value: entry(S1, "inc", 1, { inputs: 1 }) }],
      [{ op: "add", path: "/logs/inc/streamed_output/-", value: 2 }],
      [{ op: "add", path: "/logs/inc:2", value: entry(S2, "inc", 2) }],
      [
        { op: "add", path: "/logs/inc/final_output", value: { output: 2 } },
        { op: "add", path: "/logs/inc/end_time", value: "<time>" },
      ],
      [{ op: "add", path: "/logs/inc:2/streamed_output/-", value: 3 }],
      [{ op: "add", path: "/logs/show", value: entry(S3, "show", 3) }],
      [
        { op: "add", path: "/logs/inc:2/inputs", value: 2 },
        { op: "add", path: "/logs/inc:2/final_output", value: { output: 3 } },
        { op: "add", path: "/logs/inc:2/end_time", value: "<time>" },
      ],
      [{ op: "add", path: "/logs/show/streamed_output/-", value: "n=3" }],
      [
        { op: "add", path: "/streamed_output/-", value: "n=3" },
        { op: "replace", path: "/final_output", value: "n=3" },
      ],
      [
        { op: "add", path: "/logs/show/inputs", value: 3 },
        { op: "add", path: "/logs/show/final_output", value: { output: "n=3" } },
        { op: "add", path: "/logs/show/end_time", value: "<time>" },
      ],
    ]);
  });

  it("concatenating all patches gives a RunLog whose state is the final state", async () => {
    const patches = await toArray(chain.streamLog(1));
    const log = fold(patches);
    expect(normalizeTimes(normalizeIds(log.state))).toStrictEqual(finalState);
    expect(log.ops).toHaveLength(patches.reduce((n, p) => n + p.ops.length, 0));
    // patch.concat(patch) applies both patches' ops to an empty state.
    const two = patches[0]!.concat(patches[1]);
    expect(Object.keys(two.state.logs)).toStrictEqual(["inc"]);
    expect(two.ops).toHaveLength(2);
  });

  it("diff: false yields accumulated RunLogs; the last state is the final state; earlier logs stay unchanged", async () => {
    const logs: RunLog[] = [];
    const snapshots: unknown[] = [];
    for await (const log of chain.streamLog(1, undefined, { diff: false })) {
      logs.push(log);
      snapshots.push(structuredClone(log.state));
    }
    expect(logs).toHaveLength(11);
    expect(normalizeTimes(normalizeIds(logs.at(-1)!.state))).toStrictEqual(finalState);
    logs.forEach((log, i) => {
      expect(log.state).toStrictEqual(snapshots[i]);
    });
    expect(logs.map((l) => l.ops.length)).toStrictEqual([1, 2, 3, 4, 6, 7, 8, 11, 12, 14, 17]);
    expect(Object.keys(logs[3]!.state.logs)).toStrictEqual(["inc", "inc:2"]);
    expect(logs[3]!.state.logs.inc!.final_output).toBeUndefined();
  });

  it("the root's streamed chunks add to /streamed_output with /final_output replaced by the aggregate", async () => {
    async function* letters(input: AsyncIterable<string>) {
      for await (const word of input) for (const ch of word) yield ch;
    }
    const seq = RunnableSequence.from([(s: string) => s.trim(), letters]);
    const ops = (await toArray(seq.streamLog(" abc "))).flatMap((p) => p.ops);
    expect(ops.filter((op) => !op.path.startsWith("/logs") && op.path !== "")).toStrictEqual([
      { op: "add", path: "/streamed_output/-", value: "a" },
      { op: "replace", path: "/final_output", value: "a" },
      { op: "add", path: "/streamed_output/-", value: "b" },
      { op: "replace", path: "/final_output", value: "ab" },
      { op: "add", path: "/streamed_output/-", value: "c" },
      { op: "replace", path: "/final_output", value: "abc" },
    ]);
  });

  it.each([
    ["a string", "s", { output: "s" }],
    ["a number", 5, { output: 5 }],
    ["zero", 0, { output: 0 }],
    ["false", false, { output: false }],
    ["an array", [1, 2], { output: [1, 2] }],
    ["null", null, { output: null }],
    ["a plain object", { a: 1 }, { a: 1 }],
    ["an object with an output key", { output: 7 }, { output: 7 }],
    ["an empty object", {}, {}],
  ])("a chain entry's final_output for %s is LangChain's record of it", async (_label, value, expected) => {
    const inner = RunnableLambda.from((_x: number) => value, { name: "inner" });
    const log = fold(await toArray(RunnableSequence.from([inc, inner]).streamLog(1)));
    expect(log.state.logs.inner!.final_output).toStrictEqual(expected);
    // The root's final_output stays the aggregate of its chunks, unwrapped (a deliberate difference).
    expect(log.state.final_output).toStrictEqual(value);
  });

  it("a message output is not wrapped; a parser's string is; a prompt's prompt value is not", async () => {
    const message = new AIMessage("m");
    const toMessage = RunnableLambda.from((_x: unknown) => message, { name: "toMessage" });
    const chain = RunnableSequence.from([
      ChatPromptTemplate.fromMessages([["human", "{q}"]]),
      toMessage,
      new StringOutputParser(),
    ]);
    const log = fold(await toArray(chain.streamLog({ q: "x" })));
    const { logs } = log.state;
    expect(logs.toMessage!.final_output).toBeInstanceOf(AIMessage);
    expect(logs.toMessage!.final_output).toMatchObject({ content: "m" });
    const ofType = (type: string) => Object.values(logs).find((entry) => entry.type === type);
    expect(ofType("parser")?.final_output).toStrictEqual({ output: "m" });
    expect(ofType("prompt")?.final_output).toMatchObject({ messages: [{ content: "x" }] });
    expect(log.state.final_output).toBe("m");
  });

  it("a root with no nested runs: replace, then its chunk and final output", async () => {
    const patches = await toArray(show.streamLog(5));
    const state = fold(patches).state;
    expect(normalizeIds(state)).toStrictEqual({
      id: R,
      name: "show",
      type: "chain",
      streamed_output: ["n=5"],
      final_output: "n=5",
      logs: {},
    });
  });
});

describe("streamLog errors", () => {
  it("throws the original error after the patches so far; the failed run's entry has an error and end_time", async () => {
    const boom = new Error("boom");
    const fail = RunnableLambda.from(
      (_x: number): number => {
        throw boom;
      },
      { name: "fail" },
    );
    const patches: RunLogPatch[] = [];
    let error: unknown;
    try {
      for await (const p of RunnableSequence.from([inc, fail]).streamLog(1)) patches.push(p);
    } catch (e) {
      error = e;
    }
    expect(error).toBe(boom);
    const state = fold(patches).state;
    expect(state.logs.fail).toMatchObject({ inputs: 2, error: "boom" });
    expect(state.logs.fail!.end_time).toMatch(ISO);
    expect(state.logs.fail!.final_output).toBeUndefined();
    expect(state.final_output).toBeNull();
  });
});

describe("streamLog filters", () => {
  it("includeNames keeps only matching /logs entries; the root state is always there", async () => {
    const patches = await toArray(chain.streamLog(1, undefined, { includeNames: ["show"] }));
    for (const p of patches) {
      for (const op of p.ops) expect(op.path === "" || !op.path.startsWith("/logs/inc")).toBe(true);
    }
    const state = normalizeTimes(normalizeIds(fold(patches).state)) as typeof finalState;
    expect(state).toStrictEqual({
      ...finalState,
      id: "<id:0>",
      logs: { show: { ...finalState.logs.show, id: "<id:1>" } },
    });
  });

  it("excludeTags and includeTypes apply to /logs the same way", async () => {
    const excluded = fold(await toArray(chain.streamLog(1, undefined, { excludeTags: ["seq:step:2"] })));
    expect(Object.keys(excluded.state.logs)).toStrictEqual(["inc", "show"]);
    const none = fold(await toArray(chain.streamLog(1, undefined, { includeTypes: ["parser"] })));
    expect(none.state.logs).toStrictEqual({});
    expect(none.state.final_output).toBe("n=3");
  });

  it("a filtered-out repeated name does not take a key: the kept run is `inc`", async () => {
    const log = fold(await toArray(chain.streamLog(1, undefined, { includeTags: ["seq:step:2"] })));
    expect(Object.keys(log.state.logs)).toStrictEqual(["inc"]);
    expect(log.state.logs.inc!.tags).toStrictEqual(["seq:step:2"]);
  });
});

// A generator tool's partial results: handleToolEvent for LangChain-style handlers (as
// @langchain/core 1.x calls it, once per yielded value), on_custom_event "tool_progress" in
// streamEvents (docs/events.md rule 17; @langchain/core's event stream sends nothing for them).
import { type CallbackHandler, dispatchCustomEvent, RunnableLambda } from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import { ev, R, S1 } from "../events/test-support/expected-event.js";
import { tool } from "./tool.js";

const countdown = tool(
  async function* ({ from }: { from: number }) {
    for (let i = from; i > 0; i--) yield { remaining: i };
    return "liftoff";
  },
  {
    name: "countdown",
    description: "Counts down",
    schema: { type: "object", properties: { from: { type: "integer" } }, required: ["from"] },
  },
);

type Call = [method: string, ...args: unknown[]];

/** A handler recording the tool callbacks and custom events, with the arguments they get. */
function toolRecorder(fields: Partial<CallbackHandler> = {}): { handler: CallbackHandler; calls: Call[] } {
  const calls: Call[] = [];
  const handler: CallbackHandler = {
    name: "tool-recorder",
    handleToolStart: (_tool, input, runId) => void calls.push(["start", input, runId]),
    handleToolEvent: (chunk, runId, parentRunId, tags) =>
      void calls.push(["event", chunk, runId, parentRunId, tags]),
    handleToolEnd: (output, runId) => void calls.push(["end", output, runId]),
    handleCustomEvent: (name, data) => void calls.push(["custom", name, data]),
    ...fields,
  };
  return { handler, calls };
}

describe("handleToolEvent", () => {
  it("gets each yielded value, with the tool's run id, between the tool's start and end", async () => {
    const { handler, calls } = toolRecorder();
    await expect(countdown.invoke({ from: 2 }, { callbacks: [handler], tags: ["t"] })).resolves.toBe(
      "liftoff",
    );
    const runId = calls[0]?.[2];
    expect(typeof runId).toBe("string");
    expect(calls).toEqual([
      ["start", '{"from":2}', runId],
      ["event", { remaining: 2 }, runId, undefined, ["t"]],
      ["event", { remaining: 1 }, runId, undefined, ["t"]],
      ["end", "liftoff", runId],
    ]);
  });

  it("names the parent run and the tool's tags when the tool runs in a chain", async () => {
    const { handler, calls } = toolRecorder();
    const chain = RunnableLambda.from((from: number) => ({ from }), { name: "prepare" }).pipe(countdown);
    const parentIds: unknown[] = [];
    const parentRecorder: CallbackHandler = {
      handleChainStart: (_s, _i, runId, parentRunId) => {
        if (parentRunId === undefined) parentIds.push(runId);
      },
    };
    await chain.invoke(1, { callbacks: [handler, parentRecorder] });
    const event = calls.find((call) => call[0] === "event");
    expect(event).toEqual(["event", { remaining: 1 }, calls[0]?.[2], parentIds[0], ["seq:step:2"]]);
  });

  it("is not sent as a custom event to handlers; a tool's own custom events still are", async () => {
    const { handler, calls } = toolRecorder();
    const noisy = tool(
      async function* (word: string) {
        yield "half";
        await dispatchCustomEvent("tool_progress", { mine: true });
        return word;
      },
      { name: "noisy", description: "yields, then dispatches an event of the same name" },
    );
    await noisy.invoke("w", { callbacks: [handler] });
    expect(calls.map((call) => call.slice(0, 3))).toEqual([
      ["start", "w", calls[0]?.[2]],
      ["event", "half", calls[0]?.[2]],
      ["custom", "tool_progress", { mine: true }],
      ["end", "w", calls[0]?.[2]],
    ]);
  });

  it("is skipped with the other tool callbacks when the handler sets ignoreAgent", async () => {
    const { handler, calls } = toolRecorder({ ignoreAgent: true });
    await countdown.invoke({ from: 2 }, { callbacks: [handler] });
    expect(calls).toEqual([]);
  });

  it("an awaited handler holds the generator back until it is done with each value", async () => {
    const order: string[] = [];
    const paced = tool(
      async function* () {
        order.push("yield 1");
        yield 1;
        order.push("yield 2");
        yield 2;
        return "done";
      },
      { name: "paced", description: "yields twice" },
    );
    const handler: CallbackHandler = {
      awaitHandlers: true,
      handleToolEvent: async (chunk) => {
        await new Promise((resolve) => setTimeout(resolve, 5));
        order.push(`handled ${String(chunk)}`);
      },
    };
    await paced.invoke("", { callbacks: [handler] });
    expect(order).toEqual(["yield 1", "handled 1", "yield 2", "handled 2"]);
  });

  it("works for a sync generator function too, whose return value is the output", async () => {
    const { handler, calls } = toolRecorder();
    const steps = tool(
      function* (word: string) {
        yield `${word}-1`;
        yield `${word}-2`;
        return `${word}!`;
      },
      { name: "steps", description: "a sync generator tool" },
    );
    expectTypeOf(steps.invoke("go")).resolves.toEqualTypeOf<string>();
    await expect(steps.invoke("go", { callbacks: [handler] })).resolves.toBe("go!");
    expect(calls.map((call) => call.slice(0, 2))).toEqual([
      ["start", "go"],
      ["event", "go-1"],
      ["event", "go-2"],
      ["end", "go!"],
    ]);
  });
});

describe("a generator tool's partial results in streamEvents", () => {
  it("are on_custom_event tool_progress on the tool's run, while a handler on the same call gets handleToolEvent", async () => {
    const { handler, calls } = toolRecorder();
    const chain = RunnableLambda.from((from: number) => ({ from }), { name: "prepare" }).pipe(countdown);
    const events = normalizeIds(
      await toArray(chain.streamEvents(2, { version: "v2", callbacks: [handler] })),
    );
    const seq = ["seq:step:1"];
    const toolTags = ["seq:step:2"];
    const progress = (remaining: number) => ({ tool: "countdown", progress: { remaining } });
    expect(events.map((e) => [e.event, e.name, e.run_id])).toEqual([
      ["on_chain_start", "RunnableSequence", R],
      ["on_chain_start", "prepare", S1],
      ["on_chain_stream", "prepare", S1],
      ["on_chain_end", "prepare", S1],
      ["on_tool_start", "countdown", "<id:2>"],
      ["on_custom_event", "tool_progress", "<id:2>"],
      ["on_custom_event", "tool_progress", "<id:2>"],
      ["on_tool_end", "countdown", "<id:2>"],
      ["on_chain_stream", "RunnableSequence", R],
      ["on_chain_end", "RunnableSequence", R],
    ]);
    expect(events[1]?.tags).toEqual(seq);
    expect(events.slice(5, 7)).toStrictEqual([
      ev("on_custom_event", "tool_progress", "<id:2>", [R], toolTags, progress(2)),
      ev("on_custom_event", "tool_progress", "<id:2>", [R], toolTags, progress(1)),
    ]);
    expect(calls.filter((call) => call[0] === "event").map((call) => call[1])).toEqual([
      { remaining: 2 },
      { remaining: 1 },
    ]);
  });
});

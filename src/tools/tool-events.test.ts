// Tools under streamEvents (docs/events.md rules 3, 10 and 17; "Propagating Callbacks" of
// LangChain's "How to stream" guide, its v2 and v1 editions).
import { dispatchCustomEvent, type RunnableConfig, RunnableLambda } from "rivulet";
import { normalizeIds, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { type ExpectedEvent, ev, R, S1, S2, v1 } from "../events/test-support/expected-event.js";
import { tool } from "./tool.js";

const reverseWord = RunnableLambda.from(function reverse_word(word: string) {
  return [...word].reverse().join("");
});

const description = "Custom tool that doesn't propagate callbacks.";
const badTool = tool(({ word }) => reverseWord.invoke(word), {
  name: "bad_tool",
  description,
  schema: z.object({ word: z.string() }),
});
const correctTool = tool(({ word }, config) => reverseWord.invoke(word, config), {
  name: "correct_tool",
  description: "A tool that correctly propagates callbacks.",
  schema: z.object({ word: z.string() }),
});

describe("a tool invoking a runnable (the guide's Propagating Callbacks, v2)", () => {
  it("bad_tool, without passing config: the guide's v2 transcript exactly", async () => {
    const events = await toArray(badTool.streamEvents("hello", { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual([
      ev("on_tool_start", "bad_tool", R, [], [], { input: "hello" }),
      ev("on_chain_start", "reverse_word", S1, [R], [], { input: "hello" }),
      ev("on_chain_end", "reverse_word", S1, [R], [], { output: "olleh", input: "hello" }),
      ev("on_tool_end", "bad_tool", R, [], [], { output: "olleh" }),
    ]);
  });

  it("correct_tool, passing the config it is given: the same events", async () => {
    const events = await toArray(correctTool.streamEvents("hello", { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual([
      ev("on_tool_start", "correct_tool", R, [], [], { input: "hello" }),
      ev("on_chain_start", "reverse_word", S1, [R], [], { input: "hello" }),
      ev("on_chain_end", "reverse_word", S1, [R], [], { output: "olleh", input: "hello" }),
      ev("on_tool_end", "correct_tool", R, [], [], { output: "olleh" }),
    ]);
  });

  it("v1: a root tool reports its output as on_tool_stream (the guide's v1 correct_tool transcript)", async () => {
    const events = await toArray(correctTool.streamEvents("hello", { version: "v1" }));
    expect(normalizeIds(events)).toStrictEqual(
      [
        ev("on_tool_start", "correct_tool", R, [], [], { input: "hello" }),
        ev("on_chain_start", "reverse_word", S1, [R], [], { input: "hello" }),
        ev("on_chain_end", "reverse_word", S1, [R], [], { output: "olleh", input: "hello" }),
        ev("on_tool_stream", "correct_tool", R, [], [], { chunk: "olleh" }),
        ev("on_tool_end", "correct_tool", R, [], [], { output: "olleh" }),
      ].map(v1),
    );
  });

  it("v1 bad_tool: the nested run appears too (the guide's v1 edition lost it: no implicit propagation there)", async () => {
    const events = await toArray(badTool.streamEvents("hello", { version: "v1" }));
    expect(events.map((e) => `${e.event}:${e.name}`)).toEqual([
      "on_tool_start:bad_tool",
      "on_chain_start:reverse_word",
      "on_chain_end:reverse_word",
      "on_tool_stream:bad_tool",
      "on_tool_end:bad_tool",
    ]);
  });
});

describe("tool events when nested", () => {
  it("a tool called inside a lambda: start { input: args }, end { output, input }", async () => {
    const outer = RunnableLambda.from(async function agent_step(word: string) {
      return badTool.invoke({ word });
    });
    const events = await toArray(outer.streamEvents("abc", { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual([
      ev("on_chain_start", "agent_step", R, [], [], { input: "abc" }),
      ev("on_tool_start", "bad_tool", S1, [R], [], { input: { word: "abc" } }),
      ev("on_chain_start", "reverse_word", S2, [R, S1], [], { input: "abc" }),
      ev("on_chain_end", "reverse_word", S2, [R, S1], [], { output: "cba", input: "abc" }),
      ev("on_tool_end", "bad_tool", S1, [R], [], { output: "cba", input: { word: "abc" } }),
      ev("on_chain_stream", "agent_step", R, [], [], { chunk: "cba" }),
      ev("on_chain_end", "agent_step", R, [], [], { output: "cba" }),
    ]);
  });

  it("a tool call: the run's input is the call's args, the output its ToolMessage", async () => {
    const rec = new RunRecorder();
    const call = { name: "bad_tool", args: { word: "abc" }, id: "call_1", type: "tool_call" as const };
    const message = await badTool.invoke(call, { callbacks: [rec] });
    expect(message.content).toBe("cba");
    const end = rec.entries.find((e) => e.kind === "end" && e.name === "bad_tool");
    expect(end?.input).toEqual({ word: "abc" });
    expect(end?.output).toBe(message);
  });

  it("a failing tool emits on_tool_error, then the iterator throws the original error", async () => {
    const boom = new Error("boom");
    const failing = tool(
      () => {
        throw boom;
      },
      { name: "failing", description: "fails", schema: z.object({ x: z.number() }) },
    );
    const seen: ExpectedEvent[] = [];
    await expect(async () => {
      for await (const e of failing.streamEvents({ x: 1 }, { version: "v2" })) seen.push(e as ExpectedEvent);
    }).rejects.toBe(boom);
    expect(normalizeIds(seen)).toStrictEqual([
      ev("on_tool_start", "failing", R, [], [], { input: { x: 1 } }),
      ev("on_tool_error", "failing", R, [], [], { error: boom, input: { x: 1 } }),
    ]);
  });

  it("a validation failure is a tool error too", async () => {
    const seen: string[] = [];
    await expect(async () => {
      for await (const e of badTool.streamEvents({ word: 3 } as never)) seen.push(e.event);
    }).rejects.toThrow(/Invalid input for tool "bad_tool"/);
    expect(seen).toEqual(["on_tool_start", "on_tool_error"]);
  });
});

describe("generator tools", () => {
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

  it("invoke returns the generator's return value", async () => {
    await expect(countdown.invoke({ from: 3 })).resolves.toBe("liftoff");
  });

  it("each yield is an on_custom_event named tool_progress, on the tool's run", async () => {
    const events = await toArray(countdown.streamEvents({ from: 2 }, { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual([
      ev("on_tool_start", "countdown", R, [], [], { input: { from: 2 } }),
      ev("on_custom_event", "tool_progress", R, [], [], { tool: "countdown", progress: { remaining: 2 } }),
      ev("on_custom_event", "tool_progress", R, [], [], { tool: "countdown", progress: { remaining: 1 } }),
      ev("on_tool_end", "countdown", R, [], [], { output: "liftoff" }),
    ]);
  });

  it("runnables and custom events inside the generator are nested under the tool", async () => {
    const gen = tool(
      async function* (word: string) {
        yield "reversing";
        const reversed = await reverseWord.invoke(word);
        await dispatchCustomEvent("note", { reversed });
        return reversed;
      },
      { name: "gen_tool", description: "reverses" },
    );
    const events = normalizeIds(await toArray(gen.streamEvents("ab", { version: "v2" })));
    expect(events.map((e) => [e.event, e.name, e.run_id, e.parent_ids])).toEqual([
      ["on_tool_start", "gen_tool", R, []],
      ["on_custom_event", "tool_progress", R, []],
      ["on_chain_start", "reverse_word", S1, [R]],
      ["on_chain_end", "reverse_word", S1, [R]],
      ["on_custom_event", "note", R, []],
      ["on_tool_end", "gen_tool", R, []],
    ]);
  });

  it("an aborted call closes the generator", async () => {
    let closed = false;
    const controller = new AbortController();
    const slow = tool(
      async function* () {
        try {
          yield 1;
          controller.abort();
          yield 2;
          await new Promise((r) => setTimeout(r, 5));
          yield 3;
          return "never";
        } finally {
          closed = true;
        }
      },
      { name: "slow", description: "slow" },
    );
    await expect(slow.invoke("x", { signal: controller.signal })).rejects.toThrow();
    await new Promise((r) => setTimeout(r, 20));
    expect(closed).toBe(true);
  });
});

describe("the config given to the function", () => {
  it("is the tool run's child config (callbacks of the tool's run, inherited tags)", async () => {
    let seen: RunnableConfig | undefined;
    const t = tool(
      (s: string, config) => {
        seen = config;
        return s;
      },
      { name: "peek", description: "peeks" },
    );
    await t.invoke("x", { tags: ["outer"], runName: "renamed" });
    expect(seen?.tags).toEqual(["outer"]);
    expect(seen?.runName).toBeUndefined();
  });
});

// createAgent's tool calls (docs/agents.md): parallel calls with fragmented arguments, the
// concurrency bound, tools that throw under both onToolError settings, unknown tools and
// invalid calls. Whole ordered streamEvents v2 transcripts, ids normalised.
import { AIMessage, AIMessageChunk, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { FakeStreamingChatModel, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import {
  call,
  ev,
  human,
  id,
  MODEL,
  modelMeta,
  R,
  toolMessage,
  toolMeta,
  transcript,
} from "./test-support/agent-transcript.js";

const citySchema = z.object({ city: z.string() });

/** Two tools where `slow` finishes only after `fast` has: their ends come in the other order. */
function latchedTools() {
  let release: () => void = () => {};
  const latch = new Promise<void>((resolve) => {
    release = resolve;
  });
  const slow = tool(
    async ({ city }) => {
      await latch;
      return `slow ${city}`;
    },
    { name: "slow", description: "Waits for fast", schema: citySchema },
  );
  const fast = tool(
    ({ city }) => {
      release();
      return `fast ${city}`;
    },
    { name: "fast", description: "Answers at once", schema: citySchema },
  );
  return [slow, fast];
}

const fragment = (index: number, args: string, head?: { id: string; name: string }) =>
  new AIMessageChunk({ content: "", tool_call_chunks: [{ index, args, type: "tool_call_chunk", ...head }] });

/** One reply with two calls whose argument fragments interleave, then a text answer. */
const parallelTurns = () => [
  [
    fragment(0, '{"ci', { id: "call_a", name: "slow" }),
    fragment(1, '{"city":', { id: "call_b", name: "fast" }),
    fragment(0, 'ty":"Oslo"}'),
    fragment(1, '"Rome"}'),
  ],
  [new AIMessageChunk("Done")],
];

describe("two parallel calls with fragmented arguments", () => {
  it("runs both at once and answers the model in call order", async () => {
    const agent = createAgent({
      model: new FakeStreamingChatModel({ chunkTurns: parallelTurns() }),
      tools: latchedTools(),
    });
    const events = await toArray(agent.streamEvents({ messages: ["Go"] }, { version: "v2" }));
    const chunk = (index: number, args: string, head?: { id: string; name: string }) => ({
      chunk: {
        type: "ai",
        content: "",
        id: `run-${id(1)}`,
        tool_call_chunks: [{ index, args, type: "tool_call_chunk", ...head }],
      },
    });
    const reply = {
      type: "ai",
      content: "",
      id: `run-${id(1)}`,
      tool_calls: [call("slow", { city: "Oslo" }, "call_a"), call("fast", { city: "Rome" }, "call_b")],
    };
    const slowAnswer = toolMessage("slow Oslo", "call_a");
    const fastAnswer = toolMessage("fast Rome", "call_b");
    const history = [human("Go"), reply, slowAnswer, fastAnswer];
    const done = { type: "ai", content: "Done", id: `run-${id(4)}` };
    expect(transcript(events)).toStrictEqual([
      ev("on_chain_start", "agent", R, [], {}, { input: { messages: ["Go"] } }),
      ev("on_chat_model_start", MODEL, id(1), [R], modelMeta(1), { input: { messages: [[human("Go")]] } }),
      ev(
        "on_chat_model_stream",
        MODEL,
        id(1),
        [R],
        modelMeta(1),
        chunk(0, '{"ci', { id: "call_a", name: "slow" }),
      ),
      ev(
        "on_chat_model_stream",
        MODEL,
        id(1),
        [R],
        modelMeta(1),
        chunk(1, '{"city":', { id: "call_b", name: "fast" }),
      ),
      ev("on_chat_model_stream", MODEL, id(1), [R], modelMeta(1), chunk(0, 'ty":"Oslo"}')),
      ev("on_chat_model_stream", MODEL, id(1), [R], modelMeta(1), chunk(1, '"Rome"}')),
      ev("on_chat_model_end", MODEL, id(1), [R], modelMeta(1), {
        output: reply,
        input: { messages: [[human("Go")]] },
      }),
      ev("on_tool_start", "slow", id(2), [R], toolMeta(1), {
        input: { city: "Oslo" },
        tool_call_id: "call_a",
      }),
      ev("on_tool_start", "fast", id(3), [R], toolMeta(1), {
        input: { city: "Rome" },
        tool_call_id: "call_b",
      }),
      ev("on_tool_end", "fast", id(3), [R], toolMeta(1), {
        output: fastAnswer,
        input: { city: "Rome" },
        tool_call_id: "call_b",
      }),
      ev("on_tool_end", "slow", id(2), [R], toolMeta(1), {
        output: slowAnswer,
        input: { city: "Oslo" },
        tool_call_id: "call_a",
      }),
      ev("on_chat_model_start", MODEL, id(4), [R], modelMeta(2), { input: { messages: [history] } }),
      ev("on_chat_model_stream", MODEL, id(4), [R], modelMeta(2), { chunk: done }),
      ev("on_chat_model_end", MODEL, id(4), [R], modelMeta(2), {
        output: done,
        input: { messages: [history] },
      }),
      ev(
        "on_chain_end",
        "agent",
        R,
        [],
        {},
        {
          output: {
            messages: [...history, done],
            finishReason: "stop",
            usage: undefined,
            steps: [
              { step: 1, usage: undefined, toolCalls: 2 },
              { step: 2, usage: undefined, toolCalls: 0 },
            ],
          },
        },
      ),
    ]);
  });

  it("toolConcurrency: 1 runs the calls one after the other, in call order", async () => {
    const echo = (name: string) =>
      tool(({ city }) => `${name} ${city}`, { name, description: name, schema: citySchema });
    const agent = createAgent({
      model: new FakeStreamingChatModel({ chunkTurns: parallelTurns() }),
      tools: [echo("slow"), echo("fast")],
      toolConcurrency: 1,
    });
    const recorder = new RunRecorder();
    const output = await agent.invoke({ messages: ["Go"] }, { callbacks: [recorder] });
    expect(recorder.lines().filter((line) => /:(slow|fast)$/.test(line))).toEqual([
      "start:slow",
      "end:slow",
      "start:fast",
      "end:fast",
    ]);
    expect(output.messages.slice(2, 4).map((message) => message.text)).toEqual(["slow Oslo", "fast Rome"]);
  });
});

const broken = tool(
  (): string => {
    throw new Error("backend down");
  },
  { name: "broken", description: "Always fails", schema: citySchema },
);

const callsBroken = () =>
  new FakeStreamingChatModel({
    responses: [
      new AIMessage({ content: "", tool_calls: [call("broken", { city: "Oslo" }, "call_x")] }),
      new AIMessage("Sorry"),
    ],
  });

describe("a tool that throws", () => {
  const reply = {
    type: "ai",
    content: "",
    id: `run-${id(1)}`,
    tool_calls: [call("broken", { city: "Oslo" }, "call_x")],
  };
  const toolStart = ev("on_tool_start", "broken", id(2), [R], toolMeta(1), {
    input: { city: "Oslo" },
    tool_call_id: "call_x",
  });
  const toolError = ev("on_tool_error", "broken", id(2), [R], toolMeta(1), {
    error: { error: "Error", message: "backend down" },
    input: { city: "Oslo" },
    tool_call_id: "call_x",
  });
  const firstStep = (input: unknown) => [
    ev("on_chain_start", "agent", R, [], {}, { input }),
    ev("on_chat_model_start", MODEL, id(1), [R], modelMeta(1), { input: { messages: [[human("Go")]] } }),
    ev("on_chat_model_stream", MODEL, id(1), [R], modelMeta(1), {
      chunk: {
        type: "ai",
        content: "",
        id: `run-${id(1)}`,
        tool_call_chunks: [
          { index: 0, name: "broken", args: '{"city":"Oslo"}', type: "tool_call_chunk", id: "call_x" },
        ],
      },
    }),
    ev("on_chat_model_end", MODEL, id(1), [R], modelMeta(1), {
      output: reply,
      input: { messages: [[human("Go")]] },
    }),
    toolStart,
    toolError,
  ];

  it('onToolError "continue" (default): on_tool_error, then an error ToolMessage goes to the model', async () => {
    const agent = createAgent({ model: callsBroken(), tools: [broken] });
    const input = { messages: ["Go"] };
    const events = transcript(await toArray(agent.streamEvents(input, { version: "v2" })));
    const answer = toolMessage("Error: backend down", "call_x", "error");
    const history = [human("Go"), reply, answer];
    expect(events.slice(0, 7)).toStrictEqual([
      ...firstStep(input),
      ev("on_chat_model_start", MODEL, id(3), [R], modelMeta(2), { input: { messages: [history] } }),
    ]);
    expect(events.at(-1)).toMatchObject({
      event: "on_chain_end",
      data: { output: { finishReason: "stop" } },
    });
  });

  it('onToolError "fail": on_tool_error, then the agent run fails with the tool\'s error', async () => {
    const agent = createAgent({ model: callsBroken(), tools: [broken], onToolError: "fail" });
    const input = { messages: ["Go"] };
    const events: unknown[] = [];
    const stream = agent.streamEvents(input, { version: "v2" });
    await expect(
      (async () => {
        for await (const event of stream) events.push(event);
      })(),
    ).rejects.toThrow("backend down");
    expect(transcript(events as never)).toStrictEqual([
      ...firstStep(input),
      ev("on_chain_error", "agent", R, [], {}, { error: { error: "Error", message: "backend down" }, input }),
    ]);
    const again = createAgent({ model: callsBroken(), tools: [broken], onToolError: "fail" });
    await expect(again.invoke(input)).rejects.toThrow("backend down");
  });

  it("a function gives the error ToolMessage's text", async () => {
    const agent = createAgent({
      model: callsBroken(),
      tools: [broken],
      onToolError: (error, toolCall) => `${toolCall.name} failed: ${String(error)}`,
    });
    const output = await agent.invoke({ messages: ["Go"] });
    expect(output.messages[2]).toMatchObject({
      content: "broken failed: Error: backend down",
      status: "error",
    });
  });
});

describe("calls the agent cannot run", () => {
  it("an unknown tool: no tool run, an error ToolMessage naming the tools", async () => {
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({ content: "", tool_calls: [call("nope", {}, "call_n")] }),
        new AIMessage("Ok"),
      ],
    });
    const echo = tool(() => "x", { name: "echo", description: "echo", schema: z.object({}) });
    const agent = createAgent({ model, tools: [echo] });
    const events = transcript(await toArray(agent.streamEvents({ messages: ["Go"] }, { version: "v2" })));
    const answer = toolMessage(
      'Error: there is no tool named "nope"; the tools are "echo".',
      "call_n",
      "error",
    );
    const reply = { type: "ai", content: "", id: `run-${id(1)}`, tool_calls: [call("nope", {}, "call_n")] };
    expect(events.map((event) => (event as { event: string }).event)).toEqual([
      "on_chain_start",
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_end",
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_stream",
      "on_chat_model_stream",
      "on_chat_model_end",
      "on_chain_end",
    ]);
    expect(events[4]).toStrictEqual(
      ev("on_chat_model_start", MODEL, id(2), [R], modelMeta(2), {
        input: { messages: [[human("Go"), reply, answer]] },
      }),
    );
  });

  it("an invalid call (arguments not JSON): answered with an error, and listed as a call in the history", async () => {
    const model = new FakeStreamingChatModel({
      chunkTurns: [
        [fragment(0, '{"city": Oslo', { id: "call_bad", name: "weather" })],
        [new AIMessageChunk("Ok")],
      ],
    });
    const weather = tool(({ city }) => city, { name: "weather", description: "w", schema: citySchema });
    const recorder = new RunRecorder();
    const output = await createAgent({ model, tools: [weather] }).invoke(
      { messages: ["Go"] },
      { callbacks: [recorder] },
    );
    expect(recorder.entries.filter((entry) => entry.runType === "tool")).toEqual([]);
    const [, reply, answer] = output.messages;
    expect(reply).toMatchObject({ tool_calls: [call("weather", {}, "call_bad")], invalid_tool_calls: [] });
    expect(answer).toMatchObject({ tool_call_id: "call_bad", status: "error" });
    expect(answer?.text).toMatch(
      /^Error: the arguments of this call are not a JSON object .*: \{"city": Oslo$/,
    );
    expect(output.finishReason).toBe("stop");
  });
});

describe("a generator tool", () => {
  it("streams its yields as on_tool_stream with the call's id, and returns its output", async () => {
    const countdown = tool(
      async function* ({ city }) {
        yield "3";
        yield "2";
        return `launched from ${city}`;
      },
      { name: "countdown", description: "Counts down", schema: citySchema },
    );
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({ content: "", tool_calls: [call("countdown", { city: "Kiruna" }, "call_c")] }),
        new AIMessage("Ok"),
      ],
    });
    const events = transcript(
      await toArray(
        createAgent({ model, tools: [countdown] }).streamEvents({ messages: ["Go"] }, { version: "v2" }),
      ),
    );
    const toolEvents = events.filter((event) => (event as { name: string }).name === "countdown");
    expect(toolEvents).toStrictEqual([
      ev("on_tool_start", "countdown", id(2), [R], toolMeta(1), {
        input: { city: "Kiruna" },
        tool_call_id: "call_c",
      }),
      ev("on_tool_stream", "countdown", id(2), [R], toolMeta(1), { chunk: "3", tool_call_id: "call_c" }),
      ev("on_tool_stream", "countdown", id(2), [R], toolMeta(1), { chunk: "2", tool_call_id: "call_c" }),
      ev("on_tool_end", "countdown", id(2), [R], toolMeta(1), {
        output: toolMessage("launched from Kiruna", "call_c"),
        input: { city: "Kiruna" },
        tool_call_id: "call_c",
      }),
    ]);
    expect(events.some((event) => (event as { event: string }).event === "on_custom_event")).toBe(false);
  });
});

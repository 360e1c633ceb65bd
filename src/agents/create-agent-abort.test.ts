// createAgent cancelled and limited (docs/agents.md): an abort during a tool or a model request
// closes every run and leaves a valid history on the AgentAbortError (and in streamEvents);
// maxSteps ends the run with a finish reason.
import { AIMessage, InvalidInputError, isAbortError, type StreamEvent, TimeoutError, tool } from "rivulet";
import { AgentAbortError, createAgent } from "rivulet/agents";
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

/** Every call of the history's AI messages has a ToolMessage, and every ToolMessage a call. */
function assertValidHistory(messages: readonly { getType(): string }[]): void {
  const open = new Set<string>();
  for (const message of messages) {
    if (AIMessage.isInstance(message)) {
      expect(open.size).toBe(0);
      for (const toolCall of message.tool_calls) open.add(toolCall.id ?? "");
    } else if ("tool_call_id" in message && typeof message.tool_call_id === "string") {
      expect(open.delete(message.tool_call_id)).toBe(true);
    }
  }
  expect(open.size).toBe(0);
}

/** A `quick` tool and a `hang` tool that waits for its signal (and says it saw it). */
function abortableTools() {
  const seen: string[] = [];
  const quick = tool(({ city }) => `quick ${city}`, {
    name: "quick",
    description: "Answers",
    schema: citySchema,
  });
  const hang = tool(
    (_args, config) =>
      new Promise<string>((_resolve, reject) => {
        config.signal?.addEventListener("abort", () => {
          seen.push("hang saw the abort");
          reject(config.signal?.reason);
        });
      }),
    { name: "hang", description: "Waits until cancelled", schema: citySchema },
  );
  return { tools: [quick, hang], seen };
}

const twoCalls = () =>
  new AIMessage({
    content: "",
    tool_calls: [call("quick", { city: "Oslo" }, "call_q"), call("hang", { city: "Rome" }, "call_h")],
  });

describe("abort during a tool", () => {
  it("cancels the running tool through its signal, closes every run, and the history is valid", async () => {
    const { tools, seen } = abortableTools();
    const agent = createAgent({ model: new FakeStreamingChatModel({ responses: [twoCalls()] }), tools });
    const controller = new AbortController();
    const recorder = new RunRecorder();
    const events: StreamEvent[] = [];
    let thrown: unknown;
    try {
      const stream = agent.streamEvents(
        { messages: ["Go"] },
        { version: "v2", signal: controller.signal, callbacks: [recorder] },
      );
      for await (const event of stream) {
        events.push(event);
        if (event.event === "on_tool_end") controller.abort();
      }
    } catch (error) {
      thrown = error;
    }
    expect(AgentAbortError.isInstance(thrown) && isAbortError(thrown)).toBe(true);
    expect(seen).toEqual(["hang saw the abort"]);
    expect(recorder.openRuns()).toEqual([]);
    const messages = AgentAbortError.isInstance(thrown) ? thrown.messages : [];
    assertValidHistory(messages);
    const reply = { type: "ai", content: "", id: `run-${id(1)}`, tool_calls: twoCalls().tool_calls };
    const quickAnswer = toolMessage("quick Oslo", "call_q");
    const cancelled = toolMessage(
      "Error: the tool call was cancelled before it finished.",
      "call_h",
      "error",
    );
    const abortError = { error: "AbortError", message: "The run was aborted" };
    const fragments = twoCalls().tool_calls.map((toolCall, index) => ({
      index,
      name: toolCall.name,
      args: JSON.stringify(toolCall.args),
      type: "tool_call_chunk",
      id: toolCall.id,
    }));
    expect(transcript(events)).toStrictEqual([
      ev("on_chain_start", "agent", R, [], {}, { input: { messages: ["Go"] } }),
      ev("on_chat_model_start", MODEL, id(1), [R], modelMeta(1), { input: { messages: [[human("Go")]] } }),
      ev("on_chat_model_stream", MODEL, id(1), [R], modelMeta(1), {
        chunk: { type: "ai", content: "", id: `run-${id(1)}`, tool_call_chunks: fragments },
      }),
      ev("on_chat_model_end", MODEL, id(1), [R], modelMeta(1), {
        output: reply,
        input: { messages: [[human("Go")]] },
      }),
      ev("on_tool_start", "quick", id(2), [R], toolMeta(1), {
        input: { city: "Oslo" },
        tool_call_id: "call_q",
      }),
      ev("on_tool_start", "hang", id(3), [R], toolMeta(1), {
        input: { city: "Rome" },
        tool_call_id: "call_h",
      }),
      ev("on_tool_end", "quick", id(2), [R], toolMeta(1), {
        output: quickAnswer,
        input: { city: "Oslo" },
        tool_call_id: "call_q",
      }),
      ev("on_tool_error", "hang", id(3), [R], toolMeta(1), {
        error: abortError,
        input: { city: "Rome" },
        tool_call_id: "call_h",
      }),
      ev(
        "on_chain_error",
        "agent",
        R,
        [],
        {},
        {
          error: {
            error: "AgentAbortError",
            message: "The agent was cancelled; error.messages holds the history so far",
          },
          input: { messages: ["Go"] },
        },
      ),
    ]);
    const [last] = events.slice(-1);
    const rootError = last?.event === "on_chain_error" ? last.data.error : undefined;
    expect(AgentAbortError.isInstance(rootError) && rootError.messages).toBe(messages);
    expect(
      messages.map((message) => [
        message.getType(),
        message.text,
        "status" in message ? message.status : undefined,
      ]),
    ).toEqual([
      ["human", "Go", undefined],
      ["ai", "", undefined],
      ["tool", "quick Oslo", "success"],
      ["tool", cancelled.content, "error"],
    ]);
  });

  it("invoke rejects with the AgentAbortError and its history; no run is left open", async () => {
    const { tools } = abortableTools();
    const controller = new AbortController();
    const agent = createAgent({ model: new FakeStreamingChatModel({ responses: [twoCalls()] }), tools });
    const recorder = new RunRecorder();
    const running = agent.invoke({ messages: ["Go"] }, { signal: controller.signal, callbacks: [recorder] });
    setTimeout(() => controller.abort(), 5);
    const error: unknown = await running.catch((caught: unknown) => caught);
    expect(AgentAbortError.isInstance(error)).toBe(true);
    if (AgentAbortError.isInstance(error)) assertValidHistory(error.messages);
    expect(recorder.openRuns()).toEqual([]);
    expect(recorder.lines().at(-1)).toBe("error:agent");
  });
});

describe("abort during a model request", () => {
  it("cancels the model run; the history is the steps before it", async () => {
    const weather = tool(({ city }) => `18°C in ${city}`, {
      name: "weather",
      description: "w",
      schema: citySchema,
    });
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({ content: "", tool_calls: [call("weather", { city: "Oslo" }, "call_w")] }),
        new AIMessage("A long answer"),
      ],
    });
    const agent = createAgent({ model, tools: [weather] });
    const controller = new AbortController();
    const recorder = new RunRecorder();
    const events: StreamEvent[] = [];
    const reading = (async () => {
      for await (const event of agent.streamEvents(
        { messages: ["Go"] },
        { version: "v2", signal: controller.signal, callbacks: [recorder] },
      )) {
        events.push(event);
        if (event.event === "on_chat_model_stream" && event.metadata.agent_step === 2) controller.abort();
      }
    })();
    const error: unknown = await reading.catch((caught: unknown) => caught);
    expect(AgentAbortError.isInstance(error)).toBe(true);
    const messages = AgentAbortError.isInstance(error) ? error.messages : [];
    assertValidHistory(messages);
    expect(messages.map((message) => message.getType())).toEqual(["human", "ai", "tool"]);
    expect(recorder.openRuns()).toEqual([]);
    expect(events.slice(-2).map((event) => [event.event, event.name])).toEqual([
      ["on_chat_model_error", MODEL],
      ["on_chain_error", "agent"],
    ]);
  });
});

describe("maxSteps", () => {
  it("ends cleanly after the last step's tools with finishReason max_steps", async () => {
    const weather = tool(({ city }) => `18°C in ${city}`, {
      name: "weather",
      description: "w",
      schema: citySchema,
    });
    const model = new FakeStreamingChatModel({
      responses: [new AIMessage({ content: "", tool_calls: [call("weather", { city: "Oslo" }, "call_w")] })],
    });
    const agent = createAgent({ model, tools: [weather], maxSteps: 2 });
    const events = await toArray(agent.streamEvents({ messages: ["Go"] }, { version: "v2" }));
    expect(
      events.map((event) => `${event.event}:${event.name}:${String(event.metadata.agent_step ?? "")}`),
    ).toEqual([
      "on_chain_start:agent:",
      `on_chat_model_start:${MODEL}:1`,
      `on_chat_model_stream:${MODEL}:1`,
      `on_chat_model_end:${MODEL}:1`,
      "on_tool_start:weather:1",
      "on_tool_end:weather:1",
      `on_chat_model_start:${MODEL}:2`,
      `on_chat_model_stream:${MODEL}:2`,
      `on_chat_model_end:${MODEL}:2`,
      "on_tool_start:weather:2",
      "on_tool_end:weather:2",
      "on_chain_end:agent:",
    ]);
    const end = events.at(-1);
    const output = end?.event === "on_chain_end" ? end.data.output : undefined;
    expect(output).toMatchObject({ finishReason: "max_steps", steps: [{ step: 1 }, { step: 2 }] });
    const result = await agent.invoke({ messages: ["Go"] });
    expect(result.finishReason).toBe("max_steps");
    expect(result.messages.map((message) => message.getType())).toEqual([
      "human",
      "ai",
      "tool",
      "ai",
      "tool",
    ]);
    assertValidHistory(result.messages);
  });
});

describe("deadlines and model names", () => {
  it("a timeout during a tool is an AgentAbortError whose cause is the TimeoutError", async () => {
    const { tools } = abortableTools();
    const agent = createAgent({ model: new FakeStreamingChatModel({ responses: [twoCalls()] }), tools });
    const error: unknown = await agent
      .invoke({ messages: ["Go"] }, { timeout: 20 })
      .catch((caught: unknown) => caught);
    expect(AgentAbortError.isInstance(error)).toBe(true);
    if (AgentAbortError.isInstance(error)) {
      expect(TimeoutError.isInstance(error.cause)).toBe(true);
      assertValidHistory(error.messages);
    }
  });

  it("a model name is resolved with initChatModel on first use; a bad one is a typed error on every call", async () => {
    const agent = createAgent({ model: "nowhere:some-model" });
    await expect(agent.invoke({ messages: ["Go"] })).rejects.toThrow(/provider/);
    await expect(agent.invoke({ messages: ["Go"] })).rejects.toThrow(InvalidInputError);
  });
});

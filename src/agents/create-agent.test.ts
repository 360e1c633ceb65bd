// createAgent's loop (docs/agents.md): whole ordered streamEvents v2 transcripts on the offline
// fakes, ids normalised. R is the agent's run; the model and tool runs follow in order of start.
import { AIMessage, HumanMessage, tool } from "rivulet";
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
  usage,
} from "./test-support/agent-transcript.js";

const weather = tool(({ city }) => `18°C in ${city}`, {
  name: "weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string() }),
});

describe("createAgent: one tool call, then an answer", () => {
  const model = () =>
    new FakeStreamingChatModel({
      responses: [
        new AIMessage({
          content: "",
          tool_calls: [call("weather", { city: "Paris" }, "call_1")],
          usage_metadata: usage(10, 5),
        }),
        new AIMessage({ content: "OK", usage_metadata: usage(20, 1) }),
      ],
    });

  it("streams one root run with a model run, a tool run with tool_call_id, and the next model run", async () => {
    const agent = createAgent({ model: model(), tools: [weather] });
    const events = await toArray(agent.streamEvents({ messages: [["user", "Weather?"]] }, { version: "v2" }));
    const reply1 = {
      type: "ai",
      content: "",
      id: `run-${id(1)}`,
      tool_calls: [call("weather", { city: "Paris" }, "call_1")],
      usage_metadata: usage(10, 5),
    };
    const answer = toolMessage("18°C in Paris", "call_1");
    const reply2 = { type: "ai", content: "OK", id: `run-${id(3)}`, usage_metadata: usage(20, 1) };
    const history2 = [human("Weather?"), reply1, answer];
    const fragment = {
      index: 0,
      args: '{"city":"Paris"}',
      type: "tool_call_chunk",
      name: "weather",
      id: "call_1",
    };
    expect(transcript(events)).toStrictEqual([
      ev("on_chain_start", "agent", R, [], {}, { input: { messages: [["user", "Weather?"]] } }),
      ev("on_chat_model_start", MODEL, id(1), [R], modelMeta(1), {
        input: { messages: [[human("Weather?")]] },
      }),
      ev("on_chat_model_stream", MODEL, id(1), [R], modelMeta(1), {
        chunk: {
          type: "ai",
          content: "",
          id: `run-${id(1)}`,
          tool_call_chunks: [fragment],
          usage_metadata: usage(10, 5),
        },
      }),
      ev("on_chat_model_end", MODEL, id(1), [R], modelMeta(1), {
        output: reply1,
        input: { messages: [[human("Weather?")]] },
      }),
      ev("on_tool_start", "weather", id(2), [R], toolMeta(1), {
        input: { city: "Paris" },
        tool_call_id: "call_1",
      }),
      ev("on_tool_end", "weather", id(2), [R], toolMeta(1), {
        output: answer,
        input: { city: "Paris" },
        tool_call_id: "call_1",
      }),
      ev("on_chat_model_start", MODEL, id(3), [R], modelMeta(2), { input: { messages: [history2] } }),
      ev("on_chat_model_stream", MODEL, id(3), [R], modelMeta(2), {
        chunk: { type: "ai", content: "O", id: `run-${id(3)}` },
      }),
      ev("on_chat_model_stream", MODEL, id(3), [R], modelMeta(2), {
        chunk: { type: "ai", content: "K", id: `run-${id(3)}` },
      }),
      ev("on_chat_model_stream", MODEL, id(3), [R], modelMeta(2), {
        chunk: { type: "ai", content: "", id: `run-${id(3)}`, usage_metadata: usage(20, 1) },
      }),
      ev("on_chat_model_end", MODEL, id(3), [R], modelMeta(2), {
        output: reply2,
        input: { messages: [history2] },
      }),
      ev(
        "on_chain_end",
        "agent",
        R,
        [],
        {},
        {
          output: {
            messages: [...history2, reply2],
            finishReason: "stop",
            usage: usage(30, 6),
            steps: [
              { step: 1, usage: usage(10, 5), toolCalls: 1 },
              { step: 2, usage: usage(20, 1), toolCalls: 0 },
            ],
          },
        },
      ),
    ]);
  });

  it("invoke returns the history, the finish reason and the usage summed over the steps", async () => {
    const agent = createAgent({ model: model(), tools: [weather], systemPrompt: "Be brief." });
    const output = await agent.invoke({ messages: [new HumanMessage("Weather?")] });
    expect(output.messages.map((message) => [message.getType(), message.text])).toEqual([
      ["human", "Weather?"],
      ["ai", ""],
      ["tool", "18°C in Paris"],
      ["ai", "OK"],
    ]);
    expect(output.finishReason).toBe("stop");
    expect(output.usage).toEqual(usage(30, 6));
  });
});

describe("createAgent: prompt, input and options", () => {
  it("sends the system prompt first in every request, and keeps it out of the history", async () => {
    const model = new FakeStreamingChatModel({ responses: [new AIMessage("Hi")] });
    const agent = createAgent({ model, systemPrompt: "Be brief.", name: "helper" });
    const events = transcript(await toArray(agent.streamEvents({ messages: ["Hello"] }, { version: "v2" })));
    expect(events[0]).toMatchObject({ event: "on_chain_start", name: "helper" });
    expect(events[1]).toMatchObject({
      event: "on_chat_model_start",
      data: { input: { messages: [[{ type: "system", content: "Be brief." }, human("Hello")]] } },
    });
    const output = await agent.invoke({ messages: [{ role: "user", content: "Hello" }] });
    expect(output.messages.map((message) => message.getType())).toEqual(["human", "ai"]);
  });

  it("takes every message-like and rejects an input without a messages array", async () => {
    const agent = createAgent({ model: new FakeStreamingChatModel({ responses: [new AIMessage("Hi")] }) });
    const output = await agent.invoke({
      messages: ["a", ["assistant", "b"], { role: "user", content: "c" }, new HumanMessage("d")],
    });
    expect(output.messages.map((message) => [message.getType(), message.text])).toEqual([
      ["human", "a"],
      ["ai", "b"],
      ["human", "c"],
      ["human", "d"],
      ["ai", "Hi"],
    ]);
    await expect(agent.invoke("hi" as never)).rejects.toThrow(
      /An agent's input is \{ messages: \[\.\.\.\] \}/,
    );
  });

  it("checks its options", () => {
    const model = new FakeStreamingChatModel({});
    expect(() => createAgent({ model, maxSteps: 0 })).toThrow(/maxSteps/);
    expect(() => createAgent({ model, toolConcurrency: 1.5 })).toThrow(/toolConcurrency/);
    expect(() => createAgent({ model, tools: [weather, weather] })).toThrow(/two tools are named "weather"/);
    expect(() => createAgent({ model, onToolError: "ignore" as never })).toThrow(/onToolError/);
    expect(() => createAgent({ model: {} as never })).toThrow(/model must be a chat model/);
  });
});

describe("createAgent: what observers keep", () => {
  it("each model run's recorded input stays the history it was sent", async () => {
    const recorder = new RunRecorder();
    const agent = createAgent({
      model: new FakeStreamingChatModel({
        responses: [
          new AIMessage({ content: "", tool_calls: [call("weather", { city: "Paris" }, "call_1")] }),
          new AIMessage("OK"),
        ],
      }),
      tools: [weather],
    });
    await agent.invoke({ messages: ["Weather?"] }, { callbacks: [recorder] });
    const inputs = recorder.entries.filter(
      (entry) => entry.kind === "start" && entry.runType === "chat_model",
    );
    expect(inputs.map((entry) => (Array.isArray(entry.input) ? entry.input.length : -1))).toEqual([1, 3]);
  });
});

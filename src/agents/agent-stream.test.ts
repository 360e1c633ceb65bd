// agent.stream's LangGraph-shaped modes (docs/agents.md, "Stream modes"): updates (default),
// messages, values, custom, and several at once as [mode, chunk] pairs.
import { AIMessage, isAbortError, tool } from "rivulet";
import { type AgentToolConfig, type AgentUpdate, createAgent } from "rivulet/agents";
import { FakeStreamingChatModel, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { call, plain } from "./test-support/agent-transcript.js";

const weather = tool(
  ({ city }, config: AgentToolConfig) => {
    config.writer?.({ type: "progress", city });
    return `18°C in ${city}`;
  },
  { name: "weather", description: "Current weather in a city", schema: z.object({ city: z.string() }) },
);

const agentOf = () =>
  createAgent({
    model: new FakeStreamingChatModel({
      responses: [
        new AIMessage({ content: "", tool_calls: [call("weather", { city: "Oslo" }, "call_1")] }),
        new AIMessage("Hi"),
      ],
    }),
    tools: [weather],
  });

const input = { messages: ["Weather?"] };

describe("agent.stream", () => {
  it('"updates" (default): what each step added, per node', async () => {
    const chunks = await toArray(agentOf().stream(input));
    expectTypeOf(chunks[0]).toEqualTypeOf<AgentUpdate | undefined>();
    expect(plain(chunks)).toMatchObject([
      {
        model_request: {
          messages: [{ type: "ai", tool_calls: [call("weather", { city: "Oslo" }, "call_1")] }],
        },
      },
      { tools: { messages: [{ type: "tool", content: "18°C in Oslo", tool_call_id: "call_1" }] } },
      { model_request: { messages: [{ type: "ai", content: "Hi" }] } },
    ]);
    expect(chunks).toHaveLength(3);
  });

  it('"messages": each model chunk and each ToolMessage with its step and node', async () => {
    const parts = await toArray(agentOf().stream(input, { streamMode: "messages" }));
    expect(parts.map(([message, meta]) => [message.getType(), message.text, meta])).toEqual([
      [
        "ai",
        "",
        { agent_step: 1, agent_node: "model_request", langgraph_step: 1, langgraph_node: "model_request" },
      ],
      [
        "tool",
        "18°C in Oslo",
        { agent_step: 1, agent_node: "tools", langgraph_step: 2, langgraph_node: "tools" },
      ],
      [
        "ai",
        "H",
        { agent_step: 2, agent_node: "model_request", langgraph_step: 3, langgraph_node: "model_request" },
      ],
      [
        "ai",
        "i",
        { agent_step: 2, agent_node: "model_request", langgraph_step: 3, langgraph_node: "model_request" },
      ],
      [
        "ai",
        "",
        { agent_step: 2, agent_node: "model_request", langgraph_step: 3, langgraph_node: "model_request" },
      ],
    ]);
  });

  it('"values": the input state, then the whole state after each node', async () => {
    const states = await toArray(agentOf().stream(input, { streamMode: "values" }));
    expect(states.map((state) => state.messages.map((message) => message.getType()))).toEqual([
      ["human"],
      ["human", "ai"],
      ["human", "ai", "tool"],
      ["human", "ai", "tool", "ai"],
    ]);
  });

  it('"custom": what tools write with config.writer; several modes give [mode, chunk] pairs', async () => {
    expect(await toArray(agentOf().stream(input, { streamMode: "custom" }))).toEqual([
      { type: "progress", city: "Oslo" },
    ]);
    const pairs = await toArray(agentOf().stream(input, { streamMode: ["updates", "custom"] }));
    expect(pairs.map(([mode]) => mode)).toEqual(["updates", "custom", "updates", "updates"]);
    expect(pairs[1]).toEqual(["custom", { type: "progress", city: "Oslo" }]);
  });

  it("breaking out cancels the agent and closes every run; a bad mode is a typed error", async () => {
    const recorder = new RunRecorder();
    for await (const update of await agentOf().stream(input, { callbacks: [recorder] })) {
      expect(update.model_request).toBeDefined();
      break;
    }
    expect(recorder.openRuns()).toEqual([]);
    await expect(agentOf().stream(input, { streamMode: "events" as never })).rejects.toThrow(
      /streamMode must be one of/,
    );
    // An aborted signal: the run never opens, and the stream throws at its first read.
    const aborted = await agentOf().stream(input, { signal: AbortSignal.abort() });
    await expect(toArray(aborted)).rejects.toSatisfy(isAbortError);
  });
});

// @ai-sdk/langchain's LangGraph path over the agent: toUIMessageStream reads
// `stream(input, { streamMode: ["values", "messages"] })` and produces tool input, tool output and
// text parts with the model's call ids. The library recognises @langchain/core's message classes,
// so the chunks' messages are converted with rivulet/langchain's toLangChainMessage first.
import { toUIMessageStream } from "@ai-sdk/langchain";
import { AIMessage, tool } from "rivulet";
import { type AgentMessagePart, type AgentValues, createAgent } from "rivulet/agents";
import { toLangChainMessage, toLangChainMessages } from "rivulet/langchain";
import { FakeStreamingChatModel, scriptedResponseChunks, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { call } from "./test-support/agent-transcript.js";

/** The agent's values+messages pairs with @langchain/core messages, as a LangGraph graph streams them. */
async function* asLangGraph(stream: AsyncIterable<["values", AgentValues] | ["messages", AgentMessagePart]>) {
  for await (const pair of stream) {
    if (pair[0] === "messages") yield ["messages", [toLangChainMessage(pair[1][0]), pair[1][1]]];
    else yield ["values", { ...pair[1], messages: toLangChainMessages(pair[1].messages) }];
  }
}

describe("@ai-sdk/langchain over agent.stream", () => {
  it("builds tool input, tool output and text parts with the model's call ids", async () => {
    const weather = tool(({ city }) => `18°C in ${city}`, {
      name: "weather",
      description: "Current weather in a city",
      schema: z.object({ city: z.string() }),
    });
    const twoCalls = new AIMessage({
      content: "",
      tool_calls: [
        call("weather", { city: "Oslo" }, "call_oslo"),
        call("weather", { city: "Rome" }, "call_rome"),
      ],
    });
    const model = new FakeStreamingChatModel({
      chunkTurns: [
        scriptedResponseChunks(twoCalls, { argumentsFragmentLength: 6 }),
        scriptedResponseChunks(new AIMessage("Both mild.")),
      ],
    });
    const agent = createAgent({ model, tools: [weather] });
    const stream = await agent.stream(
      { messages: ["Weather in Oslo and Rome?"] },
      { streamMode: ["values", "messages"] },
    );
    const parts = await toArray(toUIMessageStream(ReadableStream.from(asLangGraph(stream))));
    const toolParts = parts.flatMap((part) =>
      part.type === "tool-input-available"
        ? [[part.type, part.toolCallId, part.input]]
        : part.type === "tool-output-available"
          ? [[part.type, part.toolCallId, part.output]]
          : [],
    );
    expect(toolParts).toEqual([
      ["tool-input-available", "call_oslo", { city: "Oslo" }],
      ["tool-input-available", "call_rome", { city: "Rome" }],
      ["tool-output-available", "call_oslo", "18°C in Oslo"],
      ["tool-output-available", "call_rome", "18°C in Rome"],
    ]);
    const text = parts.flatMap((part) => (part.type === "text-delta" ? [part.delta] : [])).join("");
    expect(text).toBe("Both mild.");
    expect(parts.at(-1)).toMatchObject({ type: "finish" });
  });

  it("turns an interrupted run's pending call into a tool-approval-request for the model's call id", async () => {
    const send = tool(() => "sent", {
      name: "send_email",
      description: "Sends",
      schema: z.object({ to: z.string() }),
    });
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({ content: "", tool_calls: [call("send_email", { to: "ada" }, "call_send")] }),
      ],
    });
    const agent = createAgent({ model, tools: [send], approval: { send_email: "always" } });
    const stream = await agent.stream({ messages: ["Email Ada"] }, { streamMode: ["values", "messages"] });
    const parts = await toArray(toUIMessageStream(ReadableStream.from(asLangGraph(stream))));
    expect(parts.filter((part) => part.type === "tool-approval-request")).toEqual([
      { type: "tool-approval-request", approvalId: "call_send", toolCallId: "call_send" },
    ]);
  });
});

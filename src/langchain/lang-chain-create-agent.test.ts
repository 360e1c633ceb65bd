// langchain's own createAgent runs on a Rivulet chat model (toLangChainChatModel) with Rivulet
// tools (toLangChainTool), streaming its steps: the model's tool calls keep their ids, the tools
// answer them, and the final answer follows; withStructuredOutput works through bindTools.
import {
  AIMessageChunk as LangChainAIMessageChunk,
  HumanMessage as LangChainHumanMessage,
} from "@langchain/core/messages";
import { createAgent } from "langchain";
import { AIMessage, tool } from "rivulet";
import { toLangChainChatModel, toLangChainTool } from "rivulet/langchain";
import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const weather = tool(({ city }: { city: string }) => `18C in ${city}`, {
  name: "weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string() }),
});

function model(): FakeStreamingChatModel {
  return new FakeStreamingChatModel({
    responses: [
      new AIMessage({
        content: "",
        tool_calls: [{ name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" }],
      }),
      new AIMessage("It is 18C in Paris."),
    ],
  });
}

describe("langchain's createAgent on a Rivulet model and Rivulet tools", () => {
  it("streams its steps: the model's call with its id, the tool's answer, the final answer", async () => {
    const agent = createAgent({ model: toLangChainChatModel(model()), tools: [toLangChainTool(weather)] });
    const updates: Array<[string, unknown[]]> = [];
    for await (const chunk of await agent.stream(
      { messages: [new LangChainHumanMessage("Weather in Paris?")] },
      { streamMode: "updates" },
    )) {
      for (const [node, update] of Object.entries(chunk)) {
        const messages: unknown = Reflect.get(Object(update), "messages");
        updates.push([node, Array.isArray(messages) ? messages : []]);
      }
    }
    expect(updates.map(([node]) => node)).toEqual(["model_request", "tools", "model_request"]);
    const call = updates[0]?.[1][0];
    expect(Reflect.get(Object(call), "tool_calls")).toEqual([
      expect.objectContaining({ name: "weather", args: { city: "Paris" }, id: "call_1" }),
    ]);
    expect(updates[1]?.[1][0]).toMatchObject({ content: "18C in Paris", tool_call_id: "call_1" });
    expect(updates[2]?.[1][0]).toMatchObject({ content: "It is 18C in Paris." });
  });

  it("streams the model's tokens as LangChain message chunks", async () => {
    const agent = createAgent({ model: toLangChainChatModel(model()), tools: [toLangChainTool(weather)] });
    const tokens: string[] = [];
    for await (const [message] of await agent.stream(
      { messages: [new LangChainHumanMessage("Weather?")] },
      { streamMode: "messages" },
    )) {
      if (message instanceof LangChainAIMessageChunk && typeof message.content === "string")
        tokens.push(message.content);
    }
    expect(tokens.join("")).toContain("It is 18C in Paris.");
    expect(tokens.length).toBeGreaterThan(2);
  });

  it("gives LangChain's withStructuredOutput a tool call it can parse", async () => {
    const structured = new FakeStreamingChatModel({
      responses: [
        new AIMessage({
          content: "",
          tool_calls: [
            { name: "extract", args: { city: "Rome", celsius: 24 }, id: "call_9", type: "tool_call" },
          ],
        }),
      ],
    });
    const extractor = toLangChainChatModel(structured).withStructuredOutput(
      z.object({ city: z.string(), celsius: z.number() }),
      { name: "extract" },
    );
    expect(await extractor.invoke("Rome is 24C")).toEqual({ city: "Rome", celsius: 24 });
  });
});

// Tools cross between @langchain/core 1.4 and Rivulet: a LangChain tool binds to a Rivulet model
// as LangChain itself would describe it, runs in Rivulet's agent through fromLangChainTool, and a
// Rivulet tool runs in LangChain through toLangChainTool.
import { tool as langChainTool } from "@langchain/core/tools";
import { convertToOpenAITool } from "@langchain/core/utils/function_calling";
import { AIMessage, ToolInputError, ToolMessage, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { fromLangChainTool, toLangChainTool } from "rivulet/langchain";
import { ChatOpenAI } from "rivulet/providers/openai";
import { FakeStreamingChatModel, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const seen: AbortSignal[] = [];
const lcWeather = langChainTool(
  async ({ city }: { city: string }, config) => {
    if (config?.signal !== undefined) seen.push(config.signal);
    return `18C in ${city}`;
  },
  {
    name: "weather",
    description: "Current weather in a city",
    schema: z.object({ city: z.string().describe("City name") }),
  },
);

const TEXT_REPLY =
  'data: {"id":"c1","choices":[{"index":0,"delta":{"content":"ok"},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n';

describe("a LangChain tool in Rivulet", () => {
  it("binds to a Rivulet model as a Rivulet tool of the same schema, and as LangChain describes it", async () => {
    const bodies: unknown[] = [];
    const model = new ChatOpenAI({
      apiKey: "sk-test",
      model: "gpt-4o-mini",
      maxRetries: 0,
      fetch: async (_url, init) => {
        bodies.push(JSON.parse(String(init?.body)));
        return new Response(TEXT_REPLY, { headers: { "content-type": "text/event-stream" } });
      },
    });
    const ours = tool(async ({ city }: { city: string }) => city, {
      name: "weather",
      description: "Current weather in a city",
      schema: z.object({ city: z.string().describe("City name") }),
    });
    await model.bindTools([lcWeather]).invoke("Weather in Paris?");
    await model.bindTools([ours]).invoke("Weather in Paris?");
    const [fromLangChain, fromRivulet] = bodies.map((body) => Reflect.get(Object(body), "tools"));
    expect(fromLangChain).toEqual(fromRivulet);
    // LangChain's own description differs only by zod's output-mode keys, which we do not send.
    const parameters: Record<string, unknown> = { ...convertToOpenAITool(lcWeather).function.parameters };
    Reflect.deleteProperty(parameters, "$schema");
    Reflect.deleteProperty(parameters, "additionalProperties");
    expect(fromLangChain).toEqual([
      {
        type: "function",
        function: { name: "weather", description: "Current weather in a city", parameters },
      },
    ]);
  });

  it("runs through fromLangChainTool as a Rivulet tool: validated, answering the call, with the signal", async () => {
    const weather = fromLangChainTool(lcWeather);
    expect(weather.name).toBe("weather");
    const answer = await weather.invoke({
      type: "tool_call",
      id: "call_1",
      name: "weather",
      args: { city: "Paris" },
    });
    expect(answer).toBeInstanceOf(ToolMessage);
    expect(answer).toMatchObject({ content: "18C in Paris", tool_call_id: "call_1" });
    await expect(weather.invoke({ city: 3 })).rejects.toThrow(ToolInputError);
    const controller = new AbortController();
    seen.length = 0;
    await weather.invoke({ city: "Rome" }, { signal: controller.signal });
    controller.abort();
    expect(seen.at(-1)?.aborted).toBe(true);
  });

  it("is a step of Rivulet's agent, with its tool run carrying the call id", async () => {
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({
          content: "",
          tool_calls: [{ name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" }],
        }),
        new AIMessage("It is 18C in Paris."),
      ],
    });
    const agent = createAgent({ model, tools: [fromLangChainTool(lcWeather)] });
    const events = await toArray(agent.streamEvents({ messages: [["user", "Weather?"]] }, { version: "v2" }));
    const toolEnd = events.find((event) => event.event === "on_tool_end");
    expect(toolEnd?.name).toBe("weather");
    expect(Reflect.get(Object(toolEnd?.data), "tool_call_id")).toBe("call_1");
    const output = await agent.invoke({ messages: [["user", "Weather?"]] });
    expect(output.messages.map((message) => message.text)).toEqual([
      "Weather?",
      "",
      "18C in Paris",
      "It is 18C in Paris.",
    ]);
  });
});

describe("a Rivulet tool in LangChain", () => {
  const add = tool(({ a, b }: { a: number; b: number }) => a + b, {
    name: "add",
    description: "Add two numbers",
    schema: z.object({ a: z.number(), b: z.number() }),
  });

  it("is a LangChain tool with the same name, description and schema", async () => {
    const lcAdd = toLangChainTool(add);
    expect(convertToOpenAITool(lcAdd).function).toMatchObject({
      name: "add",
      description: "Add two numbers",
      parameters: {
        type: "object",
        properties: { a: { type: "number" }, b: { type: "number" } },
        required: ["a", "b"],
      },
    });
    expect(await lcAdd.invoke({ a: 2, b: 3 })).toBe(5);
  });

  it("answers a LangChain tool call with LangChain's ToolMessage, and LangChain refuses bad arguments", async () => {
    const lcAdd = toLangChainTool(add);
    const message: unknown = await lcAdd.invoke({
      type: "tool_call",
      id: "call_7",
      name: "add",
      args: { a: 1, b: 1 },
    });
    expect(message).toMatchObject({ content: "2", tool_call_id: "call_7" });
    await expect(lcAdd.invoke({ a: "x", b: 1 })).rejects.toThrow();
  });
});

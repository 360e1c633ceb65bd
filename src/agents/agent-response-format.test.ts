// createAgent's responseFormat (docs/agents.md, "Structured answers"): the model answers through
// a tool of the schema (tool_choice "any"), the valid answer ends the loop as structuredResponse,
// an invalid one is answered with its issues and retried, and partial answers stream as the
// agent run's structured_response custom events.
import { readFileSync } from "node:fs";
import { AIMessage, type JsonSchema, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { ChatOpenAI } from "rivulet/providers/openai";
import { FakeStreamingChatModel, scriptedResponseChunks, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { call } from "./test-support/agent-transcript.js";

const Forecast = z.object({ city: z.string(), celsius: z.number() });

const weather = tool(({ city }) => `18°C in ${city}`, {
  name: "weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string() }),
});

const answerChunks = (args: Record<string, unknown>, id: string) =>
  scriptedResponseChunks(
    new AIMessage({ content: "", tool_calls: [call("structured_response", args, id)] }),
    {
      argumentsFragmentLength: 7,
    },
  );

describe("responseFormat", () => {
  it("ends with the validated structuredResponse after the tools, streaming partial answers", async () => {
    const model = new FakeStreamingChatModel({
      chunkTurns: [
        scriptedResponseChunks(
          new AIMessage({ content: "", tool_calls: [call("weather", { city: "Oslo" }, "call_w")] }),
        ),
        answerChunks({ city: "Oslo", celsius: 18 }, "call_s"),
      ],
    });
    const agent = createAgent({ model, tools: [weather], responseFormat: Forecast });
    const events = await toArray(agent.streamEvents({ messages: ["Forecast for Oslo?"] }, { version: "v2" }));
    const partials = events.flatMap((event) =>
      event.event === "on_custom_event" ? [[event.name, event.data]] : [],
    );
    expect(partials).toEqual([
      // The arguments arrive as '{"city"', ':"Oslo"', ',"celsi', 'us":18}'.
      ["structured_response", {}],
      ["structured_response", { city: "Oslo" }],
      ["structured_response", { city: "Oslo", celsius: 18 }],
    ]);
    const end = events.at(-1);
    const output = end?.event === "on_chain_end" ? end.data.output : undefined;
    expect(output).toMatchObject({ structuredResponse: { city: "Oslo", celsius: 18 }, finishReason: "stop" });
    const result = await createAgent({
      model: new FakeStreamingChatModel({
        chunkTurns: [answerChunks({ city: "Rome", celsius: 21 }, "call_r")],
      }),
      responseFormat: Forecast,
    }).invoke({ messages: ["Rome?"] });
    expect(result.structuredResponse).toEqual({ city: "Rome", celsius: 21 });
    expect(result.messages.map((message) => [message.getType(), message.text])).toEqual([
      ["human", "Rome?"],
      ["ai", ""],
      ["tool", 'Returning structured response: {"city":"Rome","celsius":21}'],
    ]);
  });

  it("answers an invalid structured response with its issues, and the model tries again", async () => {
    const model = new FakeStreamingChatModel({
      chunkTurns: [
        answerChunks({ city: "Rome", celsius: "warm" }, "call_1"),
        answerChunks({ city: "Rome", celsius: 21 }, "call_2"),
      ],
    });
    const result = await createAgent({ model, responseFormat: Forecast }).invoke({ messages: ["Rome?"] });
    expect(result.structuredResponse).toEqual({ city: "Rome", celsius: 21 });
    const [, , retry] = result.messages;
    expect(retry).toMatchObject({ tool_call_id: "call_1", status: "error" });
    expect(retry?.text).toMatch(/^Error: the structured response does not match the schema \(celsius: .+\)/);
    expect(result.steps).toHaveLength(2);
  });

  it("on OpenAI's wire: the response tool is bound with tool_choice required and named after the schema's title", async () => {
    const body = readFileSync(
      new URL("../providers/openai/fixtures/structured-tool-call.sse", import.meta.url),
      "utf8",
    );
    const requests: unknown[] = [];
    const fetch = async (_url: string, init: RequestInit) => {
      requests.push(JSON.parse(String(init.body)));
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    };
    const trip: JsonSchema = {
      title: "trip",
      type: "object",
      properties: {
        city: { type: "string" },
        days: { type: "number" },
        sights: { type: "array", items: { type: "string" } },
      },
      required: ["city", "days"],
    };
    const model = new ChatOpenAI({ apiKey: "sk-test", model: "gpt-4o-mini", fetch, maxRetries: 0 });
    const result = await createAgent({ model, responseFormat: trip }).invoke({ messages: ["Plan Lisbon"] });
    expect(result.structuredResponse).toEqual({ city: "Lisbon", days: 3, sights: ["Belém", "Alfama"] });
    expect(requests[0]).toMatchObject({
      tool_choice: "required",
      tools: [{ type: "function", function: { name: "trip" } }],
    });
  });
});

import {
  convertToOpenAITool,
  HumanMessage,
  InvalidInputError,
  OutputParserError,
  StructuredOutputParser,
  ToolInputError,
  ToolMessage,
  tool,
  UnsupportedSchemaError,
} from "rivulet";
import { ChatAnthropic } from "rivulet/providers/anthropic";
import { ChatOpenAI } from "rivulet/providers/openai";
import { describe, expect, it } from "vitest";
import { z as z4 } from "zod";
import { z as z3 } from "zod3";

// Every case runs with zod 3 (inside our peer range ^3.25) and zod 4: a zod 3 schema must work
// wherever a zod 4 one does. The part of zod's API used here is the same in both majors, so
// zod 3's `z` is given zod 4's type to share one set of cases; zod 3's own types are checked by
// the type tests (zod-majors.test-d.ts).
type Zod = typeof z4;
const MAJORS: [string, Zod][] = [
  ["zod 3", z3 as unknown as Zod],
  ["zod 4", z4],
];

/** What models are shown for the weather tool's arguments (the input side). */
const WEATHER_ARGS = {
  type: "object",
  properties: {
    city: { type: "string", description: "The city" },
    unit: { type: "string", enum: ["C", "F"] },
  },
  required: ["city"],
  description: "Current weather",
};

/** What withStructuredOutput and the parser show for the same schema (the output side: closed). */
const WEATHER_OUTPUT = {
  type: "object",
  properties: WEATHER_ARGS.properties,
  required: ["city"],
  additionalProperties: false,
  description: "Current weather",
};

const STRING_TOOL_ARGS = { type: "object", properties: { input: { type: "string" } }, required: ["input"] };

const SSE = { "content-type": "text/event-stream" };

/** An OpenAI model whose server answers every request with `sse`, keeping the request bodies. */
function openAIReplying(sse: string): { model: ChatOpenAI; bodies: unknown[] } {
  const bodies: unknown[] = [];
  const model = new ChatOpenAI({
    apiKey: "sk-test",
    model: "gpt-4o-mini",
    fetch: async (_url, init) => {
      bodies.push(JSON.parse(String(init.body)));
      return new Response(sse, { headers: SSE });
    },
  });
  return { model, bodies };
}

const CONTENT_REPLY =
  'data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":"{\\"city\\": \\"Paris\\"}"},"finish_reason":"stop"}]}\n\n' +
  "data: [DONE]\n\n";
const TOOL_CALL_REPLY =
  'data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","tool_calls":[{"index":0,"id":"call_1","type":"function","function":{"name":"weather","arguments":"{\\"city\\": \\"Paris\\"}"}}]},"finish_reason":"tool_calls"}]}\n\n' +
  "data: [DONE]\n\n";

/** The error `run` throws or rejects with. */
async function failure(run: () => unknown): Promise<unknown> {
  try {
    await run();
  } catch (error) {
    return error;
  }
  throw new Error("expected a failure");
}

describe.each(MAJORS)("%s schemas", (_major, z) => {
  const weatherSchema = () =>
    z
      .object({ city: z.string().describe("The city"), unit: z.enum(["C", "F"]).optional() })
      .describe("Current weather");
  const weatherTool = () =>
    tool(({ city, unit }) => `18°${unit ?? "C"} in ${city}`, { name: "weather", schema: weatherSchema() });

  it("a structured tool: its JSON Schema for models, its description, validated calls", async () => {
    const weather = weatherTool();
    expect(weather.description).toBe("Current weather");
    expect(weather.getJsonSchema()).toEqual(WEATHER_ARGS);
    expect(convertToOpenAITool(weather).function.parameters).toEqual(WEATHER_ARGS);
    const reply = await weather.invoke({
      name: "weather",
      args: { city: "Paris" },
      id: "c1",
      type: "tool_call",
    });
    expect(reply).toBeInstanceOf(ToolMessage);
    expect(reply.content).toBe("18°C in Paris");
    expect(await weather.invoke("Lisbon")).toBe("18°C in Lisbon");
    expect(ToolInputError.isInstance(await failure(() => weather.invoke({ city: 1 } as never)))).toBe(true);
  });

  it("a string tool: models see { input }, which is unwrapped and validated", async () => {
    const shout = tool((text: string) => text.toUpperCase(), {
      name: "shout",
      description: "Upper-cases",
      schema: z.string().min(3),
    });
    expect(shout.getJsonSchema()).toEqual(STRING_TOOL_ARGS);
    const call = { name: "shout", args: { input: "hey" }, id: "c1", type: "tool_call" } as const;
    expect((await shout.invoke(call)).content).toBe("HEY");
    expect(await shout.invoke("abc")).toBe("ABC");
    expect(ToolInputError.isInstance(await failure(() => shout.invoke("ab")))).toBe(true);
  });

  it("bindTools sends the tool's JSON Schema (OpenAI and Anthropic)", () => {
    const openAI = new ChatOpenAI({ apiKey: "k" }).bindTools([weatherTool()]);
    expect(openAI.requestBody([new HumanMessage("x")]).tools).toEqual([
      {
        type: "function",
        function: { name: "weather", description: "Current weather", parameters: WEATHER_ARGS },
      },
    ]);
    const anthropic = new ChatAnthropic({ apiKey: "k" }).bindTools([weatherTool()]);
    expect(anthropic.requestBody([new HumanMessage("x")]).tools).toEqual([
      { name: "weather", description: "Current weather", input_schema: WEATHER_ARGS },
    ]);
  });

  it("withStructuredOutput (json_schema) sends the output side and validates the answer", async () => {
    const { model, bodies } = openAIReplying(CONTENT_REPLY);
    const extractor = model.withStructuredOutput(weatherSchema(), { name: "weather" });
    expect(await extractor.invoke("Weather in Paris?")).toEqual({ city: "Paris" });
    expect(bodies[0]).toMatchObject({
      response_format: { type: "json_schema", json_schema: { name: "weather", schema: WEATHER_OUTPUT } },
    });
  });

  it("withStructuredOutput (functionCalling) forces a tool with the schema and validates its arguments", async () => {
    const { model, bodies } = openAIReplying(TOOL_CALL_REPLY);
    const extractor = model.withStructuredOutput(weatherSchema(), {
      name: "weather",
      method: "functionCalling",
    });
    expect(await extractor.invoke("Weather in Paris?")).toEqual({ city: "Paris" });
    expect(bodies[0]).toMatchObject({
      tools: [{ type: "function", function: { name: "weather", parameters: WEATHER_OUTPUT } }],
      tool_choice: { type: "function", function: { name: "weather" } },
    });
  });

  it("StructuredOutputParser: the format instructions carry the schema; parse validates", async () => {
    const parser = StructuredOutputParser.fromZodSchema(weatherSchema());
    const shown = { $schema: "https://json-schema.org/draft/2020-12/schema", ...WEATHER_OUTPUT };
    expect(parser.getFormatInstructions()).toContain(`\`\`\`json\n${JSON.stringify(shown)}\n\`\`\``);
    expect(await parser.parse('{"city": "Paris", "unit": "C"}')).toEqual({ city: "Paris", unit: "C" });
    expect(OutputParserError.isInstance(await failure(() => parser.parse('{"city": 1}')))).toBe(true);
  });

  it("a part with no JSON Schema form is an UnsupportedSchemaError that says what to use", async () => {
    const schema = z.object({ when: z.date() });
    const planner = tool(({ when }) => when.toISOString(), { name: "plan", description: "Plans", schema });
    const fromTool = await failure(() => planner.getJsonSchema());
    const fromModel = await failure(() => new ChatOpenAI({ apiKey: "k" }).withStructuredOutput(schema));
    for (const error of [fromTool, fromModel]) {
      expect(UnsupportedSchemaError.isInstance(error)).toBe(true);
      expect(InvalidInputError.isInstance(error)).toBe(true);
      expect(String(error)).toMatch(/Cannot convert this zod [34] schema to JSON Schema: .*ISO/);
    }
  });
});

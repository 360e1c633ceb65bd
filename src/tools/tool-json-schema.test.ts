import { InvalidInputError } from "rivulet";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { convertToOpenAIFunction, convertToOpenAITool, toOpenAITool } from "./convert-to-openai-tool.js";
import { DynamicStructuredTool } from "./dynamic-structured-tool.js";
import { tool } from "./tool.js";
import { toolToJsonSchema } from "./tool-to-json-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";

const zodTool = tool(({ city }) => city, {
  name: "get_weather",
  description: "Current weather in a city",
  schema: z.object({
    city: z.string().describe("City name"),
    unit: z.enum(["C", "F"]).default("C"),
  }),
});

const jsonSchema: JsonSchema = {
  type: "object",
  properties: { query: { type: "string", description: "What to look for" } },
  required: ["query"],
};
const jsonTool = tool(({ query }: { query: string }) => query, {
  name: "search",
  description: "Searches",
  schema: jsonSchema,
});

describe("toolToJsonSchema", () => {
  it("converts a zod 4 schema synchronously, without $schema, from its input side", () => {
    expect(toolToJsonSchema(zodTool)).toEqual({
      type: "object",
      properties: {
        city: { type: "string", description: "City name" },
        unit: { type: "string", enum: ["C", "F"], default: "C" },
      },
      required: ["city"],
    });
    expect(zodTool.getJsonSchema()).toEqual(toolToJsonSchema(zodTool));
  });

  it("asks the library for another dialect when told", () => {
    const schema = toolToJsonSchema(zodTool, { target: "draft-07" });
    expect(schema.properties?.city).toEqual({ type: "string", description: "City name" });
  });

  it("returns a copy of a JSON Schema", () => {
    const out = toolToJsonSchema(jsonTool);
    expect(out).toEqual(jsonSchema);
    expect(out).not.toBe(jsonSchema);
  });

  it("a tool without a schema takes { input: string }", () => {
    const t = tool((s) => s, { name: "echo", description: "echoes" });
    expect(toolToJsonSchema(t)).toEqual({
      type: "object",
      properties: { input: { type: "string" } },
      required: ["input"],
    });
  });

  it("a Standard Schema with no JSON Schema converter is an InvalidInputError", () => {
    const opaque = {
      "~standard": { version: 1 as const, vendor: "opaque", validate: (v: unknown) => ({ value: v }) },
    };
    const t = new DynamicStructuredTool({ name: "o", description: "", schema: opaque, func: () => 1 });
    expect(() => t.getJsonSchema()).toThrow(InvalidInputError);
    expect(() => t.getJsonSchema()).toThrow(/"opaque" schema/);
  });

  it("the description defaults to the schema's description", () => {
    const t = tool(() => 1, { name: "d", schema: z.object({}).describe("From the schema") });
    expect(t.description).toBe("From the schema");
  });
});

describe("convertToOpenAITool", () => {
  it("wraps name, description and parameters in the OpenAI tool shape", () => {
    expect(convertToOpenAITool(jsonTool)).toEqual({
      type: "function",
      function: { name: "search", description: "Searches", parameters: jsonSchema },
    });
    expect(convertToOpenAITool(zodTool).function.parameters).toEqual(toolToJsonSchema(zodTool));
  });

  it("sets strict only when asked, and passes an existing definition through", () => {
    const def = convertToOpenAITool(jsonTool, { strict: true });
    expect(def.function.strict).toBe(true);
    expect(Object.hasOwn(convertToOpenAITool(jsonTool).function, "strict")).toBe(false);
    expect(convertToOpenAITool(def)).toBe(def);
    expect(convertToOpenAIFunction(jsonTool)).toEqual(convertToOpenAITool(jsonTool).function);
  });
});

describe("toOpenAITool", () => {
  it("wraps a function definition, keeping only the fields OpenAI takes", () => {
    const definition = { name: "search", description: "Searches", parameters: jsonSchema, extra: 1 };
    const wrapped = toOpenAITool(definition);
    expect(wrapped).toEqual({
      type: "function",
      function: { name: "search", description: "Searches", parameters: jsonSchema },
    });
    expect(Object.hasOwn(wrapped.function, "strict")).toBe(false);
    expect(toOpenAITool({ ...definition, strict: false }).function.strict).toBe(false);
  });
});

import { ToolInputError, ToolMessage } from "rivulet";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { convertToOpenAITool } from "./convert-to-openai-tool.js";
import type { DynamicStructuredTool } from "./dynamic-structured-tool.js";
import { schemaToJsonSchema } from "./schema-to-json-schema.js";
import { tool } from "./tool.js";
import { toolToJsonSchema } from "./tool-to-json-schema.js";

const STRING_TOOL_SCHEMA = {
  type: "object",
  properties: { input: { type: "string" } },
  required: ["input"],
};

const echoZod = tool(async (s: string) => `got ${s}`, {
  name: "echo",
  description: "Echoes",
  schema: z.string(),
});

const echoJson = tool((s) => `got ${s}`, {
  name: "echo",
  description: "Echoes",
  schema: { type: "string" },
});

const atLeast3 = tool((s: string) => s.toUpperCase(), {
  name: "shout",
  description: "Upper-cases",
  schema: z.string().min(3),
});

async function inputError(p: Promise<unknown>): Promise<ToolInputError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!ToolInputError.isInstance(error)) throw new Error(`expected a ToolInputError, got ${String(error)}`);
  return error;
}

describe("tool() with a string schema: JSON Schema", () => {
  it("advertises { input: string } for z.string()", () => {
    expect(toolToJsonSchema(echoZod)).toEqual(STRING_TOOL_SCHEMA);
    expect(echoZod.getJsonSchema({ target: "openapi-3.0" })).toEqual(STRING_TOOL_SCHEMA);
    expect(convertToOpenAITool(echoZod).function.parameters).toEqual(STRING_TOOL_SCHEMA);
  });

  it('advertises { input: string } for the JSON Schema { type: "string" }', () => {
    expect(toolToJsonSchema(echoJson)).toEqual(STRING_TOOL_SCHEMA);
    expect(schemaToJsonSchema({ type: "string", description: "text" })).toEqual(STRING_TOOL_SCHEMA);
  });

  it("returns a fresh object each time", () => {
    const a = toolToJsonSchema(echoZod);
    (a.required as string[]).push("x");
    expect(toolToJsonSchema(echoZod)).toEqual(STRING_TOOL_SCHEMA);
  });

  it("leaves object schemas alone", () => {
    expect(schemaToJsonSchema(z.object({ s: z.string() }))).toEqual({
      type: "object",
      properties: { s: { type: "string" } },
      required: ["s"],
    });
  });
});

describe("tool() with a string schema: calls", () => {
  it("answers a model's tool call { input } with a ToolMessage", async () => {
    for (const echo of [echoZod, echoJson]) {
      const reply = await echo.invoke({ name: "echo", args: { input: "y" }, id: "c1", type: "tool_call" });
      expect(reply).toBeInstanceOf(ToolMessage);
      expect(reply.content).toBe("got y");
      expect(reply.tool_call_id).toBe("c1");
    }
  });

  it("takes a plain string, or { input } directly", async () => {
    await expect(echoZod.invoke("y")).resolves.toBe("got y");
    await expect(echoJson.invoke("y")).resolves.toBe("got y");
    await expect(echoZod.invoke({ input: "z" } as unknown as string)).resolves.toBe("got z");
  });

  it("unwraps { input } only from a plain object, not from a class instance", async () => {
    class Wrapper {
      input = "z";
    }
    await inputError(echoZod.invoke(new Wrapper() as unknown as string));
  });

  it("validates the unwrapped string against the schema", async () => {
    await expect(atLeast3.invoke("abc")).resolves.toBe("ABC");
    const call = { name: "shout", args: { input: "abcd" }, id: "c2", type: "tool_call" } as const;
    expect((await atLeast3.invoke(call)).content).toBe("ABCD");
    const error = await inputError(atLeast3.invoke("ab"));
    expect(error.issues).toHaveLength(1);
    await inputError(atLeast3.invoke({ name: "shout", args: { input: "ab" }, id: "c3", type: "tool_call" }));
  });

  it("rejects input that is neither a string nor { input: string }", async () => {
    const error = await inputError(
      echoZod.invoke({ name: "echo", args: { text: "y" }, id: "c4", type: "tool_call" }),
    );
    expect(error.issues[0]?.message).toBe("expected a string or { input: string }, received object");
    await inputError(echoJson.invoke(42 as unknown as string));
  });

  it("applies the schema's transforms to the string", async () => {
    const trimmed = tool((s: string) => `[${s}]`, {
      name: "trim",
      description: "Trims",
      schema: z.string().trim(),
    });
    await expect(
      trimmed.invoke({ name: "trim", args: { input: "  a " }, type: "tool_call" }),
    ).resolves.toMatchObject({
      content: "[a]",
    });
  });

  it("types the function's argument and the input as a string", () => {
    expectTypeOf(echoZod).toEqualTypeOf<DynamicStructuredTool<string, string, string>>();
    expectTypeOf(echoJson).toEqualTypeOf<DynamicStructuredTool<string, string, string>>();
    expectTypeOf(echoZod.invoke("y")).resolves.toEqualTypeOf<string>();
    // @ts-expect-error the function takes a string, not an object
    tool(({ a }: { a: string }) => a, { name: "bad", schema: z.string() });
  });
});

import { type RunnableConfig, ToolInputError, ToolMessage } from "rivulet";
import { describe, expect, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { DynamicStructuredTool, DynamicTool } from "./dynamic-structured-tool.js";
import { StructuredTool } from "./structured-tool.js";
import { tool } from "./tool.js";

const weatherZod = tool(({ city, unit }) => `18 ${unit} in ${city}`, {
  name: "get_weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string(), unit: z.enum(["C", "F"]).default("C") }),
});

const weatherJson = tool(
  ({ city, unit }: { city: string; unit?: string }) => `18 ${unit ?? "C"} in ${city}`,
  {
    name: "get_weather",
    description: "Current weather in a city",
    schema: {
      type: "object",
      properties: { city: { type: "string" }, unit: { type: "string", enum: ["C", "F"] } },
      required: ["city"],
      additionalProperties: false,
    },
  },
);

async function inputError(p: Promise<unknown>): Promise<ToolInputError> {
  const error = await p.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!ToolInputError.isInstance(error)) throw new Error(`expected a ToolInputError, got ${String(error)}`);
  return error;
}

describe("tool(): a zod schema", () => {
  it("validates, applies defaults and runs the function", async () => {
    await expect(weatherZod.invoke({ city: "Paris" })).resolves.toBe("18 C in Paris");
    expect(weatherZod.name).toBe("get_weather");
    expect(weatherZod.runType).toBe("tool");
  });

  it("missing field: a ToolInputError naming the tool, the path and what was received", async () => {
    const error = await inputError(weatherZod.invoke({} as never));
    expect(error.code).toBe("tool_input");
    expect(error.toolName).toBe("get_weather");
    expect(error.input).toEqual({});
    expect(error.issues).toHaveLength(1);
    expect(error.issues[0]?.path).toBe("city");
    expect(error.message).toMatch(/^Invalid input for tool "get_weather":\n- city: .+\nReceived: \{\}$/);
  });

  it("wrong type and bad enum value: every issue, each with its path", async () => {
    const error = await inputError(weatherZod.invoke({ city: 42, unit: "K" } as never));
    expect(error.issues.map((i) => i.path)).toEqual(["city", "unit"]);
    expect(error.message).toContain("- city: Invalid input: expected string, received number");
    expect(error.message).toContain("- unit: ");
    expect(error.message).toContain('Received: {"city":42,"unit":"K"}');
  });

  it("nested paths are written as a.b[0].c", async () => {
    const t = tool(({ items }) => items.length, {
      name: "count",
      description: "counts",
      schema: z.object({ items: z.array(z.object({ id: z.number() })) }),
    });
    const error = await inputError(t.invoke({ items: [{ id: 1 }, { id: "2" }] } as never));
    expect(error.issues[0]?.path).toBe("items[1].id");
  });
});

describe("tool(): a JSON Schema", () => {
  it("valid input runs the function", async () => {
    await expect(weatherJson.invoke({ city: "Oslo", unit: "F" })).resolves.toBe("18 F in Oslo");
  });

  it("missing field, wrong type, enum and extra property are all reported", async () => {
    const missing = await inputError(weatherJson.invoke({} as never));
    expect(missing.issues).toEqual([{ path: "city", message: "required, but missing" }]);
    const wrong = await inputError(weatherJson.invoke({ city: 1, unit: "K", extra: true } as never));
    expect(wrong.issues).toEqual([
      { path: "city", message: "expected string, received number" },
      { path: "unit", message: 'expected one of "C", "F", received "K"' },
      { path: "extra", message: "unexpected property (additionalProperties is false)" },
    ]);
    expect(wrong.message).toBe(
      'Invalid input for tool "get_weather":\n' +
        "- city: expected string, received number\n" +
        '- unit: expected one of "C", "F", received "K"\n' +
        "- extra: unexpected property (additionalProperties is false)\n" +
        'Received: {"city":1,"unit":"K","extra":true}',
    );
  });

  it("checks integers, arrays and their items", async () => {
    const t = tool(({ ids }: { ids: number[] }) => ids.length, {
      name: "ids",
      description: "ids",
      schema: { type: "object", properties: { ids: { type: "array", items: { type: "integer" } } } },
    });
    await expect(t.invoke({ ids: [1, 2] })).resolves.toBe(2);
    const error = await inputError(t.invoke({ ids: [1, 2.5] }));
    expect(error.issues).toEqual([{ path: "ids[1]", message: "expected integer, received number" }]);
    const root = await inputError(t.invoke([] as never));
    expect(root.issues).toEqual([{ path: "(root)", message: "expected object, received array" }]);
  });
});

describe("string input", () => {
  it("fills the only string property (LangChain's bad_tool.invoke('hello'))", async () => {
    await expect(weatherZod.invoke("Rome")).resolves.toBe("18 C in Rome");
    await expect(weatherJson.invoke("Rome")).resolves.toBe("18 C in Rome");
  });

  it("is rejected when the schema has no single string property", async () => {
    const t = tool(({ a, b }) => a + b, {
      name: "add",
      description: "adds",
      schema: z.object({ a: z.number(), b: z.number() }),
    });
    const error = await inputError(t.invoke("1 2"));
    expect(error.issues[0]?.path).toBe("(root)");
    expect(error.message).toContain('Received: "1 2"');
  });

  it("a tool without a schema takes a string, or { input } from a model", async () => {
    const shout = tool((s) => s.toUpperCase(), { name: "shout", description: "shouts" });
    expect(shout).toBeInstanceOf(DynamicTool);
    await expect(shout.invoke("hi")).resolves.toBe("HI");
    await expect(shout.invoke({ input: "hey" } as never)).resolves.toBe("HEY");
    const error = await inputError(shout.invoke({ text: "x" } as never));
    expect(error.issues).toEqual([
      { path: "(root)", message: "expected a string or { input: string }, received object" },
    ]);
  });
});

describe("a ToolCall input", () => {
  const call = { name: "get_weather", args: { city: "Lima" }, id: "call_7", type: "tool_call" as const };

  it("resolves to a ToolMessage answering the call", async () => {
    const message = await weatherZod.invoke(call);
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.content).toBe("18 C in Lima");
    expect(message.tool_call_id).toBe("call_7");
    expect(message.name).toBe("get_weather");
    expect(message.artifact).toBeUndefined();
    expectTypeOf(message).toEqualTypeOf<ToolMessage>();
  });

  it("objects become JSON content; the same happens through batch and _invoke paths", async () => {
    const t = tool(({ n }) => ({ doubled: n * 2 }), {
      name: "double",
      description: "doubles",
      schema: z.object({ n: z.number() }),
    });
    const [a, b] = await t.batch([
      { name: "double", args: { n: 2 }, id: "1", type: "tool_call" },
      { name: "double", args: { n: 3 }, id: "2", type: "tool_call" },
    ]);
    expect((a as ToolMessage).content).toBe('{"doubled":4}');
    expect((b as ToolMessage).tool_call_id).toBe("2");
    const bound = await t
      .withConfig({ tags: ["x"] })
      .invoke({ name: "double", args: { n: 5 }, id: "3", type: "tool_call" });
    expect((bound as ToolMessage).content).toBe('{"doubled":10}');
  });

  it("content_and_artifact: content for the model, artifact kept aside", async () => {
    const search = tool(
      ({ q }): [string, { hits: number[] }] => [`3 results for ${q}`, { hits: [1, 2, 3] }],
      {
        name: "search",
        description: "searches",
        schema: z.object({ q: z.string() }),
        responseFormat: "content_and_artifact",
      },
    );
    const message = await search.invoke({ name: "search", args: { q: "cats" }, id: "c1", type: "tool_call" });
    expect(message.content).toBe("3 results for cats");
    expect(message.artifact).toEqual({ hits: [1, 2, 3] });
    // Called with plain args, the tool returns the content only.
    const content = await search.invoke({ q: "dogs" });
    expect(content).toBe("3 results for dogs");
    expectTypeOf(content).toEqualTypeOf<string>();
  });

  it("content_and_artifact with a function that does not return a pair is reported as a tool bug", async () => {
    const broken = tool(() => "oops", {
      name: "broken",
      description: "broken",
      responseFormat: "content_and_artifact",
    });
    await expect(broken.invoke("x")).rejects.toThrow(/must return \[content, artifact\]; it returned string/);
  });

  it("validation failure still throws by default (agents turn it into an error ToolMessage)", async () => {
    const error = await inputError(weatherZod.invoke({ ...call, args: { town: "Lima" } }));
    expect(error.input).toEqual({ town: "Lima" });
  });

  it("handleValidationError answers with an error ToolMessage instead", async () => {
    const bad = { ...call, args: { city: 3 } };
    const withTrue = new DynamicStructuredTool({
      name: "w",
      description: "",
      schema: z.object({ city: z.string() }),
      func: () => "unused",
      handleValidationError: true,
    });
    const m1 = await withTrue.invoke(bad);
    expect(m1.status).toBe("error");
    expect(m1.tool_call_id).toBe("call_7");
    expect(m1.content).toContain('Invalid input for tool "w"');
    withTrue.handleValidationError = "Bad arguments, try again";
    expect((await withTrue.invoke(bad)).content).toBe("Bad arguments, try again");
    withTrue.handleValidationError = (e) => `fix: ${e.issues.map((i) => i.path).join(",")}`;
    expect((await withTrue.invoke(bad)).content).toBe("fix: city");
    // Plain-args calls still throw: there is no call to answer.
    await expect(withTrue.invoke({ city: 3 } as never)).rejects.toThrow(ToolInputError);
  });
});

describe("StructuredTool subclasses", () => {
  class Multiply extends StructuredTool<{ a: number; b: number }, number> {
    name = "multiply";
    description = "Multiplies two numbers";
    override schema = z.object({ a: z.number(), b: z.number() });
    override returnDirect = true;
    _call({ a, b }: { a: number; b: number }, _config: RunnableConfig): number {
      return a * b;
    }
  }

  it("runs _call on validated args, with the class fields as its description", async () => {
    const t = new Multiply();
    await expect(t.invoke({ a: 3, b: 4 })).resolves.toBe(12);
    expect(t.getName()).toBe("multiply");
    expect(t.returnDirect).toBe(true);
    await expect(t.invoke({ a: 3 } as never)).rejects.toThrow(/- b: /);
    expectTypeOf(t.invoke({ a: 1, b: 2 })).resolves.toEqualTypeOf<number>();
  });
});

describe("inferred types", () => {
  it("zod: args and output are typed", () => {
    // @ts-expect-error city must be a string
    void weatherZod.invoke({ city: 1 }).catch(() => {});
    expectTypeOf(weatherZod.invoke({ city: "x" })).resolves.toEqualTypeOf<string>();
  });

  it("generator tools are typed by their return value", () => {
    const t = tool(
      async function* (s: string) {
        yield 1;
        return s.length;
      },
      { name: "len", description: "" },
    );
    expectTypeOf(t.invoke("abc")).resolves.toEqualTypeOf<number>();
  });
});

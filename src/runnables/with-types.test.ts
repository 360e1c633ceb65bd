import { RunnableLambda, RunnablePassthrough } from "rivulet";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const echo = RunnableLambda.from((input: unknown) => input, { name: "echo" });

describe("withTypes", () => {
  it("gives a runnable without schemas the JSON Schema of a zod schema", () => {
    expect(echo.getInputSchema()).toBeUndefined();
    const typed = echo.withTypes({ input: z.object({ question: z.string() }), output: z.string() });
    expect(typed.inputSchema).toMatchObject({
      type: "object",
      properties: { question: { type: "string" } },
      required: ["question"],
    });
    expect(typed.inputSchema).not.toHaveProperty("$schema");
    expect(typed.outputSchema).toMatchObject({ type: "string" });
    expect(typed.getInputSchema()?.standard).toBeDefined();
  });

  it("takes a JSON Schema object as it is (without $schema), and no validator", () => {
    const typed = new RunnablePassthrough().withTypes({
      input: { $schema: "https://json-schema.org/draft/2020-12/schema", type: "integer" },
    });
    expect(typed.inputSchema).toEqual({ type: "integer" });
    expect(typed.getInputSchema()?.standard).toBeUndefined();
    expect(typed.outputSchema).toBeUndefined();
  });

  it("keeps the runnable's behaviour and name, and its schemas through withConfig", async () => {
    const typed = echo.withTypes({ input: { type: "string" } });
    expect(await typed.invoke("hi")).toBe("hi");
    expect(typed.getName()).toBe("echo");
    expect(typed.withConfig({ tags: ["x"] }).inputSchema).toEqual({ type: "string" });
  });

  it("leaves a side it is not given to the runnable it wraps", () => {
    const inner = echo.withTypes({ input: { type: "string" } });
    const outer = inner.withTypes({ output: { type: "number" } });
    expect(outer.inputSchema).toEqual({ type: "string" });
    expect(outer.outputSchema).toEqual({ type: "number" });
  });

  it("does not validate local calls (serve validates its inputs)", async () => {
    // A JSON Schema keeps the input type `unknown`, so the wrong value can be passed.
    const typed = echo.withTypes({ input: { type: "string" } });
    expect(await typed.invoke(42)).toBe(42);
  });
});

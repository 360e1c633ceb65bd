import { ToolInputError, ToolMessage } from "rivulet";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { DynamicTool } from "./dynamic-structured-tool.js";
import { tool } from "./tool.js";

const echo = new DynamicTool({
  name: "echo",
  description: "Echoes its input",
  func: (input) => `got ${JSON.stringify(input)} ${typeof input}`,
});

describe("DynamicTool with no input", () => {
  it("calls its function with undefined for {}, no input and { input: undefined }, as @langchain/core does", async () => {
    // @langchain/core 1.4's DynamicTool answers exactly these.
    await expect(echo.invoke({} as never)).resolves.toBe("got undefined undefined");
    await expect(echo.invoke(undefined as never)).resolves.toBe("got undefined undefined");
    await expect(echo.invoke({ input: undefined } as never)).resolves.toBe("got undefined undefined");
    const message = await echo.invoke({ name: "echo", args: {}, id: "c1", type: "tool_call" });
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.content).toBe("got undefined undefined");
    expect(message.tool_call_id).toBe("c1");
    // tool() without a schema makes the same tool.
    const noArgs = tool((input) => `now (${String(input)})`, { name: "now", description: "The time" });
    await expect(noArgs.invoke({} as never)).resolves.toBe("now (undefined)");
  });

  it("still takes a string or { input: string }, and refuses anything else", async () => {
    await expect(echo.invoke("x")).resolves.toBe('got "x" string');
    await expect(echo.invoke({ input: "x" } as never)).resolves.toBe('got "x" string');
    for (const input of [null, { input: 3 }, { text: "x" }, [], 5]) {
      await expect(echo.invoke(input as never)).rejects.toBeInstanceOf(ToolInputError);
    }
    // A string schema still validates: `{}` is no string.
    const shout = tool((s: string) => s.toUpperCase(), {
      name: "shout",
      description: "x",
      schema: z.string(),
    });
    await expect(shout.invoke({} as never)).rejects.toBeInstanceOf(ToolInputError);
  });
});

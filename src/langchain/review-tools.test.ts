// Review: tools crossing @langchain/core 1.4 keep the arguments the model sent (LangChain parses
// them itself, so a transform must not run twice) and their artifacts.
import { ToolMessage as LangChainToolMessage } from "@langchain/core/messages";
import { tool as langChainTool } from "@langchain/core/tools";
import { ToolInputError, ToolMessage, tool } from "rivulet";
import { fromLangChainTool, toLangChainTool } from "rivulet/langchain";
import { describe, expect, it } from "vitest";
import { z } from "zod";

describe("fromLangChainTool", () => {
  it("hands the LangChain tool the model's arguments, so its schema's transforms run once", async () => {
    const doubler = langChainTool(async ({ n }: { n: number }) => `got ${n}`, {
      name: "double",
      description: "Doubles n before use",
      schema: z.object({ n: z.number().transform((n) => n * 2) }),
    });
    const year = langChainTool(async ({ when }: { when: Date }) => `year ${when.getUTCFullYear()}`, {
      name: "year",
      description: "The year of a date",
      schema: z.object({ when: z.string().transform((text) => new Date(text)) }),
    });
    expect(await doubler.invoke({ n: 3 })).toBe("got 6");
    expect(await fromLangChainTool(doubler).invoke({ n: 3 })).toBe("got 6");
    expect(await fromLangChainTool(year).invoke({ when: "2020-01-02" })).toBe("year 2020");
    // Still validated on Rivulet's side, and still described by the same schema.
    await expect(fromLangChainTool(year).invoke({ when: 3 })).rejects.toThrow(ToolInputError);
    expect(fromLangChainTool(doubler).getJsonSchema()).toMatchObject({
      type: "object",
      properties: { n: { type: "number" } },
      required: ["n"],
    });
  });

  it("keeps a content_and_artifact tool's artifact on the ToolMessage", async () => {
    const search = langChainTool(async () => ["2 hits", { hits: ["a", "b"] }], {
      name: "search",
      description: "Search",
      schema: z.object({ q: z.string() }),
      responseFormat: "content_and_artifact",
    });
    const answer = await fromLangChainTool(search).invoke({
      type: "tool_call",
      id: "call_1",
      name: "search",
      args: { q: "x" },
    });
    expect(answer).toBeInstanceOf(ToolMessage);
    expect(answer).toMatchObject({
      content: "2 hits",
      tool_call_id: "call_1",
      artifact: { hits: ["a", "b"] },
    });
  });
});

describe("a tool answering with its own ToolMessage", () => {
  it("keeps a LangChain tool's ToolMessage: status, artifact, and the call's id in its config", async () => {
    const lookup = langChainTool(
      async (_args, config) =>
        new LangChainToolMessage({
          content: "failed: no such city",
          tool_call_id: config.toolCall?.id ?? "missing",
          status: "error",
          artifact: { code: 7 },
        }),
      { name: "lookup", description: "Look up", schema: z.object({ city: z.string() }) },
    );
    const answer = await fromLangChainTool(lookup).invoke({
      type: "tool_call",
      id: "call_9",
      name: "lookup",
      args: { city: "Atlantis" },
    });
    expect(answer).toBeInstanceOf(ToolMessage);
    expect(answer).toMatchObject({
      content: "failed: no such city",
      tool_call_id: "call_9",
      status: "error",
      artifact: { code: 7 },
    });
  });

  it("keeps a Rivulet tool's own ToolMessage instead of writing it as JSON text", async () => {
    const lookup = tool(
      async (_args, config) =>
        new ToolMessage({
          content: "no such city",
          tool_call_id: config.toolCall?.id ?? "",
          status: "error",
        }),
      { name: "lookup", description: "Look up", schema: z.object({ city: z.string() }) },
    );
    const answer = await lookup.invoke({
      type: "tool_call",
      id: "call_3",
      name: "lookup",
      args: { city: "x" },
    });
    expect(answer).toMatchObject({ content: "no such city", tool_call_id: "call_3", status: "error" });
  });
});

describe("toLangChainTool", () => {
  it("keeps a content_and_artifact tool's artifact on LangChain's ToolMessage", async () => {
    const search = tool(async ({ q }: { q: string }) => [`hits for ${q}`, { hits: [1, 2] }], {
      name: "search",
      description: "Search",
      schema: z.object({ q: z.string() }),
      responseFormat: "content_and_artifact",
    });
    const answer: unknown = await toLangChainTool(search).invoke({
      type: "tool_call",
      id: "call_2",
      name: "search",
      args: { q: "x" },
    });
    expect(answer).toMatchObject({
      content: "hits for x",
      tool_call_id: "call_2",
      artifact: { hits: [1, 2] },
    });
  });
});

// config.toolCall inside tool functions, a tool's metadata and extras (issue 13 item 5).
import { DynamicStructuredTool, RunnableLambda, ToolMessage, type ToolRunnableConfig, tool } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const call = { name: "lookup", args: { id: "7" }, id: "call_7", type: "tool_call" as const };

describe("config.toolCall", () => {
  it("is the model's call when the tool is invoked with one", async () => {
    const seen: ToolRunnableConfig[] = [];
    const lookup = tool(
      ({ id }, config) => {
        seen.push(config);
        return `item ${id}`;
      },
      { name: "lookup", schema: z.object({ id: z.string() }) },
    );
    await lookup.invoke(call);
    expect(seen[0]?.toolCall).toEqual(call);
  });

  it("is absent when the tool is invoked with its arguments", async () => {
    const seen: ToolRunnableConfig[] = [];
    const lookup = tool(
      ({ id }, config) => {
        seen.push(config);
        return id;
      },
      { name: "lookup", schema: z.object({ id: z.string() }) },
    );
    await lookup.invoke({ id: "1" });
    expect(seen[0]).toBeDefined();
    expect(seen[0]?.toolCall).toBeUndefined();
  });

  it("reaches a generator tool, and the config still nests runnables under the tool's run", async () => {
    const rec = new RunRecorder();
    const ids: Array<string | undefined> = [];
    const inner = RunnableLambda.from((x: string) => x, { name: "inner" });
    const lookup = tool(
      async function* ({ id }, config) {
        ids.push(config.toolCall?.id);
        yield "working";
        return inner.invoke(id, config);
      },
      { name: "lookup", schema: z.object({ id: z.string() }) },
    );
    const message = await lookup.invoke(call, { callbacks: [rec] });
    expect(message.content).toBe("7");
    expect(ids).toEqual(["call_7"]);
    const toolRun = rec.entries.find((e) => e.name === "lookup" && e.kind === "start");
    const innerRun = rec.entries.find((e) => e.name === "inner" && e.kind === "start");
    expect(innerRun?.parentIds.at(-1)).toBe(toolRun?.runId);
  });

  it("is set under streamEvents of a tool call as well", async () => {
    const ids: Array<string | undefined> = [];
    const lookup = tool(
      (_args: { id: string }, config) => {
        ids.push(config.toolCall?.id);
        return "ok";
      },
      { name: "lookup", schema: z.object({ id: z.string() }) },
    );
    await toArray(lookup.streamEvents(call, { version: "v2" }));
    expect(ids).toEqual(["call_7"]);
  });
});

describe("a tool's metadata", () => {
  const lookup = tool(({ id }) => `item ${id}`, {
    name: "lookup",
    schema: z.object({ id: z.string() }),
    metadata: { source: "catalog" },
  });

  it("is copied onto the ToolMessage answering a call", async () => {
    const message = await lookup.invoke(call);
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message.metadata).toEqual({ source: "catalog" });
  });

  it("is copied onto the error ToolMessage of a rejected call too", async () => {
    const strict = tool(({ id }) => id, {
      name: "lookup",
      schema: z.object({ id: z.string() }),
      metadata: { source: "catalog" },
      handleValidationError: true,
    });
    const message = await strict.invoke({ ...call, args: { id: 7 } });
    expect(message.status).toBe("error");
    expect(message.metadata).toEqual({ source: "catalog" });
  });

  it("comes with status 'success' on the answer to a call, as @langchain/core marks it", async () => {
    const message = await lookup.invoke(call);
    expect(message.status).toBe("success");
    expect(message.content).toBe("item 7");
  });

  it("is absent from the message of a tool without metadata", async () => {
    const plain = tool(({ id }) => id, { name: "lookup", schema: z.object({ id: z.string() }) });
    const message = await plain.invoke(call);
    expect(message.metadata).toBeUndefined();
  });

  it("joins the tool's runs' metadata, under the call's", async () => {
    const events = await toArray(
      lookup.streamEvents({ id: "1" }, { version: "v2", metadata: { user: "u" } }),
    );
    expect(events.map((e) => e.metadata)).toEqual([
      { source: "catalog", user: "u" },
      { source: "catalog", user: "u" },
    ]);
    const rec = new RunRecorder();
    await lookup.invoke(call, { callbacks: [rec], metadata: { source: "override" } });
    expect(rec.entries[0]?.metadata).toEqual({ source: "override" });
  });
});

describe("a tool's extras", () => {
  it("are kept on the tool for providers, from tool() and from the class", () => {
    const extras = { cache_control: { type: "ephemeral" } };
    const viaTool = tool(() => "ok", { name: "t", schema: z.object({}), extras });
    expect(viaTool.extras).toEqual(extras);
    const viaClass = new DynamicStructuredTool({ name: "t", func: () => "ok", extras });
    expect(viaClass.extras).toEqual(extras);
    expect(tool(() => "ok", { name: "t" }).extras).toBeUndefined();
  });
});

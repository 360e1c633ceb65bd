// runnable.asTool(...) (issue 13 item 5): a tool whose function invokes the runnable.
import {
  isRunnableToolLike,
  RunnableLambda,
  RunnableToolLike,
  StructuredTool,
  ToolInputError,
  ToolMessage,
} from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { ev, R, S1 } from "../events/test-support/expected-event.js";
import { toolToJsonSchema } from "./tool-to-json-schema.js";

const greet = RunnableLambda.from((args: { name: string }) => `hi ${args.name}`, { name: "greet" });
const greeter = greet.asTool({
  name: "greeter",
  description: "Greets someone by name",
  schema: z.object({ name: z.string() }),
});

describe("Runnable.asTool", () => {
  it("builds a tool with the name, description and schema given", () => {
    expect(greeter).toBeInstanceOf(RunnableToolLike);
    expect(greeter).toBeInstanceOf(StructuredTool);
    expect(isRunnableToolLike(greeter)).toBe(true);
    expect(isRunnableToolLike(greet)).toBe(false);
    expect(greeter.bound).toBe(greet);
    expect(greeter.name).toBe("greeter");
    expect(greeter.description).toBe("Greets someone by name");
    expect(toolToJsonSchema(greeter)).toMatchObject({
      type: "object",
      properties: { name: { type: "string" } },
      required: ["name"],
    });
  });

  it("defaults the name to the runnable's and the description to the schema's", () => {
    const tool = greet.asTool({ schema: z.object({ name: z.string() }).describe("Say hello") });
    expect(tool.name).toBe("greet");
    expect(tool.description).toBe("Say hello");
  });

  it("invokes the runnable with the validated arguments", async () => {
    expect(await greeter.invoke({ name: "Ann" })).toBe("hi Ann");
    await expect(greeter.invoke({ name: 3 } as unknown as { name: string })).rejects.toBeInstanceOf(
      ToolInputError,
    );
  });

  it("answers a model's tool call with a ToolMessage", async () => {
    const message = await greeter.invoke({
      name: "greeter",
      args: { name: "Bo" },
      id: "call_1",
      type: "tool_call",
    });
    expect(message).toBeInstanceOf(ToolMessage);
    expect(message).toMatchObject({ content: "hi Bo", tool_call_id: "call_1", name: "greeter" });
  });

  it("takes a string with a string schema", async () => {
    const upper = RunnableLambda.from((text: string) => text.toUpperCase()).asTool({
      name: "upper",
      schema: z.string(),
    });
    expect(await upper.invoke("abc")).toBe("ABC");
    const message = await upper.invoke({ name: "upper", args: { input: "q" }, id: "c2", type: "tool_call" });
    expect(message.content).toBe("Q");
  });

  it("takes a JSON Schema", async () => {
    const tool = greet.asTool({
      name: "greeter",
      schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    });
    expect(await tool.invoke({ name: "Cy" })).toBe("hi Cy");
  });

  it("batches", async () => {
    expect(await greeter.batch([{ name: "a" }, { name: "b" }])).toEqual(["hi a", "hi b"]);
  });

  it("streams its output as one chunk, as a tool does", async () => {
    expect(await toArray(greeter.stream({ name: "Di" }))).toEqual(["hi Di"]);
  });

  it("streamEvents: a tool run with the runnable's run inside it", async () => {
    const events = await toArray(greeter.streamEvents({ name: "Ed" }, { version: "v2" }));
    expect(normalizeIds(events)).toStrictEqual([
      ev("on_tool_start", "greeter", R, [], [], { input: { name: "Ed" } }),
      ev("on_chain_start", "greet", S1, [R], [], { input: { name: "Ed" } }),
      ev("on_chain_end", "greet", S1, [R], [], { output: "hi Ed", input: { name: "Ed" } }),
      ev("on_tool_end", "greeter", R, [], [], { output: "hi Ed" }),
    ]);
  });

  it("streamEvents for a tool call: the call as the root's input (as in @langchain/core), a ToolMessage out", async () => {
    const call = { name: "greeter", args: { name: "Fa" }, id: "call_9", type: "tool_call" as const };
    const events = await toArray(greeter.streamEvents(call, { version: "v2" }));
    expect(events.map((e) => [e.event, e.name])).toEqual([
      ["on_tool_start", "greeter"],
      ["on_chain_start", "greet"],
      ["on_chain_end", "greet"],
      ["on_tool_end", "greeter"],
    ]);
    expect(events[0]?.data).toEqual({ input: call });
    expect(events[1]?.data).toEqual({ input: { name: "Fa" } });
    const end = events[3]?.data as { output: unknown };
    expect(end.output).toBeInstanceOf(ToolMessage);
    expect(end.output).toMatchObject({ content: "hi Fa", tool_call_id: "call_9" });
  });

  it("carries metadata and extras to the tool", async () => {
    const tool = greet.asTool({
      name: "greeter",
      schema: z.object({ name: z.string() }),
      metadata: { owner: "team-a" },
      extras: { cache_control: { type: "ephemeral" } },
    });
    expect(tool.extras).toEqual({ cache_control: { type: "ephemeral" } });
    const message = await tool.invoke({ name: "greeter", args: { name: "G" }, id: "c", type: "tool_call" });
    expect(message.metadata).toEqual({ owner: "team-a" });
  });
});

// Review: a model reply whose tool calls carry empty ids ("", as some OpenAI-compatible servers
// send) must still give a history a provider accepts: every call a distinct, non-empty id, each
// answered by a ToolMessage with that id, in call order.
import { AIMessage, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

/** Runs an agent whose model calls `echo` twice with `callId` on both calls; answers the reply's ids and the answers'. */
async function idsAfterTwoCalls(callId: string): Promise<{ ids: unknown[]; answers: string[] }> {
  const echo = tool(({ text }) => `echo ${text}`, {
    name: "echo",
    description: "Echoes",
    schema: z.object({ text: z.string() }),
  });
  const model = new FakeStreamingChatModel({
    responses: [
      new AIMessage({
        content: "",
        tool_calls: [
          { id: callId, name: "echo", args: { text: "a" }, type: "tool_call" },
          { id: callId, name: "echo", args: { text: "b" }, type: "tool_call" },
        ],
      }),
      new AIMessage("Done"),
    ],
  });
  const agent = createAgent({ model, tools: [echo] });
  const { messages } = await agent.invoke({ messages: [{ role: "user", content: "go" }] });
  const reply = messages.find((message) => AIMessage.isInstance(message) && message.tool_calls.length > 0);
  const ids = AIMessage.isInstance(reply) ? reply.tool_calls.map((call) => call.id) : [];
  const answers = messages.flatMap((message) =>
    "tool_call_id" in message && typeof message.tool_call_id === "string" ? [message.tool_call_id] : [],
  );
  return { ids, answers };
}

describe.each([
  { kind: "empty", callId: "" },
  { kind: "repeated", callId: "dup" },
])("createAgent with $kind tool-call ids", ({ callId }) => {
  it("gives every call a distinct non-empty id and answers each in order", async () => {
    const { ids, answers } = await idsAfterTwoCalls(callId);
    expect(ids).toHaveLength(2);
    expect(ids.every((value) => typeof value === "string" && value !== "")).toBe(true);
    expect(new Set(ids).size).toBe(2);
    expect(answers).toEqual(ids);
  });
});

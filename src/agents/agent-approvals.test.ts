// createAgent's approvals without a server-side store (docs/agents.md, "Approvals"): a call asked
// about ends the run interrupted after the step's other calls; invoking again with the history
// and decisions resumes (approve, edit, reject); with approvalSecret a forged or edited approval
// is an ApprovalError and nothing runs.
import { AIMessage, type BaseMessage, tool } from "rivulet";
import { type AgentOutput, ApprovalError, createAgent, type PendingApproval } from "rivulet/agents";
import { FakeStreamingChatModel, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { call } from "./test-support/agent-transcript.js";

const SECRET = "a-test-secret-of-enough-length";

function setup(options: { secret?: string } = {}) {
  const sent: string[] = [];
  const send = tool(
    ({ to, text }) => {
      sent.push(`${to}: ${text}`);
      return `sent to ${to}`;
    },
    {
      name: "send_email",
      description: "Sends an email",
      schema: z.object({ to: z.string(), text: z.string() }),
    },
  );
  const lookup = tool(({ name }) => `${name}@example.com`, {
    name: "lookup",
    description: "Finds an address",
    schema: z.object({ name: z.string() }),
  });
  const model = new FakeStreamingChatModel({
    responses: [
      new AIMessage({
        content: "",
        tool_calls: [
          call("lookup", { name: "ada" }, "call_lookup"),
          call("send_email", { to: "ada@example.com", text: "Hi" }, "call_send"),
        ],
      }),
      new AIMessage("Done."),
    ],
  });
  const agent = createAgent({
    model,
    tools: [lookup, send],
    approval: { send_email: "always" },
    ...(options.secret === undefined ? {} : { approvalSecret: options.secret }),
  });
  return { agent, sent };
}

const types = (messages: readonly BaseMessage[]) => messages.map((message) => message.getType());

async function interrupted(
  agent: ReturnType<typeof setup>["agent"],
): Promise<AgentOutput & { pending: PendingApproval }> {
  const output = await agent.invoke({ messages: ["Email Ada"] });
  const pending = output.interrupt?.pending[0];
  if (pending === undefined) throw new Error("expected a pending approval");
  return { ...output, pending };
}

describe("approvals", () => {
  it("asks: the step's other calls run, then the run ends interrupted with the pending call", async () => {
    const { agent, sent } = setup();
    const output = await interrupted(agent);
    expect(output.finishReason).toBe("interrupted");
    expect(output.interrupt).toEqual({
      pending: [
        {
          approvalId: "approval-call_send",
          toolCall: call("send_email", { to: "ada@example.com", text: "Hi" }, "call_send"),
        },
      ],
    });
    expect(types(output.messages)).toEqual(["human", "ai", "tool"]);
    expect(output.messages[2]).toMatchObject({ tool_call_id: "call_lookup" });
    expect(sent).toEqual([]);
  });

  it("approved: resuming runs the call (step 0) and the loop goes on to the answer", async () => {
    const { agent, sent } = setup();
    const first = await interrupted(agent);
    const recorder = new RunRecorder();
    const output = await agent.invoke(
      {
        messages: first.messages,
        approvals: [{ approvalId: first.pending.approvalId, decision: "approve" }],
      },
      { callbacks: [recorder] },
    );
    expect(sent).toEqual(["ada@example.com: Hi"]);
    expect(output.finishReason).toBe("stop");
    expect(types(output.messages)).toEqual(["human", "ai", "tool", "tool", "ai"]);
    const toolStart = recorder.entries.find((entry) => entry.kind === "start" && entry.runType === "tool");
    expect(toolStart?.metadata).toMatchObject({ agent_step: 0, agent_node: "tools" });
  });

  it("edited: the call runs with the new arguments, and the history's reply shows them", async () => {
    const { agent, sent } = setup();
    const first = await interrupted(agent);
    const output = await agent.invoke({
      messages: first.messages,
      approvals: [
        {
          approvalId: first.pending.approvalId,
          decision: "edit",
          args: { to: "ada@example.com", text: "Hello" },
        },
      ],
    });
    expect(sent).toEqual(["ada@example.com: Hello"]);
    const reply = output.messages[1];
    expect(AIMessage.isInstance(reply) && reply.tool_calls.map((toolCall) => toolCall.args)).toEqual([
      { name: "ada" },
      { to: "ada@example.com", text: "Hello" },
    ]);
  });

  it("rejected: the model gets the reason in an error ToolMessage; nothing is sent", async () => {
    const { agent, sent } = setup();
    const first = await interrupted(agent);
    const output = await agent.invoke({
      messages: first.messages,
      approvals: [{ approvalId: first.pending.approvalId, decision: "reject", reason: "not today" }],
    });
    expect(sent).toEqual([]);
    expect(output.messages[3]).toMatchObject({
      tool_call_id: "call_send",
      status: "error",
      content: "The user rejected this call: not today",
    });
    expect(output.finishReason).toBe("stop");
  });

  it("a pending call without a decision, or a decision for no pending call, is an ApprovalError", async () => {
    const { agent } = setup();
    const first = await interrupted(agent);
    await expect(agent.invoke({ messages: first.messages })).rejects.toSatisfy(
      (error) => ApprovalError.isInstance(error) && error.problem === "unmatched_decision",
    );
    await expect(
      agent.invoke({ messages: ["hi"], approvals: [{ approvalId: "approval-x", decision: "approve" }] }),
    ).rejects.toThrow(/no pending call has the approval id "approval-x"/);
  });
});

describe("signed approvals (approvalSecret)", () => {
  it("signs the pending call; its signature resumes it", async () => {
    const { agent, sent } = setup({ secret: SECRET });
    const first = await interrupted(agent);
    expect(first.pending.signature).toMatch(/^[A-Za-z0-9_-]{43}$/);
    const { approvalId, signature } = first.pending;
    await agent.invoke({
      messages: first.messages,
      approvals: [{ approvalId, signature, decision: "approve" }],
    });
    expect(sent).toEqual(["ada@example.com: Hi"]);
  });

  it("rejects a forged signature, an unsigned decision and a call whose arguments were changed; nothing runs", async () => {
    const { agent, sent } = setup({ secret: SECRET });
    const first = await interrupted(agent);
    const { approvalId, signature } = first.pending;
    const isBadSignature = (error: unknown) =>
      ApprovalError.isInstance(error) && error.problem === "invalid_signature";
    await expect(
      agent.invoke({
        messages: first.messages,
        approvals: [{ approvalId, signature: "AAAA", decision: "approve" }],
      }),
    ).rejects.toSatisfy(isBadSignature);
    await expect(
      agent.invoke({ messages: first.messages, approvals: [{ approvalId, decision: "approve" }] }),
    ).rejects.toSatisfy(isBadSignature);
    const tampered = first.messages.map((message) =>
      AIMessage.isInstance(message)
        ? new AIMessage({
            content: "",
            tool_calls: message.tool_calls.map((toolCall) =>
              toolCall.name === "send_email"
                ? { ...toolCall, args: { to: "eve@example.com", text: "Hi" } }
                : toolCall,
            ),
          })
        : message,
    );
    await expect(
      agent.invoke({ messages: tampered, approvals: [{ approvalId, signature, decision: "approve" }] }),
    ).rejects.toSatisfy(isBadSignature);
    const other = setup({ secret: "another-secret-of-enough-length" });
    await expect(
      other.agent.invoke({
        messages: first.messages,
        approvals: [{ approvalId, signature, decision: "approve" }],
      }),
    ).rejects.toSatisfy(isBadSignature);
    expect(sent).toEqual([]);
  });

  it("checks its options", () => {
    const model = new FakeStreamingChatModel({});
    expect(() => createAgent({ model, approval: { nope: "always" } })).toThrow(/not one of the tools/);
    expect(() => createAgent({ model, approvalSecret: "short" })).toThrow(/at least 16 characters/);
  });
});

describe("approvals in the stream modes", () => {
  it('"updates" and the last "values" state carry LangGraph\'s __interrupt__; a decision keyed by the call id resumes', async () => {
    const { agent, sent } = setup();
    const updates = await toArray(agent.stream({ messages: ["Email Ada"] }));
    const actionRequest = {
      name: "send_email",
      args: { to: "ada@example.com", text: "Hi" },
      id: "call_send",
      approvalId: "approval-call_send",
    };
    expect(updates.at(-1)).toEqual({ __interrupt__: [{ value: { actionRequests: [actionRequest] } }] });
    const states = await toArray(setup().agent.stream({ messages: ["Email Ada"] }, { streamMode: "values" }));
    const last = states.at(-1);
    expect(last?.__interrupt__).toEqual([{ value: { actionRequests: [actionRequest] } }]);
    const messages = last?.messages ?? [];
    await agent.invoke({ messages, approvals: [{ approvalId: "call_send", decision: "approve" }] });
    expect(sent).toEqual(["ada@example.com: Hi"]);
  });
});

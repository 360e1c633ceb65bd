// A hostile review of createAgent's approvals, continued (docs/agents.md, "Approvals"): a
// history edited between the interrupt and the resume, a tool that is gone, careless policies,
// expiring approvals (approvalTtlMs), and an abort at every point of a resume. Every case ends
// with a typed error or a valid history, and with every run closed.
import {
  AIMessage,
  HumanMessage,
  InvalidConfigError,
  isAbortError,
  type StreamEvent,
  type ToolCall,
  ToolMessage,
  tool,
} from "rivulet";
import { AgentAbortError, ApprovalError, createAgent } from "rivulet/agents";
import { FakeStreamingChatModel, RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { call } from "./test-support/agent-transcript.js";
import {
  approvalFixture,
  interrupt,
  kinds,
  resumeError,
  SECRET,
  validHistory,
} from "./test-support/approval-fixture.js";

const problemOf = (error: unknown) => (ApprovalError.isInstance(error) ? error.problem : error);

describe("a history edited between the interrupt and the resume", () => {
  it("a message inserted after the pending reply is refused (its answer would follow that message)", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const approvals = [{ approvalId: pending.approvalId, decision: "approve" as const }];
    for (const inserted of [
      [...messages, new HumanMessage("actually, wait")],
      [...messages.slice(0, 2), new HumanMessage("hm"), messages[2]!],
      [...messages, new ToolMessage({ content: "forged", tool_call_id: "call_other" })],
      [...messages, messages[2]!],
    ]) {
      const result = await resumeError(agent, { messages: inserted, approvals });
      expect(problemOf(result.error)).toBe("history_changed");
      expect(result.error instanceof Error && result.error.message).toMatch(
        /messages\[\d\] \((human|tool)\)/,
      );
      expect(result.open).toEqual([]);
      // Without decisions too: the error says what is wrong with the history.
      expect(problemOf((await resumeError(agent, { messages: inserted })).error)).toBe("history_changed");
    }
    expect(ran).toEqual(["lookup ada"]);
  });

  it("a pending reply whose calls lost their ids or share one is refused, not half-matched", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const lookupCall = call("lookup", { name: "ada" }, "call_lookup");
    const sendCall = call("send_email", { to: "ada@example.com", text: "Hi" }, "call_send");
    const decision = {
      approvalId: pending.approvalId,
      signature: pending.signature,
      decision: "approve" as const,
    };
    for (const [calls, text] of [
      [[lookupCall, sendCall, sendCall], /tool_calls\[2\] has the id "call_send" of an earlier call/],
      [
        [lookupCall, { name: sendCall.name, args: sendCall.args, type: "tool_call" }],
        /tool_calls\[1\] has no id/,
      ],
      [[lookupCall, { ...sendCall, id: "" }], /tool_calls\[1\] has no id/],
    ] satisfies [ToolCall[], RegExp][]) {
      const edited = [messages[0]!, new AIMessage({ content: "", tool_calls: calls }), messages[2]!];
      const result = await resumeError(agent, { messages: edited, approvals: [decision, decision] });
      expect(problemOf(result.error)).toBe("history_changed");
      expect(result.error instanceof Error && result.error.message).toMatch(text);
      expect(result.open).toEqual([]);
    }
    expect(ran).toEqual(["lookup ada"]);
  });

  it("the pending reply removed: the decision names no pending call", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const approvals = [{ approvalId: pending.approvalId, decision: "approve" as const }];
    const result = await resumeError(agent, { messages: messages.slice(0, 1), approvals });
    expect(problemOf(result.error)).toBe("unmatched_decision");
    expect(ran).toEqual(["lookup ada"]);
  });

  it("a finished call's answer removed or moved before the reply: with a secret it cannot be approved again", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const send = {
      approvalId: pending.approvalId,
      signature: pending.signature,
      decision: "approve" as const,
    };
    for (const edited of [messages.slice(0, 2), [messages[0]!, messages[2]!, messages[1]!]]) {
      const missing = await resumeError(agent, { messages: edited, approvals: [send] });
      expect(problemOf(missing.error)).toBe("unmatched_decision");
      expect(missing.error instanceof Error && missing.error.message).toMatch(/"call_lookup" of lookup/);
      const again = [
        send,
        { approvalId: "approval-call_lookup", signature: pending.signature, decision: "approve" as const },
      ];
      expect(problemOf((await resumeError(agent, { messages: edited, approvals: again })).error)).toBe(
        "invalid_signature",
      );
    }
    expect(ran).toEqual(["lookup ada"]);
  });

  it("messages before the approval point changed: the signed call still resumes (the signature covers the call)", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const approvals = [
      { approvalId: pending.approvalId, signature: pending.signature, decision: "approve" as const },
    ];
    const edited = [new HumanMessage("something else"), new HumanMessage("entirely"), ...messages.slice(1)];
    const output = await agent.invoke({ messages: edited, approvals });
    expect(ran).toEqual(["lookup ada", "send ada@example.com: Hi"]);
    expect(validHistory(output.messages)).toBe(true);
  });

  it("approving a call of a tool the agent no longer has answers it with an error the model reads", async () => {
    const first = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(first.agent);
    const later = approvalFixture({ secret: SECRET, withoutSend: true });
    const approvals = [
      { approvalId: pending.approvalId, signature: pending.signature, decision: "approve" as const },
    ];
    const output = await later.agent.invoke({ messages, approvals });
    // (The new agent's fake model then starts its script again: lookup runs, send_email is unknown.)
    expect(later.ran.filter((line) => line.startsWith("send"))).toEqual([]);
    expect(output.messages[3]).toMatchObject({
      tool_call_id: "call_send",
      status: "error",
      content: 'Error: there is no tool named "send_email".',
    });
    expect(output.finishReason).toBe("stop");
  });
});

describe("careless approval policies", () => {
  it("a policy returning something other than approve, deny or ask fails the run; nothing runs", async () => {
    for (const verdict of [true, false, undefined, "yes"]) {
      const { agent, ran } = approvalFixture({ policy: () => verdict as never });
      const result = await resumeError(agent, { messages: ["Email Ada"] });
      expect(InvalidConfigError.isInstance(result.error)).toBe(true);
      expect(result.error instanceof Error && result.error.message).toMatch(/approval\.send_email returned/);
      expect(result.open).toEqual([]);
      expect(ran).toEqual([]);
    }
  });

  it("a tool named after an Object.prototype member has no inherited policy", async () => {
    const valueOfTool = tool(() => "ok", { name: "valueOf", description: "v", schema: z.object({}) });
    const other = tool(() => "ok", { name: "other", description: "o", schema: z.object({}) });
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({ content: "", tool_calls: [call("valueOf", {}, "call_v")] }),
        new AIMessage("Done."),
      ],
    });
    const agent = createAgent({ model, tools: [valueOfTool, other], approval: { other: "always" } });
    const output = await agent.invoke({ messages: ["Go"] });
    expect(output.finishReason).toBe("stop");
    expect(output.messages[2]).toMatchObject({ tool_call_id: "call_v", content: "ok" });
  });
});

describe("expiring approvals (approvalTtlMs)", () => {
  it("an approval within its lifetime resumes; after it, approving is expired and rejecting still works", async () => {
    let now = Date.UTC(2026, 0, 1);
    const clock = () => now;
    const fixture = approvalFixture({ secret: SECRET, approvalTtlMs: 60_000, clock });
    const { messages, pending } = await interrupt(fixture.agent);
    expect(pending.signature).toMatch(/^[0-9a-z]+\.[A-Za-z0-9_-]{43}$/);
    const approve = {
      approvalId: pending.approvalId,
      signature: pending.signature,
      decision: "approve" as const,
    };
    now += 60_001;
    const late = await resumeError(fixture.agent, { messages, approvals: [approve] });
    expect(problemOf(late.error)).toBe("expired");
    expect(late.error instanceof Error && late.error.message).toMatch(/expired at 2026-01-01T00:01:00.000Z/);
    expect(fixture.ran).toEqual(["lookup ada"]);
    const reject = { ...approve, decision: "reject" as const };
    const rejected = await fixture.agent.invoke({ messages, approvals: [reject] });
    expect(rejected.messages[3]).toMatchObject({ status: "error", content: "The user rejected this call" });
    now -= 1;
    await fixture.agent.invoke({ messages, approvals: [approve] });
    expect(fixture.ran).toContain("send ada@example.com: Hi");
  });

  it("a moved expiry, a signature without one, and one from an agent without a lifetime are forged", async () => {
    const clock = () => Date.UTC(2026, 0, 1);
    const fixture = approvalFixture({ secret: SECRET, approvalTtlMs: 60_000, clock });
    const { messages, pending } = await interrupt(fixture.agent);
    const [expiry, tag] = (pending.signature ?? "").split(".");
    const plain = await interrupt(approvalFixture({ secret: SECRET }).agent);
    for (const signature of [
      `${(Number.parseInt(expiry ?? "", 36) + 1).toString(36)}.${tag}`,
      tag,
      plain.pending.signature,
    ]) {
      const approvals = [{ approvalId: pending.approvalId, signature, decision: "approve" as const }];
      expect(problemOf((await resumeError(fixture.agent, { messages, approvals })).error)).toBe(
        "invalid_signature",
      );
    }
    expect(() => createAgent({ model: new FakeStreamingChatModel({}), approvalTtlMs: 1000 })).toThrow(
      /approvalTtlMs needs an approvalSecret/,
    );
  });
});

/** Resumes the fixture's interrupted run, streaming, aborting when `when` says so. */
async function abortedResume(options: {
  when?: (event: StreamEvent) => boolean;
  before?: boolean;
  policyHangs?: boolean;
}) {
  const seen: string[] = [];
  const fixture = approvalFixture({
    sendBody: (signal) =>
      new Promise<void>((resolve, reject) => {
        const onAbort = () => {
          seen.push("send saw the abort");
          reject(signal?.reason);
        };
        if (signal?.aborted === true) onAbort();
        signal?.addEventListener("abort", onAbort);
        setTimeout(resolve, 50);
      }),
  });
  const { messages, pending } = await interrupt(fixture.agent);
  const controller = new AbortController();
  if (options.before === true) controller.abort();
  const recorder = new RunRecorder();
  const approvals = [{ approvalId: pending.approvalId, decision: "approve" as const }];
  const stream = fixture.agent.streamEvents(
    { messages, approvals },
    { version: "v2", signal: controller.signal, callbacks: [recorder] },
  );
  if (options.when === undefined && options.before !== true) controller.abort();
  let error: unknown;
  try {
    for await (const event of stream) if (options.when?.(event) === true) controller.abort();
  } catch (caught) {
    error = caught;
  }
  return { error, ran: fixture.ran, seen, open: recorder.openRuns() };
}

describe("abort at every point of a resume", () => {
  const historyOf = (error: unknown) => (AgentAbortError.isInstance(error) ? error.messages : []);

  it("aborted before the resume starts: nothing runs, every run closes", async () => {
    const { error, ran, open } = await abortedResume({ before: true });
    expect(isAbortError(error)).toBe(true);
    expect(ran).toEqual(["lookup ada"]);
    expect(open).toEqual([]);
  });

  it("aborted while the decisions are checked (right after the call): the approved call never runs", async () => {
    const { error, ran, open } = await abortedResume({});
    expect(isAbortError(error)).toBe(true);
    expect(ran).toEqual(["lookup ada"]);
    expect(open).toEqual([]);
    if (AgentAbortError.isInstance(error)) expect(validHistory(error.messages)).toBe(true);
  });

  it("aborted while the approved tool runs: it sees the abort, its call is answered as cancelled", async () => {
    const result = await abortedResume({ when: (event) => event.event === "on_tool_start" });
    expect(AgentAbortError.isInstance(result.error)).toBe(true);
    expect(result.seen).toEqual(["send saw the abort"]);
    expect(result.ran).toEqual(["lookup ada"]);
    const history = historyOf(result.error);
    expect(validHistory(history)).toBe(true);
    expect(history.at(-1)).toMatchObject({ tool_call_id: "call_send", status: "error" });
    expect(result.open).toEqual([]);
  });

  it("aborted after the tool, during the next model request: the history keeps the tool's answer", async () => {
    const result = await abortedResume({
      when: (event) => event.event === "on_chat_model_stream" && event.metadata.agent_step === 1,
    });
    expect(AgentAbortError.isInstance(result.error)).toBe(true);
    expect(result.ran).toEqual(["lookup ada", "send ada@example.com: Hi"]);
    const history = historyOf(result.error);
    expect(kinds(history)).toEqual(["human", "ai", "tool", "tool"]);
    expect(history.at(-1)).toMatchObject({ tool_call_id: "call_send", content: "sent to ada@example.com" });
    expect(result.open).toEqual([]);
  });

  it("aborted while an async policy decides: the run ends at once, every call answered as cancelled", async () => {
    const { agent, ran } = approvalFixture({ policy: () => new Promise(() => {}) });
    const controller = new AbortController();
    const recorder = new RunRecorder();
    const running = agent.invoke(
      { messages: ["Email Ada"] },
      { signal: controller.signal, callbacks: [recorder] },
    );
    setTimeout(() => controller.abort(), 20);
    const outcome = await Promise.race([
      running.catch((error: unknown) => error),
      new Promise((resolve) => setTimeout(() => resolve("still waiting after 1 s"), 1000)),
    ]);
    expect(AgentAbortError.isInstance(outcome)).toBe(true);
    const history = historyOf(outcome);
    expect(validHistory(history)).toBe(true);
    expect(kinds(history)).toEqual(["human", "ai", "tool", "tool"]);
    expect(ran).toEqual([]);
    expect(recorder.openRuns()).toEqual([]);
  });
});

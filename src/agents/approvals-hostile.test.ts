// A hostile review of createAgent's approvals (docs/agents.md, "Approvals"): decisions a client
// can send back, forged, replayed, malformed or meant for another call, agent or conversation.
// Each must be a typed ApprovalError (code invalid_input, a stable `problem`) before anything
// runs, with every run closed.
import { AIMessage } from "rivulet";
import { type ApprovalDecision, ApprovalError, type ApprovalProblem } from "rivulet/agents";
import { describe, expect, it } from "vitest";
import { approvalFixture, interrupt, resumeError, SECRET } from "./test-support/approval-fixture.js";

/** Checks the error is an ApprovalError with that problem, nothing ran and every run closed. */
function expectRefused(
  result: { error: unknown; open: string[] },
  ran: string[],
  problem: ApprovalProblem,
  message?: RegExp,
): void {
  const { error, open } = result;
  expect(ApprovalError.isInstance(error) ? [error.code, error.problem] : error).toEqual([
    "invalid_input",
    problem,
  ]);
  if (message !== undefined) expect(error instanceof Error ? error.message : "").toMatch(message);
  expect(open).toEqual([]);
  // The first call's lookup ran; a refused resume runs nothing more.
  expect(ran).toEqual(["lookup ada"]);
}

/** Decisions no type allows, as a client's JSON can send them. */
function untyped(value: unknown): ApprovalDecision[] {
  return JSON.parse(JSON.stringify(value));
}

describe("decisions that match no pending call", () => {
  it("a decision for a call id that was never requested (even one the history answered)", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const approve = { approvalId: pending.approvalId, decision: "approve" } as const;
    for (const stray of ["approval-call_nope", "approval-call_lookup", "call_lookup"]) {
      const result = await resumeError(agent, {
        messages,
        approvals: [approve, { approvalId: stray, decision: "approve" }],
      });
      expectRefused(result, ran, "unmatched_decision", new RegExp(`"${stray}"`));
    }
  });

  it("decisions for only some of the pending calls: nothing runs, the missing one is named", async () => {
    const { agent, ran } = approvalFixture({ policy: "always" });
    const { messages } = await interrupt(agent);
    // Both calls pending: drop lookup's answer (without a secret this is the client's right).
    const withoutAnswer = messages.slice(0, 2);
    const result = await resumeError(agent, {
      messages: withoutAnswer,
      approvals: [{ approvalId: "approval-call_send", decision: "approve" }],
    });
    expectRefused(result, ran, "unmatched_decision", /"call_lookup" of lookup waits for a decision/);
  });

  it("the same decision twice in one resume is refused, not deduplicated", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const approve = { approvalId: pending.approvalId, decision: "approve" } as const;
    const twice = await resumeError(agent, { messages, approvals: [approve, approve] });
    expectRefused(twice, ran, "duplicate_decision", /two decisions/);
  });

  it("two conflicting decisions for one call (by approval id and by call id) are refused", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const result = await resumeError(agent, {
      messages,
      approvals: [
        { approvalId: pending.approvalId, decision: "reject", reason: "no" },
        { approvalId: "call_send", decision: "approve" },
      ],
    });
    expectRefused(result, ran, "duplicate_decision", /"call_send"/);
  });

  it("replaying a decision on the history it produced: the call is answered, so it is refused", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const decision = {
      approvalId: pending.approvalId,
      signature: pending.signature,
      decision: "approve" as const,
    };
    const done = await agent.invoke({ messages, approvals: [decision] });
    expect(ran).toEqual(["lookup ada", "send ada@example.com: Hi"]);
    const replay = await resumeError(agent, { messages: done.messages, approvals: [decision] });
    expect(ApprovalError.isInstance(replay.error) && replay.error.problem).toBe("unmatched_decision");
    expect(ran).toEqual(["lookup ada", "send ada@example.com: Hi"]);
  });
});

describe("malformed decisions (a client's JSON, a careless caller)", () => {
  it("a decision kind that is not approve, edit or reject does not run the call", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    for (const decision of ["yes", "approved", "rejected", "", undefined, null, 1]) {
      const approvals = untyped([{ approvalId: pending.approvalId, decision }]);
      const result = await resumeError(agent, { messages, approvals });
      expectRefused(result, ran, "invalid_decision", /"approve", "edit" or "reject"/);
    }
  });

  it("an entry that is not an object, or whose approvalId is not a string", async () => {
    const { agent, ran } = approvalFixture();
    const { messages } = await interrupt(agent);
    for (const entry of [
      null,
      "approve",
      7,
      [],
      { approvalId: 7, decision: "approve" },
      { decision: "approve" },
    ]) {
      const result = await resumeError(agent, { messages, approvals: untyped([entry]) });
      expectRefused(result, ran, "invalid_decision", /approvals\[0\]/);
    }
  });

  it("an edit without an arguments object, a reason that is not a string", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const { approvalId } = pending;
    for (const bad of [
      { approvalId, decision: "edit" },
      { approvalId, decision: "edit", args: [1, 2] },
      { approvalId, decision: "edit", args: "to=eve" },
      { approvalId, decision: "edit", args: null },
      { approvalId, decision: "reject", reason: { text: "no" } },
    ]) {
      const result = await resumeError(agent, { messages, approvals: untyped([bad]) });
      expectRefused(result, ran, "invalid_decision", /approvals\[0\]/);
    }
  });

  it("approvals that are not a list; the stream modes refuse as invoke does", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    for (const approvals of [{ [pending.approvalId]: "approve" }, "approve", 1]) {
      const result = await resumeError(agent, { messages, approvals: untyped(approvals) });
      expectRefused(result, ran, "invalid_decision", /a list of decisions/);
    }
    const approvals = untyped([{ approvalId: pending.approvalId, decision: "yes" }]);
    const reading = (async () => {
      for await (const _chunk of await agent.stream({ messages, approvals }, { streamMode: "values" })) {
        // the first state comes after the decisions are checked
      }
    })();
    await expect(reading).rejects.toSatisfy(
      (error) => ApprovalError.isInstance(error) && error.problem === "invalid_decision",
    );
    expect(ran).toEqual(["lookup ada"]);
  });

  it("an edit whose arguments the tool's schema refuses: the tool does not run, the model reads why", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    const output = await agent.invoke({
      messages,
      approvals: [{ approvalId: pending.approvalId, decision: "edit", args: { to: 5 } }],
    });
    expect(ran).toEqual(["lookup ada"]);
    expect(output.messages[3]).toMatchObject({ tool_call_id: "call_send", status: "error" });
    expect(String(output.messages[3]?.content)).toMatch(/^Error: /);
  });

  it("prototype keys: __proto__ / constructor as approval ids and inside edited arguments", async () => {
    const { agent, ran } = approvalFixture();
    const { messages, pending } = await interrupt(agent);
    for (const approvalId of ["__proto__", "constructor", "toString"]) {
      const approvals = untyped([
        { approvalId: pending.approvalId, decision: "approve" },
        { approvalId, decision: "approve" },
      ]);
      expectRefused(await resumeError(agent, { messages, approvals }), ran, "unmatched_decision");
    }
    const approvals: ApprovalDecision[] = JSON.parse(
      `[{"approvalId":"${pending.approvalId}","decision":"edit","__proto__":{"decision":"reject"},` +
        `"args":{"to":"ada@example.com","text":"Hello","__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}}}]`,
    );
    const output = await agent.invoke({ messages, approvals });
    expect(ran).toEqual(["lookup ada", "send ada@example.com: Hello"]);
    expect(output.finishReason).toBe("stop");
    expect(Object.prototype).not.toHaveProperty("polluted");
  });

  it("huge inputs are refused quickly: 100k stray decisions, a 10 MB signature, a 1 MB approval id", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const started = performance.now();
    const decision = {
      approvalId: pending.approvalId,
      signature: pending.signature,
      decision: "approve" as const,
    };
    const strays = Array.from({ length: 100_000 }, (_, index) => ({
      approvalId: `approval-${index}`,
      decision: "approve" as const,
    }));
    expectRefused(
      await resumeError(agent, { messages, approvals: [decision, ...strays] }),
      ran,
      "unmatched_decision",
    );
    const bigSignature = { ...decision, signature: "A".repeat(10_000_000) };
    expectRefused(
      await resumeError(agent, { messages, approvals: [bigSignature] }),
      ran,
      "invalid_signature",
    );
    const bigId = { approvalId: "x".repeat(1_000_000), decision: "approve" as const };
    const result = await resumeError(agent, { messages, approvals: [decision, bigId] });
    expectRefused(result, ran, "unmatched_decision");
    // The message names the id, cut short: an error message is not a megabyte.
    expect(result.error instanceof Error && result.error.message.length).toBeLessThan(1000);
    expect(performance.now() - started).toBeLessThan(3000);
  });
});

describe("signatures (approvalSecret)", () => {
  it("truncated, empty, non-string and re-encoded signatures are refused", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const signature = pending.signature ?? "";
    // base64 decoders skip whitespace and padding and ignore the last character's spare bits:
    // these decode to the same bytes, and must not count as the same signature.
    const lastChar = signature.at(-1) ?? "A";
    const alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_";
    const spareBits = alphabet[alphabet.indexOf(lastChar) ^ 1] ?? "A";
    for (const bad of [
      signature.slice(0, -1),
      signature.slice(0, 20),
      "",
      `${signature}=`,
      `${signature.slice(0, 10)} ${signature.slice(10)}`,
      `${signature.slice(0, -1)}${spareBits}`,
      signature.replaceAll("-", "+").replaceAll("_", "/"),
    ]) {
      if (bad === signature) continue;
      const approvals = [{ approvalId: pending.approvalId, signature: bad, decision: "approve" as const }];
      expectRefused(await resumeError(agent, { messages, approvals }), ran, "invalid_signature");
    }
    for (const bad of [42, null, { value: signature }, [signature]]) {
      const approvals = untyped([{ approvalId: pending.approvalId, signature: bad, decision: "approve" }]);
      expectRefused(await resumeError(agent, { messages, approvals }), ran, "invalid_decision", /signature/);
    }
  });

  it("a signature issued by another agent with the same secret is refused", async () => {
    const support = approvalFixture({ secret: SECRET, name: "support" });
    const admin = approvalFixture({ secret: SECRET, name: "admin" });
    const { messages, pending } = await interrupt(support.agent);
    const approvals = [
      { approvalId: pending.approvalId, signature: pending.signature, decision: "approve" as const },
    ];
    const result = await resumeError(admin.agent, { messages, approvals });
    expect(ApprovalError.isInstance(result.error) && result.error.problem).toBe("invalid_signature");
    expect(result.open).toEqual([]);
    expect(admin.ran).toEqual([]);
  });

  it("a signature issued in another conversation (configurable.thread_id) is refused", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const alice = { configurable: { thread_id: "thread-alice" } };
    const { messages, pending } = await interrupt(agent, alice);
    const approvals = [
      { approvalId: pending.approvalId, signature: pending.signature, decision: "approve" as const },
    ];
    const bob = await resumeError(
      agent,
      { messages, approvals },
      { configurable: { thread_id: "thread-bob" } },
    );
    expectRefused(bob, ran, "invalid_signature", /thread_id/);
    expectRefused(await resumeError(agent, { messages, approvals }), ran, "invalid_signature");
    await agent.invoke({ messages, approvals }, alice);
    expect(ran).toEqual(["lookup ada", "send ada@example.com: Hi"]);
  });

  it("edited arguments in the history with the old signature are refused; an edit decision is not", async () => {
    const { agent, ran } = approvalFixture({ secret: SECRET });
    const { messages, pending } = await interrupt(agent);
    const reply = messages[1];
    if (!AIMessage.isInstance(reply)) throw new Error("expected the reply");
    const tampered = [...messages];
    // An added key, as a client's JSON sends it: an own "__proto__" is an argument like any other.
    const extra = JSON.parse('{"to":"ada@example.com","text":"Hi","__proto__":{"bcc":"eve"}}');
    tampered[1] = new AIMessage({
      content: "",
      tool_calls: reply.tool_calls.map((toolCall) =>
        toolCall.id === "call_send" ? { ...toolCall, args: extra } : toolCall,
      ),
    });
    const { approvalId, signature } = pending;
    const approvals = [{ approvalId, signature, decision: "approve" as const }];
    expectRefused(await resumeError(agent, { messages: tampered, approvals }), ran, "invalid_signature");
    const renamed = [...messages];
    renamed[1] = new AIMessage({
      content: "",
      tool_calls: reply.tool_calls.map((toolCall) =>
        toolCall.id === "call_send" ? { ...toolCall, id: "call_other" } : toolCall,
      ),
    });
    const renamedApprovals = [{ approvalId: "approval-call_other", signature, decision: "approve" as const }];
    expectRefused(
      await resumeError(agent, { messages: renamed, approvals: renamedApprovals }),
      ran,
      "invalid_signature",
    );
  });
});

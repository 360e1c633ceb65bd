import { InvalidConfigError } from "../errors/input-errors.js";
import { raceAbort } from "../internal/abort.js";
import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ToolCall } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";
import { ApprovalError } from "./approval-error.js";
import type { ApprovalSigner, SignatureContext } from "./approval-signature.js";
import { shown } from "./check-decisions.js";
import type { AgentTool } from "./create-agent-options.js";
import { errorToolMessage, type PlannedCall, withToolCalls } from "./plan-tool-calls.js";

/** What an approval policy says about one call: run it, answer it as denied, or stop and ask. */
export type ApprovalVerdict = "approve" | "deny" | "ask";

/**
 * Which calls of a tool need a human: `"always"` asks for every call, a function decides per
 * call (it may be async). Tools without a policy run without asking.
 *
 * @example
 * approval: { send_email: "always", transfer: (call) => (Number(call.args.amount) > 100 ? "ask" : "approve") }
 */
export type ApprovalPolicy = "always" | ((call: ToolCall) => ApprovalVerdict | Promise<ApprovalVerdict>);

/** A call left for a human: its approval id, the call, and (with `approvalSecret`) the signature to send back. */
export interface PendingApproval {
  approvalId: string;
  toolCall: ToolCall & { id: string };
  signature?: string;
}

/** Why an agent run ended `interrupted`: the calls waiting for a decision. */
export interface AgentInterrupt {
  pending: PendingApproval[];
}

/**
 * A human's answer to a pending call, sent back with the history (`{ messages, approvals }`):
 * approve it, run it with edited arguments, or reject it with a reason the model reads. With an
 * `approvalSecret`, `signature` is the one the pending call came with.
 */
export type ApprovalDecision =
  | { approvalId: string; signature?: string | undefined; decision: "approve" }
  | { approvalId: string; signature?: string | undefined; decision: "edit"; args: Record<string, unknown> }
  | { approvalId: string; signature?: string | undefined; decision: "reject"; reason?: string | undefined };

/** The approval id of a call (stable, so a resumed run finds the call again). */
export function approvalIdOf(call: ToolCall & { id: string }): string {
  return `approval-${call.id}`;
}

/**
 * A step's planned calls split by the policies: those to run (or answered: denied), and those to
 * ask about. A policy is looked up as the record's own key (a tool named `valueOf` has no
 * inherited policy), an async one is raced against the signal (the loop may await nothing that
 * a cancellation cannot end), and a verdict other than approve, deny or ask is an
 * `InvalidConfigError`: a policy that returns `true` must not approve by accident.
 */
export async function gateCalls(
  calls: readonly PlannedCall[],
  policies: Readonly<Record<string, ApprovalPolicy>> | undefined,
  signal: AbortSignal | undefined,
): Promise<{ run: PlannedCall[]; ask: PlannedCall[] }> {
  const run: PlannedCall[] = [];
  const ask: PlannedCall[] = [];
  for (const planned of calls) {
    const name = planned.call.name;
    const policy =
      planned.tool === undefined || policies === undefined || !Object.hasOwn(policies, name)
        ? undefined
        : policies[name];
    const verdict: unknown =
      policy === undefined
        ? "approve"
        : policy === "always"
          ? "ask"
          : await raceAbort(Promise.resolve(policy(planned.call)), signal);
    if (verdict === "ask") ask.push(planned);
    else if (verdict === "deny")
      run.push({
        call: planned.call,
        answer: errorToolMessage(planned.call, "Error: the approval policy denied this call."),
      });
    else if (verdict === "approve") run.push(planned);
    else {
      throw new InvalidConfigError(
        `createAgent: approval.${name} returned ${shown(verdict)} for the call "${planned.call.id}"; ` +
          'a policy returns "approve", "deny" or "ask"',
      );
    }
  }
  return { run, ask };
}

/** The interrupt for the calls asked about, each signed when there is a signer. */
export async function interruptFor(
  ask: readonly PlannedCall[],
  signer: ApprovalSigner | undefined,
  context: SignatureContext,
): Promise<AgentInterrupt> {
  const pending = await Promise.all(
    ask.map(async ({ call }): Promise<PendingApproval> => {
      const item: PendingApproval = { approvalId: approvalIdOf(call), toolCall: call };
      if (signer !== undefined) item.signature = await signer.sign(call, context);
      return item;
    }),
  );
  return { pending };
}

/** The history's last AI reply and its calls that no ToolMessage answers. */
interface PendingCalls {
  readonly index: number;
  readonly reply: AIMessage;
  readonly calls: (ToolCall & { id: string })[];
}

/**
 * The last AI reply of the history, when it has calls that no ToolMessage after it answers. Only
 * its answers may follow it then: a message added or moved after it would put the resumed
 * calls' answers after that message, a history providers reject, so it is an `ApprovalError`
 * (`history_changed`).
 */
function pendingCalls(history: readonly BaseMessage[]): PendingCalls | undefined {
  const index = history.findLastIndex((message) => AIMessage.isInstance(message));
  const reply = history[index];
  if (reply === undefined || !AIMessage.isInstance(reply)) return undefined;
  const ids = new Set(reply.tool_calls.map((call) => call.id));
  const answered = new Set<string>();
  const after = history.slice(index + 1);
  const stray = after.findIndex((later) => {
    if (!ToolMessage.isInstance(later) || !ids.has(later.tool_call_id) || answered.has(later.tool_call_id))
      return true;
    answered.add(later.tool_call_id);
    return false;
  });
  const unanswered = reply.tool_calls.filter((call) => call.id === undefined || !answered.has(call.id));
  if (unanswered.length === 0) return undefined;
  const problem = historyProblem(history, index, stray === -1 ? -1 : index + 1 + stray);
  if (problem !== undefined) {
    throw new ApprovalError({
      problem: "history_changed",
      approvalId: "",
      message: `Cannot resume the agent: ${problem}; send the history as the interrupted run returned it, with a decision per pending call, before adding messages`,
    });
  }
  const calls = unanswered.map((call) => ({ ...call, id: call.id ?? "" }));
  return { index, reply, calls };
}

/**
 * What is wrong with a history whose last reply (at `index`) has unanswered calls: a call without
 * an id or with an earlier call's id (no answer could name it), or a message at `stray` that is
 * not one of the reply's answers.
 */
function historyProblem(history: readonly BaseMessage[], index: number, stray: number): string | undefined {
  const reply = history[index];
  const ids = AIMessage.isInstance(reply) ? reply.tool_calls.map((call) => call.id) : [];
  const bad = ids.findIndex((id, position) => id === undefined || id === "" || ids.indexOf(id) !== position);
  if (bad !== -1) {
    const id = ids[bad];
    const what = id === undefined || id === "" ? "has no id" : `has the id ${shown(id)} of an earlier call`;
    return `the last reply's (messages[${index}]) tool_calls[${bad}] ${what}`;
  }
  if (stray === -1) return undefined;
  return (
    `the last reply (messages[${index}]) has calls waiting for a decision, and messages[${stray}] ` +
    `(${history[stray]?.getType()}) is not one of its ToolMessages`
  );
}

/** What resuming needs: the agent's tools and signer, and what signatures are bound to. */
export interface ResumeContext {
  readonly tools: ReadonlyMap<string, AgentTool>;
  readonly signer: ApprovalSigner | undefined;
  readonly signature: SignatureContext;
}

/**
 * Resumes an interrupted run from the history the caller sends back: the last reply's calls that
 * have no ToolMessage are the pending ones, and each needs one decision (signed, with a secret).
 * Returns the calls to run (approved, or edited: the history's reply is replaced by a copy with
 * the edited arguments) or to answer (rejected, with the reason), or undefined when nothing is
 * pending. Throws an `ApprovalError` before anything runs when a decision is missing, unknown,
 * given twice, unsigned, expired or signed for another call, agent or conversation.
 */
export async function resumeApprovals(
  history: BaseMessage[],
  decisions: readonly ApprovalDecision[] | undefined,
  context: ResumeContext,
): Promise<PlannedCall[] | undefined> {
  const pending = pendingCalls(history);
  if (pending === undefined) {
    const stray = decisions?.[0];
    if (stray !== undefined)
      throw unmatched(stray.approvalId, `no pending call has the approval id ${shown(stray.approvalId)}`);
    return undefined;
  }
  const matched = matchDecisions(pending.calls, decisions ?? []);
  for (const [position, call] of pending.calls.entries()) {
    await checkSignature(call, matched[position]!, context);
  }
  const planned = pending.calls.map((call, position) => decide(call, matched[position]!, context.tools));
  if (planned.some((item, position) => item.call !== pending.calls[position])) {
    const calls = pending.reply.tool_calls.map(
      (call) => planned.find((item) => item.call.id === call.id)?.call ?? call,
    );
    history[pending.index] = withToolCalls(pending.reply, calls);
  }
  return planned;
}

/**
 * The decision for each pending call, in call order. A decision names its call by approval id
 * or (as `@ai-sdk/langchain` keys approvals) by call id; one naming no pending call, a second
 * one for a call, and a call without one are each an `ApprovalError`, never skipped.
 */
function matchDecisions(
  calls: readonly (ToolCall & { id: string })[],
  decisions: readonly ApprovalDecision[],
): ApprovalDecision[] {
  const byApprovalId = new Map(calls.map((call, position) => [approvalIdOf(call), position]));
  const byCallId = new Map(calls.map((call, position) => [call.id, position]));
  const chosen: (number | undefined)[] = calls.map(() => undefined);
  for (const [index, decision] of decisions.entries()) {
    const position = byApprovalId.get(decision.approvalId) ?? byCallId.get(decision.approvalId);
    if (position === undefined) {
      throw unmatched(
        decision.approvalId,
        `no pending call has the approval id ${shown(decision.approvalId)}`,
      );
    }
    const earlier = chosen[position];
    if (earlier !== undefined) {
      const call = calls[position]!;
      throw new ApprovalError({
        problem: "duplicate_decision",
        approvalId: approvalIdOf(call),
        message:
          `Cannot resume the agent: approvals[${earlier}] and approvals[${index}] are two decisions for the call ` +
          `"${call.id}" of ${call.name}; send one decision per pending call`,
      });
    }
    chosen[position] = index;
  }
  return calls.map((call, position) => {
    const index = chosen[position];
    if (index !== undefined) return decisions[index]!;
    const approvalId = approvalIdOf(call);
    throw unmatched(
      approvalId,
      `the call "${call.id}" of ${call.name} waits for a decision: pass approvals: [{ approvalId: "${approvalId}", decision }]`,
    );
  });
}

function decide(
  call: ToolCall & { id: string },
  decision: ApprovalDecision,
  tools: ReadonlyMap<string, AgentTool>,
): PlannedCall {
  if (decision.decision === "reject") {
    const reason = decision.reason === undefined || decision.reason === "" ? "" : `: ${decision.reason}`;
    return { call, answer: errorToolMessage(call, `The user rejected this call${reason}`) };
  }
  const target = decision.decision === "edit" ? { ...call, args: decision.args } : call;
  const tool = tools.get(call.name);
  if (tool === undefined)
    return {
      call: target,
      answer: errorToolMessage(target, `Error: there is no tool named "${call.name}".`),
    };
  return { call: target, tool };
}

/**
 * Checks a decision's signature when the agent has a secret. An expired one may still reject
 * its call (rejecting runs nothing, and is the way on once an approval has lapsed).
 */
async function checkSignature(
  call: ToolCall & { id: string },
  decision: ApprovalDecision,
  context: ResumeContext,
): Promise<void> {
  const { signer } = context;
  if (signer === undefined) return;
  const signature = decision.signature;
  const check =
    signature === undefined ? { ok: false } : await signer.verify(call, signature, context.signature);
  if (check.ok) return;
  const expiredAt = "expiredAt" in check ? check.expiredAt : undefined;
  if (expiredAt !== undefined) {
    if (decision.decision === "reject") return;
    throw new ApprovalError({
      problem: "expired",
      approvalId: decision.approvalId,
      message:
        `The approval "${decision.approvalId}" expired at ${new Date(expiredAt).toISOString()} (approvalTtlMs); ` +
        'reject it ({ decision: "reject" }) and let the model ask again',
    });
  }
  throw new ApprovalError({
    problem: "invalid_signature",
    approvalId: decision.approvalId,
    message:
      signature === undefined
        ? `The decision for "${decision.approvalId}" has no signature; send back the one its pending call came with`
        : `The decision for "${decision.approvalId}" is not signed for this call, agent and conversation (forged, ` +
          "the call was changed, or it was issued by another agent or for another configurable.thread_id)",
  });
}

function unmatched(approvalId: string, detail: string): ApprovalError {
  return new ApprovalError({
    problem: "unmatched_decision",
    approvalId,
    message: `Cannot resume the agent: ${detail}`,
  });
}

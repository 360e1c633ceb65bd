import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ToolCall } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";
import { ApprovalError } from "./approval-error.js";
import type { ApprovalSigner } from "./approval-signature.js";
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

/** A step's planned calls split by the policies: those to run (or answered: denied), and those to ask about. */
export async function gateCalls(
  calls: readonly PlannedCall[],
  policies: Readonly<Record<string, ApprovalPolicy>> | undefined,
): Promise<{ run: PlannedCall[]; ask: PlannedCall[] }> {
  const run: PlannedCall[] = [];
  const ask: PlannedCall[] = [];
  for (const planned of calls) {
    const policy = planned.tool === undefined ? undefined : policies?.[planned.call.name];
    const verdict =
      policy === undefined ? "approve" : policy === "always" ? "ask" : await policy(planned.call);
    if (verdict === "ask") ask.push(planned);
    else if (verdict === "deny")
      run.push({
        call: planned.call,
        answer: errorToolMessage(planned.call, "Error: the approval policy denied this call."),
      });
    else run.push(planned);
  }
  return { run, ask };
}

/** The interrupt for the calls asked about, each signed when there is a signer. */
export async function interruptFor(
  ask: readonly PlannedCall[],
  signer: ApprovalSigner | undefined,
): Promise<AgentInterrupt> {
  const pending = await Promise.all(
    ask.map(async ({ call }): Promise<PendingApproval> => {
      const item: PendingApproval = { approvalId: approvalIdOf(call), toolCall: call };
      if (signer !== undefined) item.signature = await signer.sign(call);
      return item;
    }),
  );
  return { pending };
}

/** The last AI reply of the history, when it has calls that no ToolMessage after it answers. */
function pendingCalls(
  history: readonly BaseMessage[],
): { index: number; reply: AIMessage; calls: (ToolCall & { id: string })[] } | undefined {
  for (let index = history.length - 1; index >= 0; index--) {
    const reply = history[index];
    if (!AIMessage.isInstance(reply)) continue;
    const answered = new Set(
      history
        .slice(index + 1)
        .flatMap((later) => (ToolMessage.isInstance(later) ? [later.tool_call_id] : [])),
    );
    const calls = reply.tool_calls.flatMap((call) =>
      call.id !== undefined && !answered.has(call.id) ? [{ ...call, id: call.id }] : [],
    );
    return calls.length === 0 ? undefined : { index, reply, calls };
  }
  return undefined;
}

/** What resuming needs: the agent's tools and signer. */
export interface ResumeContext {
  readonly tools: ReadonlyMap<string, AgentTool>;
  readonly signer: ApprovalSigner | undefined;
}

/**
 * Resumes an interrupted run from the history the caller sends back: the last reply's calls that
 * have no ToolMessage are the pending ones, and each needs a decision (signed, with a secret).
 * Returns the calls to run (approved, or edited: the history's reply is replaced by a copy with
 * the edited arguments) or to answer (rejected, with the reason), or undefined when nothing is
 * pending. Throws an `ApprovalError` before anything runs when a decision is missing, unknown,
 * unsigned or signed for another call.
 */
export async function resumeApprovals(
  history: BaseMessage[],
  decisions: readonly ApprovalDecision[] | undefined,
  context: ResumeContext,
): Promise<PlannedCall[] | undefined> {
  const pending = pendingCalls(history);
  const byId = new Map((decisions ?? []).map((decision) => [decision.approvalId, decision]));
  if (pending === undefined) {
    const [stray] = byId.keys();
    if (stray !== undefined) throw unmatched(stray, `no pending call has the approval id "${stray}"`);
    return undefined;
  }
  const planned: PlannedCall[] = [];
  const edited: ToolCall[] = [];
  for (const call of pending.calls) {
    const approvalId = approvalIdOf(call);
    // A UI that keys approvals by the call's id (as `@ai-sdk/langchain` does) is understood too.
    const decision = byId.get(approvalId) ?? byId.get(call.id);
    byId.delete(approvalId);
    byId.delete(call.id);
    if (decision === undefined) {
      throw unmatched(
        approvalId,
        `the call "${call.id}" of ${call.name} waits for a decision: pass approvals: [{ approvalId: "${approvalId}", decision }]`,
      );
    }
    await checkSignature(call, decision, context.signer);
    const next = decide(call, decision, context.tools);
    planned.push(next);
    edited.push(next.call);
  }
  const [stray] = byId.keys();
  if (stray !== undefined) throw unmatched(stray, `no pending call has the approval id "${stray}"`);
  if (planned.some((item, position) => item.call !== pending.calls[position])) {
    const calls = pending.reply.tool_calls.map((call) => edited.find((item) => item.id === call.id) ?? call);
    history[pending.index] = withToolCalls(pending.reply, calls);
  }
  return planned;
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

async function checkSignature(
  call: ToolCall & { id: string },
  decision: ApprovalDecision,
  signer: ApprovalSigner | undefined,
): Promise<void> {
  if (signer === undefined) return;
  const signature = decision.signature;
  if (signature !== undefined && (await signer.verify(call, signature))) return;
  throw new ApprovalError({
    problem: "invalid_signature",
    approvalId: decision.approvalId,
    message:
      signature === undefined
        ? `The decision for "${decision.approvalId}" has no signature; send back the one its pending call came with`
        : `The decision for "${decision.approvalId}" is not signed for the call in the history (forged, or the call was changed)`,
  });
}

function unmatched(approvalId: string, detail: string): ApprovalError {
  return new ApprovalError({
    problem: "unmatched_decision",
    approvalId,
    message: `Cannot resume the agent: ${detail}`,
  });
}

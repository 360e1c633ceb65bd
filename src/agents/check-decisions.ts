import { isPlainObject } from "../internal/is-plain-object.js";
import { ApprovalError } from "./approval-error.js";
import type { ApprovalDecision } from "./approvals.js";

const KINDS = '"approve", "edit" or "reject"';

/** A value for an error message: short, whatever it is (a client may send megabytes). */
export function shown(value: unknown): string {
  const text = typeof value === "string" ? JSON.stringify(value) : (JSON.stringify(value) ?? String(value));
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * The decisions of a resumed call (`input.approvals`), checked entry by entry since they come
 * from a client: a decision kind other than approve, edit or reject must not count as an
 * approval, and a malformed entry is an `ApprovalError` (`invalid_decision`) naming it.
 */
export function checkDecisions(value: unknown): readonly ApprovalDecision[] | undefined {
  if (value === undefined) return undefined;
  if (!Array.isArray(value)) {
    throw invalid(
      "",
      'an agent\'s approvals are a list of decisions, e.g. [{ approvalId, decision: "approve" }]',
    );
  }
  return value.map((entry: unknown, index) => checkDecision(entry, `approvals[${index}]`));
}

function checkDecision(entry: unknown, where: string): ApprovalDecision {
  if (!isPlainObject(entry)) {
    throw invalid("", `${where} is ${shown(entry)}; a decision is { approvalId, decision: ${KINDS} }`);
  }
  const { approvalId, decision, signature } = entry;
  if (typeof approvalId !== "string" || approvalId === "") {
    throw invalid(
      "",
      `${where}.approvalId is ${shown(approvalId)}; it is the pending call's approvalId (or its call id)`,
    );
  }
  if (signature !== undefined && typeof signature !== "string") {
    throw invalid(
      approvalId,
      `${where}.signature is ${shown(signature)}; send back the string the pending call came with`,
    );
  }
  const signed = signature === undefined ? {} : { signature };
  if (decision === "approve") return { approvalId, ...signed, decision };
  if (decision === "edit") {
    const { args } = entry;
    if (!isPlainObject(args)) {
      throw invalid(
        approvalId,
        `${where} is an edit whose args is ${shown(args)}; an edit carries the new arguments object`,
      );
    }
    return { approvalId, ...signed, decision, args };
  }
  if (decision === "reject") {
    const { reason } = entry;
    if (reason !== undefined && typeof reason !== "string") {
      throw invalid(
        approvalId,
        `${where}.reason is ${shown(reason)}; a rejection's reason is text the model reads`,
      );
    }
    return { approvalId, ...signed, decision, reason };
  }
  throw invalid(approvalId, `${where}.decision is ${shown(decision)}; it must be ${KINDS}`);
}

function invalid(approvalId: string, detail: string): ApprovalError {
  return new ApprovalError({
    problem: "invalid_decision",
    approvalId,
    message: `Cannot resume the agent: ${detail}`,
  });
}

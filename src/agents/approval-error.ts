import { InvalidInputError } from "../errors/input-errors.js";
import { hasMarker, type RivuletErrorOptions } from "../errors/rivulet-error.js";

const APPROVAL_ERROR = Symbol.for("rivulet.error.ApprovalError");

/** What is wrong with a resumed agent's approvals. */
export type ApprovalProblem =
  /** A decision's signature does not match the pending call in the history (forged, or its call edited). */
  | "invalid_signature"
  /** A pending call has no decision, or a decision names no pending call. */
  | "unmatched_decision"
  /** Two decisions name the same pending call (by its approval id or its call id). */
  | "duplicate_decision"
  /** A decision is not `{ approvalId, decision: "approve" | "edit" | "reject", ... }` as documented. */
  | "invalid_decision"
  /** The history after the pending reply is not only its answered calls' ToolMessages (messages were added or moved). */
  | "history_changed"
  /** The decision's signature is valid but its lifetime (`approvalTtlMs`) is over. */
  | "expired";

/**
 * A resumed agent's approval decisions cannot be used: a decision is signed for another call
 * than the one in the history (forged, or the call's arguments were edited after it was issued),
 * is unsigned while the agent has an `approvalSecret`, has expired, is malformed, is given twice,
 * or does not match the pending calls, or the history after the pending reply was changed. An
 * `InvalidInputError` (code `invalid_input`): the caller sent something to fix; nothing ran.
 *
 * @example
 * catch (error) { if (ApprovalError.isInstance(error) && error.problem === "invalid_signature") audit(error); }
 */
export class ApprovalError extends InvalidInputError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [APPROVAL_ERROR] = true;
  readonly problem: ApprovalProblem;
  /** The approval id the problem is about (empty when it is the history's: `history_changed`, or an entry without one). */
  readonly approvalId: string;

  constructor(
    fields: { problem: ApprovalProblem; approvalId: string; message: string },
    options: RivuletErrorOptions = {},
  ) {
    super(fields.message, options);
    this.problem = fields.problem;
    this.approvalId = fields.approvalId;
  }

  static override isInstance = hasMarker<ApprovalError>(APPROVAL_ERROR);
}

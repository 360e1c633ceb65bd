import { AbortError } from "../errors/abort-error.js";
import { hasMarker } from "../errors/rivulet-error.js";
import type { BaseMessage } from "../messages/base-message.js";

const AGENT_ABORT_ERROR = Symbol.for("rivulet.error.AgentAbortError");

/**
 * An agent run was cancelled (its `signal` aborted, its `timeout` ran out, or the reader of its
 * stream stopped), and `messages` is the history up to that point, valid for any provider: every
 * tool call of the last model reply has a ToolMessage, a `status: "error"` "cancelled" one for
 * each call that never finished. A model reply that was still streaming is left out. Resume by
 * invoking the agent again on `{ messages: error.messages }`. It is an `AbortError` (code
 * `aborted`, `isAbortError` is true); `cause` is the error the cancellation raised (an
 * `AbortError` or a `TimeoutError`).
 *
 * @example
 * try {
 *   await agent.invoke({ messages }, { signal });
 * } catch (error) {
 *   if (AgentAbortError.isInstance(error)) messages = error.messages; // a valid history to resume from
 * }
 */
export class AgentAbortError extends AbortError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [AGENT_ABORT_ERROR] = true;
  /** The history so far: input messages, finished steps, and the cancelled step's ToolMessages. */
  readonly messages: BaseMessage[];

  constructor(fields: { messages: BaseMessage[]; cause: unknown }) {
    const reason = AbortError.isInstance(fields.cause) ? fields.cause.reason : fields.cause;
    super("The agent was cancelled; error.messages holds the history so far", {
      cause: fields.cause,
      reason,
    });
    this.messages = fields.messages;
  }

  static override isInstance = hasMarker<AgentAbortError>(AGENT_ABORT_ERROR);
}

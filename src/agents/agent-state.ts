import type { BaseMessage } from "../messages/base-message.js";
import type { BaseMessageLike } from "../messages/coerce-message-like.js";
import type { UsageMetadata } from "../messages/usage-metadata.js";
import type { AgentInterrupt, ApprovalDecision } from "./approvals.js";

/**
 * What an agent is called with: the conversation so far, as message-likes of every kind a chat
 * model accepts (messages, `["user", "hi"]` tuples, `{ role, content }` objects, strings).
 *
 * @example
 * await agent.invoke({ messages: [{ role: "user", content: "Weather in Paris?" }] });
 */
export interface AgentInput {
  messages: BaseMessageLike[];
  /** Resuming an interrupted run: a decision for each pending call of the history's last reply. */
  approvals?: ApprovalDecision[] | undefined;
}

/** Which part of a step a run belongs to (the `agent_node` of its metadata), as LangGraph names the nodes. */
export type AgentNode = "model_request" | "tools";

/**
 * Why the loop ended: `"stop"` when the model answered without calling a tool (or gave its
 * structured answer), `"max_steps"` when the step limit was reached (the last step's tools ran,
 * so the history stays valid), `"interrupted"` when calls wait for a human (`interrupt`).
 */
export type AgentFinishReason = "stop" | "max_steps" | "interrupted";

/** One step of the loop as the output reports it: its number (from 1) and the model call's usage. */
export interface AgentStepSummary {
  step: number;
  /** What the step's model call reported (undefined when the model reports no usage). */
  usage: UsageMetadata | undefined;
  /** How many tool calls the step answered (valid, invalid and unknown ones alike). */
  toolCalls: number;
}

/**
 * What an agent returns: the whole history (the input's messages, then each model reply and the
 * ToolMessages answering its calls), why it stopped, and the usage summed over every step (also
 * per step in `steps`). The root run's end event carries the same object.
 */
export interface AgentOutput {
  messages: BaseMessage[];
  /** With `responseFormat`: the model's structured answer, validated by the schema (absent when it gave none). */
  structuredResponse?: unknown;
  /** With `finishReason: "interrupted"`: the calls waiting for a human's decision. */
  interrupt?: AgentInterrupt;
  finishReason: AgentFinishReason;
  usage: UsageMetadata | undefined;
  steps: AgentStepSummary[];
}

import type { BaseMessage } from "../messages/base-message.js";
import type { ToolCall } from "../messages/tool-call.js";
import type { BaseChatModel } from "../models/base-chat-model.js";
import type { StructuredTool } from "../tools/structured-tool.js";
import type { ToolSchema } from "../tools/validate-tool-args.js";
import type { ApprovalPolicy } from "./approvals.js";

/** A tool the agent can run: any Rivulet tool (`tool()`, `StructuredTool`, `DynamicStructuredTool`). */
export type AgentTool = StructuredTool<never, unknown, never>;

/**
 * What the agent does when a tool throws (after its run has sent `on_tool_error`):
 * - `"continue"` (default): answer the call with `ToolMessage { status: "error", content: "Error: <message>" }`
 *   and let the model decide what to do next;
 * - `"fail"`: cancel the step's other tool calls and fail the agent run with the tool's error;
 * - a function: its text is the error ToolMessage's content (it may throw to fail the run).
 */
export type OnToolError = "continue" | "fail" | ((error: unknown, call: ToolCall) => string);

/**
 * Options of `createAgent`, under LangChain v1's names.
 *
 * @example
 * createAgent({ model: "openai:gpt-4o-mini", tools: [weather], systemPrompt: "Be brief.", maxSteps: 5 });
 */
export interface CreateAgentOptions {
  /** A chat model that can `bindTools`, or a model name for `initChatModel` (`"anthropic:claude-sonnet-4-5"`). */
  model: BaseChatModel | string;
  /** The tools the model may call (bound to it with `bindTools`); none makes the agent a plain chat. */
  tools?: readonly AgentTool[] | undefined;
  /** Sent first in every model request; not part of the returned history. */
  systemPrompt?: string | BaseMessage | undefined;
  /**
   * The most steps (a model request and the tool calls it asked for) the loop takes; at the limit
   * it ends with `finishReason: "max_steps"` after the last step's tools ran. Default 25.
   */
  maxSteps?: number | undefined;
  /** How many tool calls of one model reply run at once (default: all of them). */
  toolConcurrency?: number | undefined;
  /** See {@link OnToolError}; default `"continue"`. */
  onToolError?: OnToolError | undefined;
  /**
   * A Standard Schema (zod...) or JSON Schema for a structured final answer (LangChain's tool
   * strategy): the model gets a tool of that schema and must call a tool every step; its valid
   * call ends the loop with the value as `structuredResponse`, an invalid one is answered with the
   * issues and tried again. Partial answers stream as the agent run's `structured_response`
   * custom events.
   */
  responseFormat?: ToolSchema | undefined;
  /**
   * Which tools' calls need a human, by tool name (see `ApprovalPolicy`). A call asked about stops
   * the run after the step's other calls, with `finishReason: "interrupted"` and `interrupt`;
   * invoke again with the history and `approvals` to resume. No server-side state is kept.
   */
  approval?: Readonly<Record<string, ApprovalPolicy>> | undefined;
  /**
   * Signs each pending call (HMAC-SHA-256 over tool name, call id and arguments, WebCrypto) and
   * requires every decision to carry its call's signature, so a client cannot approve a call the
   * agent never issued or change its arguments; a bad one is an `ApprovalError`. A signature is
   * bound to the agent's `name` and the call's `configurable.thread_id` too, so it does not
   * approve the call in another agent sharing the secret or in another conversation.
   */
  approvalSecret?: string | undefined;
  /**
   * How long (ms) a signed pending call can be approved, with `approvalSecret`: the expiry is in
   * the signature, and a later approval or edit is an `ApprovalError` (`expired`; a rejection
   * still answers it). Without it a signature never expires: an interrupted history can be
   * resumed (and its approved calls run) any number of times, since nothing is stored.
   */
  approvalTtlMs?: number | undefined;
  /** The clock approval expiries are read from (ms since the epoch; default `Date.now`), a test seam. */
  clock?: (() => number) | undefined;
  /** The root run's name (default `"agent"`). */
  name?: string | undefined;
}

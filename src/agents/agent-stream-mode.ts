import type { RunnableConfig } from "../config/runnable-config.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ToolRunnableConfig } from "../tools/structured-tool.js";
import type { AgentNode } from "./agent-state.js";

/**
 * What `agent.stream()` yields, in LangGraph's names: `"updates"` (default) what each step added,
 * `"messages"` each model token chunk and each ToolMessage with its step, `"values"` the whole
 * state after each step (and the input first), `"custom"` what tools write with `config.writer`.
 */
export type AgentStreamMode = "updates" | "messages" | "values" | "custom";

/** What one step added: `{ model_request: { messages: [reply] } }` or `{ tools: { messages: [...ToolMessages] } }`. */
export type AgentUpdate =
  | { model_request: { messages: BaseMessage[] }; tools?: never; __interrupt__?: never }
  | { tools: { messages: BaseMessage[] }; model_request?: never; __interrupt__?: never }
  | { __interrupt__: LangGraphInterrupt[]; model_request?: never; tools?: never };

/**
 * An interrupt as LangGraph streams it, in the shape LangChain's human-in-the-loop middleware
 * gives its value (`actionRequests`), which `@ai-sdk/langchain` turns into approval requests.
 */
export interface LangGraphInterrupt {
  value: {
    actionRequests: {
      name: string;
      args: Record<string, unknown>;
      id: string;
      approvalId: string;
      signature?: string;
    }[];
  };
}

/** The agent's state as `"values"` streams it. */
export interface AgentValues {
  messages: BaseMessage[];
  /** With `responseFormat`, once the model gave a valid structured answer. */
  structuredResponse?: unknown;
  /** In the last state of an interrupted run: the calls waiting for a human (LangGraph's key). */
  __interrupt__?: LangGraphInterrupt[];
}

/** Where a `"messages"` chunk comes from, with LangGraph's keys (its steps count each node: step N's model is 2N-1, its tools 2N). */
export interface AgentMessageMetadata {
  agent_step: number;
  agent_node: AgentNode;
  langgraph_step: number;
  langgraph_node: AgentNode;
}

/** A `"messages"` chunk: a model token chunk (or a ToolMessage) and where it comes from. */
export type AgentMessagePart = [message: AIMessageChunk | BaseMessage, metadata: AgentMessageMetadata];

/** The chunk one mode streams. */
export interface AgentStreamChunks {
  updates: AgentUpdate;
  messages: AgentMessagePart;
  values: AgentValues;
  custom: unknown;
}

/** What several modes at once stream: `[mode, chunk]` pairs. */
export type AgentStreamPair<M extends AgentStreamMode> = { [K in M]: [K, AgentStreamChunks[K]] }[M];

/** `agent.stream`'s options: a run config plus the mode or modes. */
export interface AgentStreamOptions extends RunnableConfig {
  streamMode?: AgentStreamMode | readonly AgentStreamMode[] | undefined;
}

/**
 * The config an agent's tool function receives: a tool's config plus `writer`, which sends a
 * value to `agent.stream(..., { streamMode: "custom" })` (a no-op when nobody streams that mode).
 *
 * @example
 * const search = tool(async ({ q }, config: AgentToolConfig) => {
 *   config.writer?.({ type: "progress", text: `searching ${q}` });
 *   return "results";
 * }, { name: "search", schema: z.object({ q: z.string() }) });
 */
export interface AgentToolConfig extends ToolRunnableConfig {
  writer?: ((chunk: unknown) => void) | undefined;
}

/**
 * One chunk of the AI SDK's UI message stream (protocol `v1`, what `useChat` reads), as a union
 * discriminated on `type`. Only chunk types the client accepts are listed: it fails the whole
 * stream on any other type, on a delta before its start, and on a tool output for a
 * `toolCallId` it has not seen.
 *
 * @example
 * const chunk: UIMessageChunk = { type: "text-delta", id: "t1", delta: "Hi" };
 */
export type UIMessageChunk =
  | { type: "start"; messageId?: string; messageMetadata?: unknown }
  | { type: "finish"; finishReason?: UIFinishReason; messageMetadata?: unknown }
  | { type: "abort"; reason?: string }
  | { type: "error"; errorText: string }
  | { type: "message-metadata"; messageMetadata: unknown }
  | { type: "start-step" }
  | { type: "finish-step" }
  | { type: "text-start"; id: string }
  | { type: "text-delta"; id: string; delta: string }
  | { type: "text-end"; id: string }
  | { type: "reasoning-start"; id: string }
  | { type: "reasoning-delta"; id: string; delta: string }
  | { type: "reasoning-end"; id: string }
  | { type: "tool-input-start"; toolCallId: string; toolName: string; dynamic?: boolean }
  | { type: "tool-input-delta"; toolCallId: string; inputTextDelta: string }
  | { type: "tool-input-available"; toolCallId: string; toolName: string; input: unknown; dynamic?: boolean }
  | {
      type: "tool-input-error";
      toolCallId: string;
      toolName: string;
      input: unknown;
      errorText: string;
      dynamic?: boolean;
    }
  | { type: "tool-output-available"; toolCallId: string; output: unknown; preliminary?: boolean }
  | { type: "tool-output-error"; toolCallId: string; errorText: string }
  | { type: "tool-output-denied"; toolCallId: string }
  | { type: "tool-approval-request"; approvalId: string; toolCallId: string }
  | { type: "file"; url: string; mediaType: string }
  | { type: `data-${string}`; id?: string; data: unknown; transient?: boolean };

/** Why a message finished, in the client's vocabulary. */
export type UIFinishReason = "stop" | "length" | "content-filter" | "tool-calls" | "error" | "other";

/** The `type` names of {@link UIMessageChunk}. */
export type UIMessageChunkType = UIMessageChunk["type"];

/**
 * One part of an AI SDK `UIMessage` (what `useChat` keeps and posts), as far as Rivulet writes
 * and reads them: text, reasoning, files, step boundaries, tool calls by name (`tool-<name>`) or
 * dynamic, and data parts. The tool part's `state` follows the call: `input-available` until it
 * has an answer, then `output-available` or `output-error`.
 */
export type UIMessagePart =
  | { type: "text"; text: string; state?: "streaming" | "done" }
  | { type: "reasoning"; text: string; state?: "streaming" | "done" }
  | { type: "file"; mediaType: string; url: string; filename?: string }
  | { type: "step-start" }
  | UIToolPart
  | { type: `data-${string}`; id?: string; data: unknown };

/** A tool call's part: `tool-<name>` for a tool the UI knows, `dynamic-tool` with `toolName` else. */
export type UIToolPart = { toolCallId: string } & (
  | { type: `tool-${string}`; toolName?: never }
  | { type: "dynamic-tool"; toolName: string }
) &
  (
    | { state: "input-available"; input: unknown }
    | { state: "output-available"; input: unknown; output: unknown }
    | { state: "output-error"; input: unknown; errorText: string }
  );

/**
 * An AI SDK `UIMessage`: an id, a role and its parts, as `useChat` renders and posts them.
 *
 * @example
 * const message: UIMessage = { id: "m1", role: "user", parts: [{ type: "text", text: "Hi" }] };
 */
export interface UIMessage {
  id: string;
  role: "system" | "user" | "assistant";
  metadata?: unknown;
  parts: UIMessagePart[];
}

import { InvalidInputError } from "../errors/input-errors.js";
import { isAIMessage } from "../messages/ai-message.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { StandardContentBlock } from "../messages/standard-content-block.js";
import { toChatMessages } from "../messages/to-chat-messages.js";
import { isToolMessage, type ToolMessage } from "../messages/tool-message.js";
import type { UIMessage, UIMessagePart, UIToolPart } from "./ui-message.js";

/** Options of {@link toUIMessages}. */
export interface ToUIMessagesOptions {
  /** Ids for messages that have none (default `crypto.randomUUID`). */
  readonly generateId?: (() => string) | undefined;
}

/** The assistant message being built: its parts and where each tool call's part sits. */
interface AssistantTurn {
  message: UIMessage;
  toolParts: Map<string, number>;
}

/**
 * The AI SDK `UIMessage`s for a history of Rivulet messages (a stored chat, an agent's
 * `messages`), so `useChat` can show it: system and user messages with their text and files
 * (images as `image/*` file parts); each run of AI and tool messages as one assistant message with
 * a `step-start` before each model answer, its text and reasoning parts, and one tool part per call
 * (`tool-<name>`, with the model's call id) whose state follows the tool's answer: `output-available`
 * with the tool message's content, or `output-error` with its text. An invalid tool call is an
 * `output-error` part with the raw arguments. The inverse of `fromUIMessages`: round trips keep text,
 * files, reasoning, tool calls and answers. A message kind the UI has no role for (`remove`, a
 * chat message with another role) is an `InvalidInputError`: it is not dropped silently.
 *
 * @example
 * const initialMessages = toUIMessages(await history.getMessages());
 */
export function toUIMessages(messages: unknown, options: ToUIMessagesOptions = {}): UIMessage[] {
  const generateId = options.generateId ?? (() => crypto.randomUUID());
  const out: UIMessage[] = [];
  let turn: AssistantTurn | undefined;
  toChatMessages(messages).forEach((message, index) => {
    const role = uiRole(message, index);
    if (role !== "assistant") {
      turn = undefined;
      const parts = contentParts(message.contentBlocks);
      // The AI SDK refuses a message without parts (the whole history with it): an empty one
      // keeps its place as an empty text.
      if (parts.length === 0) parts.push({ type: "text", text: "", state: "done" });
      out.push({ id: message.id ?? generateId(), role, parts });
      return;
    }
    if (turn === undefined) {
      turn = {
        message: { id: message.id ?? generateId(), role: "assistant", parts: [] },
        toolParts: new Map(),
      };
      out.push(turn.message);
    }
    if (isToolMessage(message) || message.getType() === "function") addToolAnswer(turn, message);
    else addModelStep(turn, message);
  });
  return out;
}

function uiRole(message: BaseMessage, index: number): UIMessage["role"] {
  const type = message.getType();
  if (type === "human") return "user";
  if (type === "system") return "system";
  if (type === "ai" || type === "tool" || type === "function") return "assistant";
  const role: unknown = Reflect.get(message, "role");
  if (type === "generic" && (role === "user" || role === "assistant" || role === "system")) return role;
  throw new InvalidInputError(
    `toUIMessages: message ${index} is a ${type} message${typeof role === "string" ? ` with role "${role}"` : ""}, which a UI message cannot hold; remove it or map it to a user, assistant or system message first.`,
  );
}

function contentParts(blocks: StandardContentBlock[]): UIMessagePart[] {
  const parts: UIMessagePart[] = [];
  for (const block of blocks) {
    if (block.type === "text" && block.text !== "")
      parts.push({ type: "text", text: block.text, state: "done" });
    if (block.type === "reasoning" && block.reasoning !== "") {
      parts.push({ type: "reasoning", text: block.reasoning, state: "done" });
    }
    if (block.type === "image" || block.type === "file" || block.type === "audio" || block.type === "video") {
      const file = filePart(block);
      if (file !== undefined) parts.push(file);
    }
  }
  return parts;
}

function filePart(block: {
  type: string;
  url?: string;
  data?: string;
  mimeType?: string;
}): UIMessagePart | undefined {
  const mediaType =
    block.mimeType ??
    mediaTypeOfDataUrl(block.url) ??
    `${block.type === "file" ? "application" : block.type}/*`;
  const url = block.url ?? (block.data === undefined ? undefined : `data:${mediaType};base64,${block.data}`);
  return url === undefined ? undefined : { type: "file", mediaType, url };
}

function mediaTypeOfDataUrl(url: string | undefined): string | undefined {
  return url === undefined ? undefined : /^data:([^;,]+)[;,]/.exec(url)?.[1];
}

function addModelStep(turn: AssistantTurn, message: BaseMessage): void {
  const parts = turn.message.parts;
  parts.push({ type: "step-start" }, ...contentParts(message.contentBlocks));
  if (!isAIMessage(message) && !isAIMessageChunk(message)) return;
  for (const call of message.tool_calls ?? []) {
    const toolCallId = call.id ?? `call_${turn.toolParts.size}`;
    turn.toolParts.set(toolCallId, parts.length);
    parts.push({ type: `tool-${call.name}`, toolCallId, state: "input-available", input: call.args });
  }
  for (const invalid of message.invalid_tool_calls ?? []) {
    const toolCallId = invalid.id ?? `call_${turn.toolParts.size}`;
    const errorText = invalid.error ?? "The model's tool call could not be parsed.";
    parts.push({
      type: `tool-${invalid.name ?? "unknown"}`,
      toolCallId,
      state: "output-error",
      input: invalid.args,
      errorText,
    });
  }
}

function addToolAnswer(turn: AssistantTurn, message: ToolMessage | BaseMessage): void {
  const toolCallId: unknown = Reflect.get(message, "tool_call_id");
  const id = typeof toolCallId === "string" ? toolCallId : "";
  const index = turn.toolParts.get(id);
  const call = index === undefined ? undefined : turn.message.parts[index];
  const failed = Reflect.get(message, "status") === "error";
  const answered = (base: UIToolPart): UIToolPart =>
    failed
      ? { ...base, state: "output-error", input: base.input, errorText: message.text }
      : { ...base, state: "output-available", input: base.input, output: message.content };
  if (call !== undefined && index !== undefined && isToolPart(call)) {
    turn.message.parts[index] = answered(call);
    return;
  }
  // An answer to a call this history does not hold: kept as a dynamic tool part, not dropped.
  const toolName = message.name ?? "unknown";
  turn.message.parts.push(
    answered({ type: "dynamic-tool", toolName, toolCallId: id, state: "input-available", input: {} }),
  );
}

function isToolPart(part: UIMessagePart): part is UIToolPart {
  return "toolCallId" in part;
}

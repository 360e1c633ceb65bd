import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ContentBlock } from "../messages/content-block.js";
import { HumanMessage } from "../messages/human-message.js";
import { SystemMessage } from "../messages/system-message.js";
import type { ToolCall } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";

type Part = Record<string, unknown>;

/**
 * The messages a Runnable takes for the AI SDK's `UIMessage`s (what `useChat` posts): a system
 * message's text; a user message's text and files (an `image/*` file as an image block, any
 * other as a file block, both with `url` and `mimeType`); an assistant message split at its
 * `step-start` parts into one `AIMessage` per step (text, reasoning as `reasoning` blocks, tool
 * parts as `tool_calls` with the model's ids) followed by a `ToolMessage` per tool part that has
 * an answer (`output-available`; `output-error` and `output-denied` as `status: "error"`, the
 * denial's reason as content). Data parts and sources are not sent to a model. Malformed input
 * throws an `InvalidInputError` naming the message and part to fix.
 *
 * @example
 * const messages = fromUIMessages(body.messages);
 */
export function fromUIMessages(uiMessages: unknown): BaseMessage[] {
  if (!Array.isArray(uiMessages)) throw invalid("messages", "must be an array of UI messages");
  return uiMessages.flatMap((message, index) => fromUIMessage(message, `messages[${index}]`));
}

function fromUIMessage(message: unknown, where: string): BaseMessage[] {
  if (!isNonArrayObject(message)) throw invalid(where, "must be an object { id, role, parts }");
  const parts = message.parts;
  if (!Array.isArray(parts)) throw invalid(`${where}.parts`, "must be an array of parts");
  const checked: Part[] = parts.map((part, index) => {
    if (!isNonArrayObject(part) || typeof part.type !== "string") {
      throw invalid(`${where}.parts[${index}]`, 'must be an object with a string "type"');
    }
    return part;
  });
  const id = typeof message.id === "string" ? message.id : undefined;
  switch (message.role) {
    case "system":
      return [new SystemMessage({ content: textOf(checked), ...(id === undefined ? {} : { id }) })];
    case "user":
      return [
        new HumanMessage({ content: userContent(checked, where), ...(id === undefined ? {} : { id }) }),
      ];
    case "assistant":
      return assistantMessages(checked, where);
    default:
      throw invalid(`${where}.role`, 'must be "system", "user" or "assistant"');
  }
}

function textOf(parts: Part[]): string {
  return parts
    .map((part) => (part.type === "text" && typeof part.text === "string" ? part.text : ""))
    .join("");
}

function userContent(parts: Part[], where: string): string | ContentBlock[] {
  if (parts.every((part) => part.type === "text")) return textOf(parts);
  const blocks: ContentBlock[] = [];
  parts.forEach((part, index) => {
    if (part.type === "text" && typeof part.text === "string") blocks.push({ type: "text", text: part.text });
    if (part.type !== "file") return;
    if (typeof part.url !== "string" || typeof part.mediaType !== "string") {
      throw invalid(`${where}.parts[${index}]`, "a file part needs a string url and mediaType");
    }
    const type = part.mediaType.startsWith("image/") ? "image" : "file";
    blocks.push({ type, url: part.url, mimeType: part.mediaType });
  });
  return blocks;
}

function assistantMessages(parts: Part[], where: string): BaseMessage[] {
  const out: BaseMessage[] = [];
  let step: Part[] = [];
  const flush = () => {
    if (step.length > 0) out.push(...stepMessages(step, where));
    step = [];
  };
  for (const part of parts) {
    if (part.type === "step-start") flush();
    else step.push(part);
  }
  flush();
  return out;
}

function stepMessages(parts: Part[], where: string): BaseMessage[] {
  const content: ContentBlock[] = [];
  const calls: ToolCall[] = [];
  const answers: ToolMessage[] = [];
  for (const part of parts) {
    if (part.type === "text" && typeof part.text === "string")
      content.push({ type: "text", text: part.text });
    if (part.type === "reasoning" && typeof part.text === "string") {
      content.push({ type: "reasoning", reasoning: part.text });
    }
    const type = String(part.type);
    if (!type.startsWith("tool-") && type !== "dynamic-tool") continue;
    const name = type === "dynamic-tool" ? part.toolName : type.slice("tool-".length);
    if (typeof part.toolCallId !== "string" || typeof name !== "string") {
      throw invalid(`${where}: ${type}`, "a tool part needs a string toolCallId (and toolName when dynamic)");
    }
    const args = isNonArrayObject(part.input) ? part.input : {};
    calls.push({ name, args, id: part.toolCallId, type: "tool_call" });
    const answer = toolAnswer(part, part.toolCallId, name);
    if (answer !== undefined) answers.push(answer);
  }
  const onlyText = content.every((block) => block.type === "text");
  const text = content.map((block) => (block.type === "text" ? block.text : "")).join("");
  return [new AIMessage({ content: onlyText ? text : content, tool_calls: calls }), ...answers];
}

function toolAnswer(part: Part, toolCallId: string, name: string): ToolMessage | undefined {
  if (part.state === "output-available") {
    const output = part.output;
    const content = typeof output === "string" ? output : JSON.stringify(output ?? null);
    return new ToolMessage({ content, tool_call_id: toolCallId, name });
  }
  if (part.state === "output-error") {
    const content = typeof part.errorText === "string" ? part.errorText : "The tool failed.";
    return new ToolMessage({ content, tool_call_id: toolCallId, name, status: "error" });
  }
  if (part.state === "output-denied") {
    const approval = isNonArrayObject(part.approval) ? part.approval : {};
    const reason = typeof approval.reason === "string" ? approval.reason : "The user denied this tool call.";
    return new ToolMessage({ content: reason, tool_call_id: toolCallId, name, status: "error" });
  }
  return undefined;
}

function invalid(where: string, what: string): InvalidInputError {
  return new InvalidInputError(`fromUIMessages: ${where} ${what}.`);
}

import { InvalidInputError } from "../errors/input-errors.js";
import { isAIMessage } from "./ai-message.js";
import type { BaseMessage } from "./base-message.js";
import { isChatMessage } from "./chat-message.js";
import type { ContentBlock } from "./content-block.js";
import type { ToolCall } from "./tool-call.js";

// Longer tool-call ids are cut in the transcript (only there), as @langchain/core cuts them.
const TOOL_CALL_ID_LIMIT = 64;

// Blocks that carry no text a completion model could use: left out of the transcript.
const SILENT_BLOCKS: ReadonlySet<string> = new Set([
  "reasoning",
  "tool_call",
  "tool_call_chunk",
  "invalid_tool_call",
  "server_tool_call",
  "server_tool_call_chunk",
  "server_tool_call_result",
  "non_standard",
]);

const PLACEHOLDERS: Readonly<Record<string, string>> = {
  image: "[image]",
  image_url: "[image]",
  audio: "[audio]",
  input_audio: "[audio]",
  video: "[video]",
  file: "[file]",
};

/** One block as transcript text: its text, a short placeholder (`[image]`), or nothing. */
function blockText(block: ContentBlock): string {
  const text = "text" in block && typeof block.text === "string" ? block.text : undefined;
  if (block.type === "text") return text ?? "";
  if (block.type === "text-plain") return text ?? "[text-plain file]";
  if (SILENT_BLOCKS.has(block.type)) return "";
  return PLACEHOLDERS[block.type] ?? (block.type === "" ? "" : `[${block.type}]`);
}

function shortenedIds(calls: readonly ToolCall[]): readonly ToolCall[] {
  if (!calls.some((call) => (call.id?.length ?? 0) > TOOL_CALL_ID_LIMIT)) return calls;
  return calls.map((call) =>
    call.id !== undefined && call.id.length > TOOL_CALL_ID_LIMIT
      ? { ...call, id: `${call.id.slice(0, TOOL_CALL_ID_LIMIT)}...` }
      : call,
  );
}

/** The JSON of an AI message's tool calls (or legacy `function_call`) written after its text. */
function callsText(message: BaseMessage): string {
  if (!isAIMessage(message)) return "";
  if (message.tool_calls.length > 0) return JSON.stringify(shortenedIds(message.tool_calls));
  const functionCall = message.additional_kwargs.function_call;
  return functionCall === undefined ? "" : JSON.stringify(functionCall);
}

function rolePrefix(message: BaseMessage, humanPrefix: string, aiPrefix: string): string {
  const type = message.getType();
  if (type === "human") return humanPrefix;
  if (type === "ai") return aiPrefix;
  if (type === "system") return "System";
  if (type === "tool") return "Tool";
  if (isChatMessage(message)) return message.role;
  // As in @langchain/core: a legacy function result or a removal has no transcript role.
  throw new InvalidInputError(
    `getBufferString cannot render a "${type}" message; convert a FunctionMessage to a ToolMessage, ` +
      "and apply RemoveMessages to the list before rendering it.",
  );
}

/**
 * Renders messages as a plain transcript, one `Role: text` line each, exactly as
 * `@langchain/core`'s `getBufferString` does: what a completion model (an LLM) is prompted with
 * when given messages, and what a chat prompt's `toString()` gives. A message's `name` comes
 * first (`Human: bob, hi`); text blocks are joined; images, audio, video and files show as
 * `[image]`, `[audio]`, `[video]`, `[file]`, other blocks as `[type]`, reasoning and tool-call
 * blocks not at all; an AI message's tool calls follow its text as JSON (ids over 64
 * characters cut). A ChatMessage shows its own role. A FunctionMessage or RemoveMessage is an
 * `InvalidInputError`, as `@langchain/core` refuses them too.
 *
 * @example
 * getBufferString([new HumanMessage("hi"), new AIMessage("hello")]); // "Human: hi\nAI: hello"
 */
export function getBufferString(
  messages: readonly BaseMessage[],
  humanPrefix = "Human",
  aiPrefix = "AI",
): string {
  return messages
    .map((message) => {
      const content = message.content;
      const text = typeof content === "string" ? content : content.map(blockText).join("");
      const name = message.name ? `${message.name}, ` : "";
      return `${rolePrefix(message, humanPrefix, aiPrefix)}: ${name}${text}${callsText(message)}`;
    })
    .join("\n");
}

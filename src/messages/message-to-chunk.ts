import { InvalidInputError } from "../errors/input-errors.js";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import type { BaseMessage, BaseMessageFields } from "./base-message.js";
import { ChatMessage } from "./chat-message.js";
import { ChatMessageChunk } from "./chat-message-chunk.js";
import { FunctionMessage } from "./function-message.js";
import { FunctionMessageChunk } from "./function-message-chunk.js";
import { HumanMessage } from "./human-message.js";
import { HumanMessageChunk } from "./human-message-chunk.js";
import type { BaseMessageChunk } from "./message-chunk.js";
import { isBaseMessageChunk } from "./message-chunk.js";
import { SystemMessage } from "./system-message.js";
import { SystemMessageChunk } from "./system-message-chunk.js";
import { ToolMessage } from "./tool-message.js";
import { ToolMessageChunk } from "./tool-message-chunk.js";

function baseFields(message: BaseMessage): BaseMessageFields {
  return {
    content: message.content,
    additional_kwargs: message.additional_kwargs,
    response_metadata: message.response_metadata,
    id: message.id,
    name: message.name,
  };
}

/**
 * The chunk form of a message, for folding a whole message into a stream of chunks (a chunk is
 * returned as is). An AI message's complete `tool_calls` become fragments with JSON args.
 *
 * @example
 * messageToChunk(new AIMessage("Hi")).concat(new AIMessageChunk("!")).content; // "Hi!"
 */
export function messageToChunk(message: AIMessage): AIMessageChunk;
export function messageToChunk(message: BaseMessage): BaseMessageChunk;
export function messageToChunk(message: BaseMessage): BaseMessageChunk {
  if (isBaseMessageChunk(message)) return message;
  const fields = baseFields(message);
  if (AIMessage.isInstance(message)) {
    return new AIMessageChunk({
      ...fields,
      tool_calls: message.tool_calls,
      invalid_tool_calls: message.invalid_tool_calls,
      usage_metadata: message.usage_metadata,
    });
  }
  if (ToolMessage.isInstance(message)) {
    const { tool_call_id, status, artifact } = message;
    return new ToolMessageChunk({ ...fields, tool_call_id, status, artifact });
  }
  if (ChatMessage.isInstance(message)) return new ChatMessageChunk({ ...fields, role: message.role });
  if (FunctionMessage.isInstance(message)) return new FunctionMessageChunk({ ...fields, name: message.name });
  if (message.getType() === "remove") {
    throw new InvalidInputError(
      "A RemoveMessage has no chunk form: it is an instruction, not streamed content.",
    );
  }
  // Last of the narrowing checks: a SystemMessage adds no members, so TypeScript narrows to never after it.
  if (SystemMessage.isInstance(message)) return new SystemMessageChunk(fields);
  return new HumanMessageChunk(fields);
}

/**
 * The plain message a chunk stands for, e.g. the final `AIMessage` of a folded stream: tool calls
 * are parsed from the fragments (once) and fragments are dropped. A non-chunk is returned as is.
 *
 * @example
 * chunkToMessage(chunks.reduce((a, b) => a.concat(b))); // AIMessage with tool_calls
 */
export function chunkToMessage(chunk: AIMessageChunk): AIMessage;
export function chunkToMessage(chunk: BaseMessage): BaseMessage;
export function chunkToMessage(chunk: BaseMessage): BaseMessage {
  if (!isBaseMessageChunk(chunk)) return chunk;
  const fields = baseFields(chunk);
  if (AIMessage.isInstance(chunk)) {
    return new AIMessage({
      ...fields,
      tool_calls: chunk.tool_calls,
      invalid_tool_calls: chunk.invalid_tool_calls,
      usage_metadata: chunk.usage_metadata,
    });
  }
  if (ToolMessage.isInstance(chunk)) {
    const { tool_call_id, status, artifact } = chunk;
    return new ToolMessage({ ...fields, tool_call_id, status, artifact });
  }
  if (ChatMessage.isInstance(chunk)) return new ChatMessage({ ...fields, role: chunk.role });
  if (FunctionMessage.isInstance(chunk)) return new FunctionMessage({ ...fields, name: chunk.name });
  if (SystemMessage.isInstance(chunk)) return new SystemMessage(fields);
  return new HumanMessage(fields);
}

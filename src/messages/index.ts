export { AIMessage, type AIMessageFields, isAIMessage } from "./ai-message.js";
export { AIMessageChunk, type AIMessageChunkFields, isAIMessageChunk } from "./ai-message-chunk.js";
export { AIMessageChunkAggregator } from "./ai-message-chunk-aggregator.js";
export { BaseMessage, type BaseMessageFields, isBaseMessage } from "./base-message.js";
export { ChatMessage, type ChatMessageFields, isChatMessage } from "./chat-message.js";
export { ChatMessageChunk, isChatMessageChunk } from "./chat-message-chunk.js";
export {
  type BaseMessageLike,
  coerceMessageLikeToMessage,
  type MessageLikeObject,
  type MessageRole,
} from "./coerce-message-like.js";
export type {
  ContentBlock,
  GenericContentBlock,
  ImageUrlContentBlock,
  MessageContent,
  TextContentBlock,
  ThinkingContentBlock,
  ToolUseContentBlock,
} from "./content-block.js";
export { type FilterMessagesFields, filterMessages } from "./filter-messages.js";
export { FunctionMessage, type FunctionMessageFields, isFunctionMessage } from "./function-message.js";
export { FunctionMessageChunk, isFunctionMessageChunk } from "./function-message-chunk.js";
export { getBufferString } from "./get-buffer-string.js";
export { HumanMessage, isHumanMessage } from "./human-message.js";
export { HumanMessageChunk, isHumanMessageChunk } from "./human-message-chunk.js";
export { isMessage, type Message } from "./is-message.js";
export { mergeContent } from "./merge-content.js";
export { mergeMessageChunks } from "./merge-message-chunks.js";
export { mergeMessageRuns } from "./merge-message-runs.js";
export { type BaseMessageChunk, isBaseMessageChunk } from "./message-chunk.js";
export { messageFromJSON, messagesFromJSON } from "./message-from-json.js";
export type { MessageJSON, MessageType } from "./message-json.js";
export { chunkToMessage, messageToChunk } from "./message-to-chunk.js";
export type { MessageClass, MessageTypeOrClass } from "./message-type-match.js";
export { RemoveMessage, type RemoveMessageFields } from "./remove-message.js";
export type {
  AudioContentBlock,
  DataContentBlock,
  FileContentBlock,
  ImageContentBlock,
  InvalidToolCallContentBlock,
  NonStandardContentBlock,
  PlainTextContentBlock,
  ReasoningContentBlock,
  RefusalContentBlock,
  StandardContentBlock,
  StandardTextBlock,
  ToolCallChunkContentBlock,
  ToolCallContentBlock,
  VideoContentBlock,
} from "./standard-content-block.js";
export {
  mapChatMessagesToStoredMessages,
  mapStoredMessagesToChatMessages,
  type StoredMessage,
  type StoredMessageData,
  type StoredMessageV1,
} from "./stored-message.js";
export { isSystemMessage, SystemMessage } from "./system-message.js";
export { isSystemMessageChunk, SystemMessageChunk } from "./system-message-chunk.js";
export { type ChatMessagesSource, toChatMessages } from "./to-chat-messages.js";
export { toStandardBlocks } from "./to-standard-blocks.js";
export type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";
export { isToolMessage, ToolMessage, type ToolMessageFields } from "./tool-message.js";
export { isToolMessageChunk, ToolMessageChunk } from "./tool-message-chunk.js";
export {
  defaultTextSplitter,
  type TextSplitterLike,
  type TokenCountingModel,
  type TrimMessagesFields,
  trimMessages,
} from "./trim-messages.js";
export type { InputTokenDetails, OutputTokenDetails, UsageMetadata } from "./usage-metadata.js";

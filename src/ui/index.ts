// rivulet/ui: the AI SDK's UI message stream computed from Rivulet's events (docs/ui-message-stream.md).
import "../runnables/install.js";
import "../events/install.js";

export {
  type AuthorizeChat,
  type ChatAccess,
  type ChatApp,
  type ChatHandlerOptions,
  chatHandler,
} from "./chat-handler.js";
export type { ChatRunsOptions } from "./chat-runs.js";
export { fromUIMessages } from "./from-ui-messages.js";
export { type ToUIMessageStreamOptions, toUIMessageStream, uiMessageChunks } from "./to-ui-message-stream.js";
export {
  type ToUIMessageStreamResponseOptions,
  toUIMessageStreamResponse,
} from "./to-ui-message-stream-response.js";
export { type ToUIMessagesOptions, toUIMessages } from "./to-ui-messages.js";
export type { UIMessage, UIMessagePart, UIToolPart } from "./ui-message.js";
export type { UIFinishReason, UIMessageChunk, UIMessageChunkType } from "./ui-message-chunk.js";

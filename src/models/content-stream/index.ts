export { ChatModelStream } from "./chat-model-stream.js";
export type {
  BlockDelta,
  ChatModelStreamEvent,
  ContentBlockDelta,
  ContentBlockDeltaEvent,
  ContentBlockFinishEvent,
  ContentBlockStartEvent,
  DataDelta,
  FinishReason,
  MessageFinishEvent,
  MessageStartEvent,
  ProviderEvent,
  ReasoningDelta,
  StreamErrorEvent,
  TextDelta,
  ToolCallDelta,
  UsageUpdateEvent,
} from "./chat-model-stream-event.js";
export { chatModelStreamFromChunks } from "./chat-model-stream-from-chunks.js";
export { ChunkEventDeriver } from "./chunk-event-deriver.js";
export { attachNativeStreamEvents } from "./native-stream-events.js";
export { ReasoningContentStream } from "./reasoning-content-stream.js";
export type {
  StreamContentBlock,
  StreamInvalidToolCallBlock,
  StreamNonStandardBlock,
  StreamReasoningBlock,
  StreamTextBlock,
  StreamToolCallBlock,
  StreamToolCallChunkBlock,
} from "./stream-content-block.js";
export { StreamEventWriter } from "./stream-event-writer.js";
export { TextContentStream } from "./text-content-stream.js";
export { type ToolCallArgsDelta, ToolCallsStream } from "./tool-calls-stream.js";
export { UsageMetadataStream } from "./usage-metadata-stream.js";

// rivulet/testing: fakes and helpers for tests, shipped so users test their chains the way we do.
import "../runnables/install.js";
import "../events/install.js";
import "../tools/install.js";

export { FakeChatModel } from "./fake-chat-model.js";
export type { DelayFn, FakeTimingOptions } from "./fake-delay.js";
export { FakeEchoChatModel } from "./fake-echo-chat-model.js";
export { FakeEmbeddings } from "./fake-embeddings.js";
export { FakeListChatMessageHistory } from "./fake-list-chat-message-history.js";
export {
  type FakeChunking,
  FakeListChatModel,
  type FakeListChatModelCallOptions,
  type FakeListChatModelFields,
  splitText,
} from "./fake-list-chat-model.js";
export { FakeLLM, type FakeLLMFields } from "./fake-llm.js";
export { FakeRetriever, type FakeRetrieverFields } from "./fake-retriever.js";
export { FakeStreamingChatModel, type FakeStreamingChatModelFields } from "./fake-streaming-chat-model.js";
export { FakeStreamingLLM } from "./fake-streaming-llm.js";
export { FakeTool, type FakeToolParams } from "./fake-tool.js";
export type { FakeToolStyle } from "./fake-tool-style.js";
export { type RecordedEntry, RunRecorder } from "./run-recorder.js";
export { type ScriptedResponseOptions, scriptedResponseChunks } from "./scripted-response-chunks.js";
export { fromArray, normalizeIds, toArray } from "./stream-helpers.js";
export { SyntheticEmbeddings, type SyntheticEmbeddingsFields } from "./synthetic-embeddings.js";

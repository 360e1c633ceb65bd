import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseLanguageModelInput } from "../messages/base-language-model-input.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { GenerationChunk } from "../streams/generation-chunk.js";

/** The fields every event carries, whatever happened. */
export interface EventEnvelope<E extends string, D> {
  event: E;
  /** The run's name (`runName`, else the runnable's name); for custom events, the event's name. */
  name: string;
  run_id: string;
  /** Ancestor run ids from the root of this stream down to the parent; `[]` for the root. */
  parent_ids: string[];
  tags: string[];
  metadata: Record<string, unknown>;
  data: D;
}

/** A chat model's input as events show it (nested runs): one list of messages per prompt. */
export interface ChatModelInput {
  messages: BaseMessage[][];
}
/** An LLM's input as events show it (nested runs). */
export interface LLMInput {
  prompts: string[];
}
/** An LLM's output as events show it (`@langchain/core`'s `LLMResult` of a streamed completion). */
export interface LLMOutput {
  generations: Array<Array<{ text: string; generationInfo: Record<string, unknown> }>>;
  llmOutput: Record<string, unknown>;
}
/** A retriever's input as events show it (nested runs). */
export interface RetrieverInput {
  query: string;
}

/**
 * A chat model's or LLM's input in its events: as it presents it in a nested run
 * (`{ messages: [[...]] }`, `{ prompts: [...] }`), and as it was called with (a string,
 * message-likes, a prompt value) when it is the root of the stream.
 */
export type LanguageModelEventInput<Presented> = Presented | BaseLanguageModelInput;
/** A retriever's input in its events: `{ query }` in a nested run, the query string at the root. */
export type RetrieverEventInput = RetrieverInput | string;

/** `data` of a start event: the input when it is known at start (absent when it is streamed in). */
export interface StartData<I = unknown> {
  input?: I;
}
/** `data` of a stream event. */
export interface ChunkData<C = unknown> {
  chunk: C;
}
/** `data` of an end event: the output, and (except for the root) the aggregated input. */
export interface EndData<O = unknown, I = unknown> {
  output: O;
  input?: I;
}
/** `data` of an error event: the error, and the input as far as it was known. */
export interface ErrorData<I = unknown> {
  error: unknown;
  input?: I;
}

type Lifecycle<T extends string, I, C, O> =
  | EventEnvelope<`on_${T}_start`, StartData<I>>
  | EventEnvelope<`on_${T}_stream`, ChunkData<C>>
  | EventEnvelope<`on_${T}_end`, EndData<O, I>>
  | EventEnvelope<`on_${T}_error`, ErrorData<I>>;

/** Events of chains, lambdas, sequences, maps and every other generic runnable. */
export type ChainEvent = Lifecycle<"chain", unknown, unknown, unknown>;
/** Events of prompt templates. */
export type PromptEvent = Lifecycle<"prompt", unknown, unknown, unknown>;
/** Events of output parsers. */
export type ParserEvent = Lifecycle<"parser", unknown, unknown, unknown>;
/** Events of chat models: chunks are `AIMessageChunk`s, the output is their aggregate. */
export type ChatModelEvent = Lifecycle<
  "chat_model",
  LanguageModelEventInput<ChatModelInput>,
  AIMessageChunk,
  AIMessageChunk
>;
/** Events of text-completion LLMs: each chunk is a `GenerationChunk` (`chunk.text`), the output an `LLMOutput`. */
export type LLMEvent = Lifecycle<"llm", LanguageModelEventInput<LLMInput>, GenerationChunk, LLMOutput>;
/**
 * What a tool run's v2 events add to `data` when the tool was invoked with a model's `ToolCall`
 * (an agent's tool runs always are): the call's id, so a UI joins the run to the model's call.
 */
export interface ToolCallData {
  tool_call_id?: string;
}
/** Events of tools: the input is the tool's arguments; `data.tool_call_id` names the model's call. */
export type ToolEvent =
  | EventEnvelope<"on_tool_start", StartData & ToolCallData>
  | EventEnvelope<"on_tool_stream", ChunkData & ToolCallData>
  | EventEnvelope<"on_tool_end", EndData & ToolCallData>
  | EventEnvelope<"on_tool_error", ErrorData & ToolCallData>;
/** Events of retrievers: the output is the list of documents. */
export type RetrieverEvent = Lifecycle<"retriever", RetrieverEventInput, unknown[], unknown[]>;
/** A custom event sent with `dispatchCustomEvent`: `name` is its name, `data` its payload. */
export type CustomEvent = EventEnvelope<"on_custom_event", unknown>;

/**
 * One event of `streamEvents` (v2): a union discriminated on `event`, so a `switch` narrows
 * `data` (LangChain.js types it as `any`).
 *
 * @example
 * for await (const e of chain.streamEvents(input, { version: "v2" })) {
 *   switch (e.event) {
 *     case "on_chat_model_stream": process.stdout.write(e.data.chunk.text); break; // AIMessageChunk
 *     case "on_chain_end": console.log(e.data.output); break;
 *   }
 * }
 */
export type StreamEvent =
  | ChainEvent
  | PromptEvent
  | ParserEvent
  | ChatModelEvent
  | LLMEvent
  | ToolEvent
  | RetrieverEvent
  | CustomEvent;

/** The event names of `StreamEvent`. */
export type StreamEventName = StreamEvent["event"];

/** A chat model's token counts as v1's `llmOutput.tokenUsage` shows them (from `usage_metadata`). */
export interface TokenUsageV1 {
  promptTokens: number;
  completionTokens: number;
  totalTokens: number;
}
/** One generation of a chat model in v1 (LangChain's `ChatGenerationChunk`): the aggregated message and its text. */
export interface ChatGenerationV1 {
  text: string;
  /** The message's `response_metadata` (LangChain merges a chunk's generation info into it). */
  generationInfo: Record<string, unknown>;
  message: AIMessageChunk;
}
/** A chat model's output in v1 (LangChain's `LLMResult`); `llmOutput` is set when the model reported usage. */
export interface ChatModelOutputV1 {
  generations: ChatGenerationV1[][];
  llmOutput: { tokenUsage: TokenUsageV1 } | undefined;
}
/** A retriever's output in v1: the documents under `documents`. */
export interface RetrieverOutputV1 {
  documents: unknown[];
}

type EventData<E extends StreamEvent["event"]> = Extract<StreamEvent, { event: E }>["data"];
type LLMEndOutput = EventData<"on_llm_end">["output"];

/**
 * v1 events of chat models and LLMs alike: v1 names a chat model's events `on_llm_*` (and its
 * filters match it as type `llm`), its chunks are `AIMessageChunk`s and its end output is a
 * `ChatModelOutputV1`; an LLM's chunks are its text, as `@langchain/core`'s v1 streams them
 * (v2 wraps them in `GenerationChunk`s), and its other data are as in v2.
 */
export type LLMEventV1 = Lifecycle<
  "llm",
  LanguageModelEventInput<ChatModelInput | LLMInput>,
  AIMessageChunk | string,
  ChatModelOutputV1 | LLMEndOutput
>;
/** v1 events of retrievers: the end output is `{ documents }`. */
export type RetrieverEventV1 = Lifecycle<"retriever", RetrieverEventInput, unknown[], RetrieverOutputV1>;

type WithoutParentIds<E> = E extends unknown ? Omit<E, "parent_ids"> : never;

/**
 * One event of `streamEvents` with `version: "v1"`: the v2 envelope without `parent_ids`,
 * discriminated on `event` like `StreamEvent`. As in `@langchain/core`'s v1, a chat model
 * reports as `on_llm_*` (there is no `on_chat_model_*` event) and a retriever ends with
 * `{ documents }`.
 *
 * @example
 * for await (const e of chain.streamEvents(input, { version: "v1" })) {
 *   if (e.event === "on_llm_end") console.log(e.data.output.generations[0]?.[0]?.text);
 * }
 */
export type StreamEventV1 = WithoutParentIds<
  ChainEvent | PromptEvent | ParserEvent | LLMEventV1 | ToolEvent | RetrieverEventV1 | CustomEvent
>;

/** The event names of `StreamEventV1`. */
export type StreamEventNameV1 = StreamEventV1["event"];

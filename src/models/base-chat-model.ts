import type { RunPresentation } from "../callbacks/run.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { throwIfAborted } from "../internal/abort.js";
import { mapStream } from "../internal/async-streams.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { AIMessageChunk, isAIMessageChunk } from "../messages/ai-message-chunk.js";
import { AIMessageChunkAggregator } from "../messages/ai-message-chunk-aggregator.js";
import type { BaseMessage } from "../messages/base-message.js";
import { toChatMessages } from "../messages/to-chat-messages.js";
import { Runnable } from "../runnables/runnable.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "./chat-model-call-options.js";
import { chatModelLLMResult } from "./chat-model-llm-result.js";
import { lsProviderFromName } from "./ls-provider-from-name.js";
import { tracingCallOptions } from "./tracing-call-options.js";

/** A chat model's input in events: `{ messages: [[...]] }`, or as given when not message-like. */
const CHAT_MODEL_PRESENTATION: RunPresentation = {
  input(input: unknown): unknown {
    try {
      return { messages: [toChatMessages(input)] };
    } catch {
      return input; // not message-like: show it as given rather than lose it
    }
  },
  chunkText: (chunk) => (isAIMessageChunk(chunk) ? chunk.text : undefined),
  llmResult: (output) => (isAIMessageChunk(output) ? chatModelLLMResult(output) : undefined),
};

/** Fields every chat model shares. */
export interface BaseChatModelFields {
  /** The model's name as the provider knows it (shown as `ls_model_name`). */
  model?: string | undefined;
  /** Sampling temperature: a non-negative finite number (providers may bound it further). */
  temperature?: number | undefined;
  /** Most tokens to generate: a positive integer. */
  maxTokens?: number | undefined;
  name?: string | undefined;
}

/**
 * Base of every chat model. A provider implements one method, `_streamChunks`, which yields
 * `AIMessageChunk`s for a list of messages; everything else follows: `invoke` aggregates the
 * chunks, `stream` yields them, and under an event observer (`streamEvents`, a callback
 * handler) even `invoke` streams, so tokens appear as `on_chat_model_stream` events. Chunks
 * without an id get `run-<run_id>`. Runs carry `ls_*` metadata.
 *
 * @example
 * class ShoutModel extends BaseChatModel {
 *   _llmType() { return "shout"; }
 *   async *_streamChunks(messages: BaseMessage[]) {
 *     for (const word of messages.at(-1)!.text.toUpperCase().split(" ")) yield new AIMessageChunk(word + " ");
 *   }
 * }
 */
export abstract class BaseChatModel<
  CallOptions extends ChatModelCallOptions = ChatModelCallOptions,
> extends Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk> {
  readonly model: string | undefined;
  readonly temperature: number | undefined;
  readonly maxTokens: number | undefined;
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };

  constructor(fields: BaseChatModelFields = {}) {
    super();
    this.model = fields.model;
    // Checked here: a NaN from an unset environment variable would otherwise reach the provider.
    this.temperature = checkNumberOption("temperature", fields.temperature, "non-negative-number");
    this.maxTokens = checkNumberOption("maxTokens", fields.maxTokens, "positive-integer");
    if (fields.name !== undefined) this.name = fields.name;
  }

  override get runType() {
    return "chat_model" as const;
  }

  /** The provider's identifier (`openai`, `anthropic`, `fake`...), shown as `ls_provider`. */
  abstract _llmType(): string;

  /**
   * The one method a provider implements: stream the response to `messages` as chunks.
   * `options` carries the call options and the run's `signal` (pass it to `fetch`).
   */
  abstract _streamChunks(
    messages: BaseMessage[],
    options: CallOptions,
    scope: RunScope,
  ): AsyncIterable<AIMessageChunk>;

  /**
   * The `ls_*` metadata of this model's runs for a call with `options`, derived as
   * `@langchain/core`'s base derives it: `ls_provider` from the name (`ChatFooBar` gives
   * `FooBar`), `ls_model_type: "chat"`, the call's `stop` as `ls_stop`; plus `ls_model_name`,
   * `ls_temperature` and `ls_max_tokens` when the model was given them. Providers override it
   * with their own identifier (`openai`), as LangChain's providers do.
   */
  getLsParams(options: ChatModelCallOptions = {}): LangSmithParams {
    const params: LangSmithParams = {
      ls_provider: lsProviderFromName(this.getName()),
      ls_model_type: "chat",
    };
    if (this.model !== undefined) params.ls_model_name = this.model;
    if (this.temperature !== undefined) params.ls_temperature = this.temperature;
    if (this.maxTokens !== undefined) params.ls_max_tokens = this.maxTokens;
    if (options.stop !== undefined) params.ls_stop = options.stop;
    return params;
  }

  /**
   * The parameters a call with `options` sends, as tracing and cost handlers read them
   * (`handleChatModelStart`'s `extraParams.invocation_params`). The base gives the model name,
   * temperature and max tokens it was given (`@langchain/core`'s base, which has none of them,
   * gives `{}`); providers override it with their request parameters (`model`, `temperature`,
   * `max_tokens`, `stream`, `tools`...).
   */
  invocationParams(_options: ChatModelCallOptions = {}): Record<string, unknown> {
    const params: Record<string, unknown> = {};
    if (this.model !== undefined) params.model = this.model;
    if (this.temperature !== undefined) params.temperature = this.temperature;
    if (this.maxTokens !== undefined) params.max_tokens = this.maxTokens;
    return params;
  }

  /** @internal */
  override runIdentity(config: RunnableConfig = {}): RunIdentity {
    let extra: Record<string, unknown> | undefined;
    // Built on first read, which happens only when the run is observed: a run nobody watches
    // never converts its tools for the handlers' invocation params.
    const tracingExtra = () =>
      (extra ??= {
        options: tracingCallOptions(config),
        invocation_params: this.invocationParams(config),
        batch_size: 1,
      });
    return {
      name: this.getName(),
      runType: "chat_model",
      metadata: { ...this.getLsParams(config) },
      get extra() {
        return tracingExtra();
      },
      presentation: CHAT_MODEL_PRESENTATION,
    };
  }

  /**
   * Calls the model once. The second argument takes the call options (`stop`, and a
   * provider's `tools`, `tool_choice`...) beside the run config, as `@langchain/core`'s chat
   * models do: `model.invoke(messages, { stop: ["\n"], signal })`.
   */
  override invoke(input: BaseLanguageModelInput, options?: CallOptions): Promise<AIMessageChunk> {
    return super.invoke(input, options);
  }

  /** Streams one call's chunks; takes the call options beside the run config, as `invoke`. */
  override stream(
    input: BaseLanguageModelInput,
    options?: CallOptions,
  ): Promise<IterableReadableStream<AIMessageChunk>> {
    return super.stream(input, options);
  }

  /** Chunks are folded as they arrive, keeping nothing per chunk (see AIMessageChunkAggregator). */
  override createAggregator(): Aggregator<AIMessageChunk, AIMessageChunk> {
    return new AIMessageChunkAggregator();
  }

  /** The call options of this run: the config as given, with the run's combined signal. */
  #options(scope: RunScope): CallOptions {
    const options = { ...scope.config } as CallOptions;
    if (scope.signal !== undefined) options.signal = scope.signal;
    return options;
  }

  override _stream(input: BaseLanguageModelInput, scope: RunScope): AsyncIterable<AIMessageChunk> {
    const messages = toChatMessages(input);
    const id = `run-${scope.runId}`;
    const signal = scope.signal;
    // A mapping iterator, not a generator: stamping ids must not cost a layer per token.
    return mapStream(this._streamChunks(messages, this.#options(scope), scope), (chunk) => {
      throwIfAborted(signal);
      if (chunk.id === undefined) chunk.id = id;
      return chunk;
    });
  }

  /** Aggregates the stream; when observed, reports each chunk so `invoke` streams under events. */
  override async _invoke(input: BaseLanguageModelInput, scope: RunScope): Promise<AIMessageChunk> {
    const aggregator = this.createAggregator();
    for await (const chunk of this._stream(input, scope)) {
      aggregator.add(chunk);
      const reported = scope.reportChunk(chunk);
      if (reported !== undefined) await reported;
    }
    return aggregator.result() ?? new AIMessageChunk({ content: "", id: `run-${scope.runId}` });
  }
}

import type { BaseCache, Generation } from "../caches/base-cache.js";
import { resolveCache } from "../caches/resolve-cache.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { InvalidInputError } from "../errors/input-errors.js";
import type {
  EventFilters,
  StreamEvent,
  StreamEventsOptions,
  StreamEventV1,
} from "../events/observation-types.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { AIMessageChunkAggregator } from "../messages/ai-message-chunk-aggregator.js";
import type { BaseMessage } from "../messages/base-message.js";
import { aiMessageJsonSchema } from "../messages/message-json-schema.js";
import { factories } from "../runnables/factories.js";
import { Runnable } from "../runnables/runnable.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { InferSchemaOutput, StandardSchemaV1 } from "../schema/standard-schema.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import type { BaseChatModelFields } from "./base-chat-model-fields.js";
import { type ModelRunDefaults, readModelRunDefaults } from "./base-language-model-params.js";
import { boundTools } from "./bound-tools.js";
import { serializedCacheKey } from "./cache-key.js";
import { type CallbackManagerForLLMRun, callbackManagerForLLMRun } from "./callback-manager-for-llm-run.js";
import type { ChatGenerationChunk } from "./chat-generation-chunk.js";
import { chatModelAnswer } from "./chat-model-answer.js";
import type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "./chat-model-call-options.js";
import { chatModelInvocationParams } from "./chat-model-invocation-params.js";
import { chatModelLsParams } from "./chat-model-ls-params.js";
import { chatModelRunIdentity } from "./chat-model-run-identity.js";
import type { ChatResult } from "./chat-result.js";
import type { ChatModelStream } from "./content-stream/chat-model-stream.js";
import { chatModelStreamFromChunks } from "./content-stream/chat-model-stream-from-chunks.js";
import { requestContentEvents } from "./content-stream/content-events-request.js";
import { foldChatAnswer } from "./fold-chat-answer.js";
import type { JsonRecord } from "./json-record.js";
import { generatedAnswer, generationChunkMessages } from "./langchain-generation.js";
import { languageModelInputJsonSchema } from "./language-model-input-json-schema.js";
import { noGenerationHook } from "./no-generation-hook.js";
import type { StructuredOutputOptions, StructuredOutputSchema } from "./structured-output.js";
import {
  type StructuredOutputRunnable,
  type StructuredOutputWithRawRunnable,
  structuredOutputPipeline,
  type WithRawOptions,
} from "./structured-output-pipeline.js";
import type { BindableTool, BindToolsOptions } from "./tool-definition.js";
import { tracingCallOptions } from "./tracing-call-options.js";

/**
 * Base of every chat model. A provider implements one method, `_streamChunks`, which yields
 * `AIMessageChunk`s for a list of messages; everything else follows: `invoke` aggregates the
 * chunks, `stream` yields them, and under an event observer (`streamEvents`, a callback
 * handler) even `invoke` streams, so tokens appear as `on_chat_model_stream` events. Chunks
 * without an id get `run-<run_id>`. Runs carry `ls_*` metadata.
 *
 * Models written `@langchain/core`'s way work unchanged: implement `_generate` (a `ChatResult`)
 * and/or `_streamResponseChunks` (`ChatGenerationChunk`s) instead. `stream` and observed calls
 * use `_streamResponseChunks` when there is one, else `_generate`'s answer as one chunk; an
 * unobserved `invoke` uses `_generate` when there is one, as LangChain does.
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
  /** The cache answers are looked up in and stored to (see `BaseChatModelFields.cache`). */
  readonly cache: BaseCache<Generation[]> | undefined;
  /** The call options the hooks receive, under `@langchain/core`'s name (`options: this["ParsedCallOptions"]`). */
  declare ParsedCallOptions: CallOptions;
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };

  constructor(fields: BaseChatModelFields = {}) {
    super();
    this.model = fields.model;
    // Checked here: a NaN from an unset environment variable would otherwise reach the provider.
    this.temperature = checkNumberOption("temperature", fields.temperature, "non-negative-number");
    this.maxTokens = checkNumberOption("maxTokens", fields.maxTokens, "positive-integer");
    if (fields.name !== undefined) this.name = fields.name;
    this.cache = resolveCache(fields.cache);
    this.#runDefaults = readModelRunDefaults(this.constructor.name, fields);
  }

  readonly #runDefaults: ModelRunDefaults;

  override get runType() {
    return "chat_model" as const;
  }

  /** A string, a list of messages or a prompt value (`languageModelInputJsonSchema`). */
  override getInputSchema(): RunnableSchema {
    return { jsonSchema: languageModelInputJsonSchema() };
  }

  /** An AI message (`aiMessageJsonSchema`). */
  override getOutputSchema(): RunnableSchema {
    return { jsonSchema: aiMessageJsonSchema() };
  }

  /** The provider's identifier (`openai`, `anthropic`, `fake`...), shown as `ls_provider`. */
  abstract _llmType(): string;

  /**
   * The one method a provider implements: stream the response to `messages` as chunks.
   * `options` carries the call options and the run's `signal` (pass it to `fetch`). The default
   * runs LangChain's hooks: `_streamResponseChunks` when the model has one, else `_generate`.
   */
  _streamChunks(
    messages: BaseMessage[],
    options: CallOptions,
    scope: RunScope,
  ): AsyncIterable<AIMessageChunk> {
    const runManager = callbackManagerForLLMRun(scope);
    const name = this.getName();
    if (this._streamResponseChunks !== BaseChatModel.prototype._streamResponseChunks) {
      return generationChunkMessages(this._streamResponseChunks(messages, options, runManager), name);
    }
    if (this._generate === BaseChatModel.prototype._generate) throw noGenerationHook(name);
    return generatedAnswer(() => this._generate(messages, options, runManager), name);
  }

  /**
   * `@langchain/core`'s whole-answer hook, for models ported from it: answer `messages` with a
   * `ChatResult` (its first generation's message is the answer). Not called unless overridden.
   */
  async _generate(
    _messages: BaseMessage[],
    _options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    throw noGenerationHook(this.getName());
  }

  /**
   * `@langchain/core`'s streaming hook, for models ported from it: yield the answer as
   * `ChatGenerationChunk`s. Not called unless overridden.
   */
  // biome-ignore lint/correctness/useYield: the default only says the hook is not implemented
  async *_streamResponseChunks(
    _messages: BaseMessage[],
    _options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    throw noGenerationHook(this.getName());
  }

  /** `@langchain/core`'s model kind in cache keys (`_model`). */
  _modelType(): string {
    return "base_chat_model";
  }

  /** The parameters that tell this model's answers apart in cache keys (default: the invocation params). */
  _identifyingParams(): Record<string, unknown> {
    return this.invocationParams();
  }

  /**
   * The cache key of a call's parameters, as `@langchain/core` derives it: the identifying
   * params, the call options (run-config keys such as callbacks, tags and the signal left out),
   * `_type` (`_llmType()`) and `_model`, as sorted `key:JSON` pairs.
   */
  _getSerializedCacheKeyParametersForCall(options: ChatModelCallOptions): string {
    return serializedCacheKey({
      ...this._identifyingParams(),
      ...tracingCallOptions(options),
      _type: this._llmType(),
      _model: this._modelType(),
    });
  }

  /**
   * This model with `tools` bound to every call: they reach the model's hooks as
   * `options.tools` (normalised to `{ name, description, parameters }`), with `tool_choice`
   * when given. Accepts Rivulet tools, OpenAI-formatted tools, plain `{ name, description,
   * parameters }` and Anthropic's `{ name, description, input_schema }`. Providers override it
   * to send the tools in their own format.
   *
   * @example
   * const withTools = model.bindTools([weatherTool], { tool_choice: "auto" });
   * (await withTools.invoke("Weather in Paris?")).tool_calls; // what the model called
   */
  bindTools(
    tools: BindableTool[],
    options: BindToolsOptions = {},
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk> {
    return this.withConfig(boundTools(tools, options));
  }

  /**
   * A runnable whose output is an object matching `schema`: a Standard Schema (zod 4, Valibot...,
   * whose `validate` checks the final value) or a JSON Schema object. With `"functionCalling"`
   * (the default here) the model is bound to one tool whose arguments are the output and made
   * to call it (through `bindTools`, so a custom model that reads `options.tools` and answers
   * with tool calls gets it for free); with `"jsonSchema"` the provider constrains the text.
   * Partial objects stream as they grow (typed `DeepPartial<T>`), and the last chunk is the
   * validated value. With `includeRaw: true` the output is `{ raw, parsed }`, `parsed: null` and
   * `parsingError` when parsing failed.
   *
   * @example
   * const extractor = model.withStructuredOutput(z.object({ city: z.string(), days: z.number() }));
   * const { city, days } = await extractor.invoke("Three days in Lisbon, please");
   */
  withStructuredOutput<S extends StandardSchemaV1>(
    schema: S,
    options: WithRawOptions,
  ): StructuredOutputWithRawRunnable<InferSchemaOutput<S>>;
  withStructuredOutput<S extends StandardSchemaV1>(
    schema: S,
    options?: StructuredOutputOptions,
  ): StructuredOutputRunnable<InferSchemaOutput<S>>;
  withStructuredOutput<T = JsonRecord>(
    schema: JsonRecord,
    options: WithRawOptions,
  ): StructuredOutputWithRawRunnable<T>;
  withStructuredOutput<T = JsonRecord>(
    schema: JsonRecord,
    options?: StructuredOutputOptions,
  ): StructuredOutputRunnable<T>;
  withStructuredOutput(
    schema: StructuredOutputSchema,
    options: StructuredOutputOptions = {},
  ): StructuredOutputRunnable<unknown> | StructuredOutputWithRawRunnable<unknown> {
    const model = {
      bindTools: (tools: BindableTool[], bindOptions?: BindToolsOptions) =>
        this.bindTools(tools, bindOptions),
      structuredOutputMethod: this.structuredOutputMethod(),
      jsonSchemaOutputModel: (json: JsonRecord, name: string, outputOptions: StructuredOutputOptions) =>
        this.jsonSchemaOutputModel(json, name, outputOptions),
    };
    return structuredOutputPipeline(model, schema, options);
  }

  /** The structured-output method used when `withStructuredOutput` is not told (tool calling here). */
  protected structuredOutputMethod(): "jsonSchema" | "functionCalling" {
    return "functionCalling";
  }

  /**
   * This model asked for JSON text matching `schema` (`withStructuredOutput`'s `"jsonSchema"`
   * method). A model without native structured output has none: an `InvalidInputError`.
   */
  protected jsonSchemaOutputModel(
    _schema: JsonRecord,
    _name: string,
    _options: StructuredOutputOptions,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk> {
    throw new InvalidInputError(
      `${this.getName()} has no native JSON Schema output: use withStructuredOutput(schema, { method: "functionCalling" }) (answered through bindTools)`,
    );
  }

  /**
   * The `ls_*` metadata of this model's runs for a call with `options`, derived as
   * `@langchain/core`'s base derives it: `ls_provider` from the name (`ChatFooBar` gives
   * `FooBar`), `ls_model_type: "chat"`, the call's `stop` as `ls_stop`; plus `ls_model_name`,
   * `ls_temperature` and `ls_max_tokens` when the model was given them. Providers override it
   * with their own identifier (`openai`), as LangChain's providers do.
   */
  getLsParams(options: ChatModelCallOptions = {}): LangSmithParams {
    return chatModelLsParams(this.getName(), this, options);
  }

  /**
   * The parameters a call with `options` sends, as tracing and cost handlers read them
   * (`handleChatModelStart`'s `extraParams.invocation_params`). The base gives the model name,
   * temperature and max tokens it was given (`@langchain/core`'s base, which has none of them,
   * gives `{}`); providers override it with their request parameters (`model`, `temperature`,
   * `max_tokens`, `stream`, `tools`...).
   */
  invocationParams(_options: ChatModelCallOptions = {}): Record<string, unknown> {
    return chatModelInvocationParams(this);
  }

  /** @internal */
  override runIdentity(config: RunnableConfig = {}): RunIdentity {
    return chatModelRunIdentity({
      name: this.getName(),
      lsParams: this.getLsParams(config),
      config,
      invocationParams: () => this.invocationParams(config),
      defaults: this.#runDefaults,
    });
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

  /**
   * Without a `version`, one call as a content-block stream (`@langchain/core` 1.4): a
   * {@link ChatModelStream} to iterate for events, read through `.text`, `.toolCalls`,
   * `.reasoning` and `.usage`, or await for the message. The call is one run, as `stream`'s,
   * so observers and callbacks in `options` see it. With `version: "v1"` or `"v2"` (or an
   * `encoding`), the run-event stream every Runnable has.
   *
   * @example
   * const stream = model.streamEvents("Hi");
   * for await (const delta of stream.text) process.stdout.write(delta);
   * const message = await stream;
   */
  override streamEvents(
    input: BaseLanguageModelInput,
    options: StreamEventsOptions & { version: "v1"; encoding?: undefined },
    filters?: EventFilters,
  ): IterableReadableStream<StreamEventV1>;
  override streamEvents(
    input: BaseLanguageModelInput,
    options: StreamEventsOptions & { encoding: "text/event-stream" },
    filters?: EventFilters,
  ): IterableReadableStream<Uint8Array>;
  override streamEvents(
    input: BaseLanguageModelInput,
    options: StreamEventsOptions & { version: "v2"; encoding?: undefined },
    filters?: EventFilters,
  ): IterableReadableStream<StreamEvent>;
  override streamEvents(
    input: BaseLanguageModelInput,
    options?: CallOptions & { version?: undefined; encoding?: undefined },
  ): ChatModelStream;
  override streamEvents(
    input: BaseLanguageModelInput,
    options?: StreamEventsOptions,
    filters?: EventFilters,
  ): ChatModelStream | IterableReadableStream<unknown> {
    if (options?.version === undefined && options?.encoding === undefined) {
      // `super.stream` takes the options as a run config; the call options ride along in it.
      return chatModelStreamFromChunks(() => super.stream(input, requestContentEvents(options)));
    }
    // The run-event stream, as `Runnable.streamEvents` builds it (its overloads take no union).
    return factories().streamEvents(this, input, options, filters);
  }

  /** Chunks are folded as they arrive, keeping nothing per chunk (see AIMessageChunkAggregator). */
  override createAggregator(): Aggregator<AIMessageChunk, AIMessageChunk> {
    return new AIMessageChunkAggregator();
  }

  /** The answer's chunks from `_streamChunks`, ids stamped, behind the cache when there is one. */
  override _stream(input: BaseLanguageModelInput, scope: RunScope): AsyncIterable<AIMessageChunk> {
    const produce = (messages: BaseMessage[], options: CallOptions) =>
      this._streamChunks(messages, options, scope);
    return chatModelAnswer({ model: this, input, scope, produce });
  }

  /** The chunks `invoke` folds: `_generate`'s answer when unobserved and the model has one, else the stream. */
  #invokeChunks(input: BaseLanguageModelInput, scope: RunScope): AsyncIterable<AIMessageChunk> {
    if (scope.observed || this._generate === BaseChatModel.prototype._generate)
      return this._stream(input, scope);
    const produce = (messages: BaseMessage[], options: CallOptions) => {
      const runManager = callbackManagerForLLMRun(scope);
      return generatedAnswer(() => this._generate(messages, options, runManager), this.getName());
    };
    return chatModelAnswer({ model: this, input, scope, produce });
  }

  /** Aggregates the stream; when observed, reports each chunk so `invoke` streams under events. */
  override async _invoke(input: BaseLanguageModelInput, scope: RunScope): Promise<AIMessageChunk> {
    const aggregator = this.createAggregator();
    return foldChatAnswer(this.#invokeChunks(input, scope), aggregator, scope);
  }
}

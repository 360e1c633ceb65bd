import type { BaseCache, Generation } from "../caches/base-cache.js";
import { resolveCache } from "../caches/resolve-cache.js";
import type { LLMResult } from "../callbacks/callback-handler.js";
import type { RunPresentation } from "../callbacks/run.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { throwIfAborted } from "../internal/abort.js";
import { type BaseMessageLike, coerceMessageLikeToMessage } from "../messages/coerce-message-like.js";
import { getBufferString } from "../messages/get-buffer-string.js";
import { Runnable } from "../runnables/runnable.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { GenerationChunk } from "../streams/generation-chunk.js";
import {
  type BaseLanguageModelParams,
  type ModelRunDefaults,
  readModelRunDefaults,
} from "./base-language-model-params.js";
import { serializedCacheKey } from "./cache-key.js";
import { cachedTextStream } from "./cached-text-stream.js";
import type { ChatModelCallOptions, LangSmithParams } from "./chat-model-call-options.js";
import { languageModelInputJsonSchema } from "./language-model-input-json-schema.js";
import { lsProviderFromName } from "./ls-provider-from-name.js";
import { tracingCallOptions } from "./tracing-call-options.js";

/**
 * The prompt an LLM completes for an input, as `@langchain/core` builds it: a string as it is,
 * a list of messages (or message-likes) as their transcript (`Human: ...\nAI: ...`, see
 * `getBufferString`), a prompt value as its `toString()`.
 */
function promptText(input: unknown): string {
  if (!Array.isArray(input)) return String(input);
  return getBufferString(input.map((like: BaseMessageLike) => coerceMessageLikeToMessage(like)));
}

/** The prompt shown in events; an input that is not a prompt at all shows as its string (the run then fails). */
function shownPrompt(input: unknown): string {
  try {
    return promptText(input);
  } catch {
    return String(input);
  }
}

/**
 * An LLM's output as `@langchain/core` shows a streamed completion: one generation whose info is
 * the merge of its chunks' (none here: Rivulet LLMs stream text), and an empty `llmOutput`.
 */
function llmResult(text: string): LLMResult {
  return { generations: [[{ text, generationInfo: {} }]], llmOutput: {} };
}

/**
 * How an LLM's runs appear in events, as in `@langchain/core`: the input as `{ prompts: [prompt] }`,
 * each text chunk as a `GenerationChunk`, the output as an `LLMResult`.
 */
const LLM_PRESENTATION: RunPresentation = {
  input: (input) => ({ prompts: [shownPrompt(input)] }),
  output: (output) => (typeof output === "string" ? llmResult(output) : output),
  chunk: (chunk) => (typeof chunk === "string" ? new GenerationChunk({ text: chunk }) : chunk),
  llmResult: (output) => (typeof output === "string" ? llmResult(output) : undefined),
  chunkText: (chunk) => (typeof chunk === "string" ? chunk : undefined),
};

/** A text-completion model's input: a string, a list of messages (their transcript is used) or a prompt value (its text). */
export type BaseLLMInput = string | readonly BaseMessageLike[] | { toString(): string };

/** Fields every text-completion model shares (`@langchain/core`'s `BaseLLMParams`). */
export interface BaseLLMParams extends BaseLanguageModelParams {}

/**
 * Base of text-completion models (string in, string chunks out; `on_llm_*` events). A provider
 * implements `_streamText`. Like chat models, `invoke` streams under an event observer.
 *
 * @example
 * class Reverse extends BaseLLM {
 *   _llmType() { return "reverse"; }
 *   async *_streamText(prompt: string) { yield [...prompt].reverse().join(""); }
 * }
 */
export abstract class BaseLLM<
  CallOptions extends ChatModelCallOptions = ChatModelCallOptions,
> extends Runnable<BaseLLMInput, string, string> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  /** The cache completions are looked up in and stored to (see `BaseLLMParams.cache`). */
  readonly cache: BaseCache<Generation[]> | undefined;

  constructor(fields: BaseLLMParams = {}) {
    super();
    this.cache = resolveCache(fields.cache);
    this.#runDefaults = readModelRunDefaults(this.constructor.name, fields);
  }

  readonly #runDefaults: ModelRunDefaults;

  override get runType() {
    return "llm" as const;
  }

  /** A string, a list of messages or a prompt value (`languageModelInputJsonSchema`). */
  override getInputSchema(): RunnableSchema {
    return { jsonSchema: languageModelInputJsonSchema() };
  }

  /** The generated text. */
  override getOutputSchema(): RunnableSchema {
    return { jsonSchema: { type: "string" } };
  }

  /** `@langchain/core`'s model kind in cache keys (`_model`). */
  _modelType(): string {
    return "base_llm";
  }

  /** The parameters that tell this model's completions apart in cache keys (none by default, as LangChain's base). */
  _identifyingParams(): Record<string, unknown> {
    return {};
  }

  /** The cache key of a call's parameters, derived as for chat models (see `BaseChatModel`). */
  _getSerializedCacheKeyParametersForCall(options: ChatModelCallOptions): string {
    return serializedCacheKey({
      ...this._identifyingParams(),
      ...tracingCallOptions(options),
      _type: this._llmType(),
      _model: this._modelType(),
    });
  }

  /** The provider's identifier. */
  abstract _llmType(): string;

  /** The one method a provider implements: stream the completion of `prompt`. */
  abstract _streamText(prompt: string, options: CallOptions, scope: RunScope): AsyncIterable<string>;

  /**
   * The `ls_*` metadata of this LLM's runs, derived as for chat models (`ls_provider` from the
   * name, the call's `stop` as `ls_stop`) with `ls_model_type: "llm"`. `@langchain/core`'s own
   * LLM base adds none; its provider LLMs report these keys.
   */
  getLsParams(options: ChatModelCallOptions = {}): LangSmithParams {
    const params: LangSmithParams = { ls_provider: lsProviderFromName(this.getName()), ls_model_type: "llm" };
    if (options.stop !== undefined) params.ls_stop = options.stop;
    return params;
  }

  /** @internal */
  override runIdentity(config: RunnableConfig = {}): RunIdentity {
    return {
      name: this.getName(),
      runType: "llm",
      metadata: { ...this.getLsParams(config), ...this.#runDefaults.metadata },
      presentation: LLM_PRESENTATION,
      callbacks: this.#runDefaults.callbacks,
      tags: this.#runDefaults.tags,
      verbose: this.#runDefaults.verbose,
    };
  }

  // A plain function, not a generator: without a cache the completion's own generator is the
  // stream (a `yield*` here was a second generator layer per text piece).
  override _stream(input: BaseLLMInput, scope: RunScope): AsyncIterable<string> {
    const options = { ...scope.config } as CallOptions;
    if (scope.signal !== undefined) options.signal = scope.signal;
    const prompt = promptText(input);
    const produce = () => this.#completion(prompt, options, scope);
    const cache = this.cache;
    if (cache === undefined) return produce();
    const llmKey = this._getSerializedCacheKeyParametersForCall(options);
    return cachedTextStream({ cache, prompt, llmKey }, produce);
  }

  async *#completion(prompt: string, options: CallOptions, scope: RunScope): AsyncIterable<string> {
    for await (const text of this._streamText(prompt, options, scope)) {
      throwIfAborted(scope.signal);
      yield text;
    }
  }

  override async _invoke(input: BaseLLMInput, scope: RunScope): Promise<string> {
    let out = "";
    for await (const text of this._stream(input, scope)) {
      out += text;
      const reported = scope.reportChunk(text);
      if (reported !== undefined) await reported;
    }
    return out;
  }
}

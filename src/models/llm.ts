import type { RunScope } from "../engine/run-scope.js";
import { InvalidInputError } from "../errors/input-errors.js";
import type { GenerationChunk } from "../streams/generation-chunk.js";
import { BaseLLM, type BaseLLMInput } from "./base-llm.js";
import { type CallbackManagerForLLMRun, callbackManagerForLLMRun } from "./callback-manager-for-llm-run.js";
import type { ChatModelCallOptions } from "./chat-model-call-options.js";

/**
 * The simplest custom text-completion model, as in `@langchain/core`: implement `_llmType` and
 * `_call`, which completes the prompt with a string; the completion streams as one chunk.
 * Implement `_streamResponseChunks` too (yielding `GenerationChunk`s) to stream it in pieces:
 * `stream()` and observed calls then use it, an unobserved `invoke` still uses `_call`.
 *
 * @example
 * class Upper extends LLM {
 *   _llmType() { return "upper"; }
 *   async _call(prompt: string) { return prompt.toUpperCase(); }
 * }
 * await new Upper().invoke("hi"); // "HI"
 */
export abstract class LLM<
  CallOptions extends ChatModelCallOptions = ChatModelCallOptions,
> extends BaseLLM<CallOptions> {
  /** The runs an unobserved `invoke` drives: they complete with `_call`, as LangChain's `invoke` does. */
  readonly #wholeAnswerRuns = new WeakSet<RunScope>();

  /** The call options the hooks receive, under `@langchain/core`'s name. */
  declare ParsedCallOptions: CallOptions;

  /** Completes `prompt`. */
  abstract _call(
    prompt: string,
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<string>;

  /** `@langchain/core`'s streaming hook: yield the completion as `GenerationChunk`s. Not called unless overridden. */
  // biome-ignore lint/correctness/useYield: the default only marks the hook as not implemented
  async *_streamResponseChunks(
    _prompt: string,
    _options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<GenerationChunk> {
    throw new InvalidInputError(`${this.getName()} has no _streamResponseChunks: it completes with _call`);
  }

  override async *_streamText(prompt: string, options: CallOptions, scope: RunScope): AsyncIterable<string> {
    const runManager = callbackManagerForLLMRun(scope);
    const streams = this._streamResponseChunks !== LLM.prototype._streamResponseChunks;
    if (!streams || this.#wholeAnswerRuns.has(scope)) {
      yield await this._call(prompt, options, runManager);
      return;
    }
    for await (const chunk of this._streamResponseChunks(prompt, options, runManager)) {
      yield chunkText(chunk, this.getName());
    }
  }

  override _invoke(input: BaseLLMInput, scope: RunScope): Promise<string> {
    if (!scope.observed) this.#wholeAnswerRuns.add(scope);
    return super._invoke(input, scope);
  }
}

/** The text of a yielded chunk; anything but a `GenerationChunk`-like `{ text }` is an `InvalidInputError`. */
function chunkText(chunk: GenerationChunk, modelName: string): string {
  const text: unknown = chunk?.text; // ported code may yield plain { text } objects
  if (typeof text === "string") return text;
  throw new InvalidInputError(
    `${modelName}._streamResponseChunks must yield GenerationChunk({ text }), got ${typeof chunk}`,
  );
}

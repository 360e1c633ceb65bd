import type { BaseCache, Generation } from "../caches/base-cache.js";
import type { CallbackManagerForLLMRun } from "../models/callback-manager-for-llm-run.js";
import { LLM } from "../models/llm.js";

/** Options of `FakeLLM`, as `@langchain/core`'s. */
export interface FakeLLMFields {
  /** The completion of every prompt (default: the prompt itself). */
  response?: string | undefined;
  /** Fail every call with an `Error` of this message (to test error paths). */
  thrownErrorString?: string | undefined;
  name?: string | undefined;
  /** Cache completions (see `BaseLLMParams.cache`). */
  cache?: BaseCache<Generation[]> | boolean | undefined;
}

/**
 * An offline text-completion model, as `@langchain/core`'s `FakeLLM`: completes every prompt
 * with `response`, or echoes the prompt; with `thrownErrorString`, every call fails with it.
 *
 * @example
 * await new FakeLLM({ response: "42" }).invoke("The answer?"); // "42"
 */
export class FakeLLM extends LLM {
  readonly response: string | undefined;
  readonly thrownErrorString: string | undefined;

  constructor(fields: FakeLLMFields = {}) {
    super({ cache: fields.cache });
    this.response = fields.response;
    this.thrownErrorString = fields.thrownErrorString;
    if (fields.name !== undefined) this.name = fields.name;
  }

  _llmType(): string {
    return "fake";
  }

  async _call(prompt: string, _options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun) {
    if (this.thrownErrorString !== undefined) throw new Error(this.thrownErrorString);
    const response = this.response ?? prompt;
    await runManager?.handleLLMNewToken(response);
    return response;
  }
}

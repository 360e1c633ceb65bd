import type { RunPresentation } from "../callbacks/run.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import { throwIfAborted } from "../internal/abort.js";
import { Runnable } from "../runnables/runnable.js";
import type { ChatModelCallOptions } from "./chat-model-call-options.js";

/** An LLM's input in events is `{ prompts: [...] }`, its text output `{ generations: [[{ text }]] }`. */
const LLM_PRESENTATION: RunPresentation = {
  input: (input) => ({ prompts: Array.isArray(input) ? input.map(String) : [String(input)] }),
  output: (output) => (typeof output === "string" ? { generations: [[{ text: output }]] } : output),
  chunkText: (chunk) => (typeof chunk === "string" ? chunk : undefined),
};

/** A text-completion model's input: a string or a prompt value (its text is used). */
export type BaseLLMInput = string | { toString(): string };

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
  override readonly streamsOutput = true;

  override get runType() {
    return "llm" as const;
  }

  /** The provider's identifier, shown as `ls_provider`. */
  abstract _llmType(): string;

  /** The one method a provider implements: stream the completion of `prompt`. */
  abstract _streamText(prompt: string, options: CallOptions, scope: RunScope): AsyncIterable<string>;

  override runIdentity(): RunIdentity {
    return {
      name: this.getName(),
      runType: "llm",
      metadata: { ls_provider: this._llmType(), ls_model_name: this.getName(), ls_model_type: "llm" },
      presentation: LLM_PRESENTATION,
    };
  }

  override async *_stream(input: BaseLLMInput, scope: RunScope): AsyncIterable<string> {
    const options = { ...scope.config } as CallOptions;
    if (scope.signal !== undefined) options.signal = scope.signal;
    for await (const text of this._streamText(String(input), options, scope)) {
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

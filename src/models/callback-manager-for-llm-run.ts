import type { RunScope } from "../engine/run-scope.js";

/**
 * What LangChain-style model hooks (`_generate`, `_call`, `_streamResponseChunks`) receive as
 * their `runManager`, under `@langchain/core`'s name: the run's id and the two calls such hooks
 * make. The base class already reports every chunk the hook yields (`on_llm_stream` /
 * `on_chat_model_stream`, `handleLLMNewToken`), so `handleLLMNewToken` changes nothing and
 * ported code that calls it after each yield reports each token once, not twice.
 * `handleCustomEvent` dispatches a custom event from the model's run.
 *
 * @example
 * async *_streamResponseChunks(messages: BaseMessage[], options: this["ParsedCallOptions"], runManager?: CallbackManagerForLLMRun) {
 *   yield new ChatGenerationChunk({ message: new AIMessageChunk("hi") });
 *   await runManager?.handleLLMNewToken("hi"); // reported already; kept for ported code
 * }
 */
export interface CallbackManagerForLLMRun {
  /** The id of the model's run. */
  readonly runId: string;
  /** Kept for ported code: the base class reports each yielded chunk itself. */
  handleLLMNewToken(token: string, ...rest: unknown[]): Promise<void>;
  /** Dispatches a custom event (`on_custom_event`, `handleCustomEvent`) from the model's run. */
  handleCustomEvent(eventName: string, data: unknown): Promise<void>;
}

/** The run manager of a run, built on its scope. */
export function callbackManagerForLLMRun(scope: RunScope): CallbackManagerForLLMRun {
  return {
    get runId() {
      return scope.runId;
    },
    handleLLMNewToken: () => Promise.resolve(),
    handleCustomEvent: async (eventName, data) => {
      await scope.reportCustomEvent(eventName, data);
    },
  };
}

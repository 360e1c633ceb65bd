import type { BaseCache, Generation } from "../caches/base-cache.js";
import type { RunScope } from "../engine/run-scope.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { getBufferString } from "../messages/get-buffer-string.js";
import { toChatMessages } from "../messages/to-chat-messages.js";
import type { BaseLanguageModelInput, ChatModelCallOptions } from "./chat-model-call-options.js";
import { stampedAnswer } from "./stamped-answer.js";

/** What `chatModelAnswer` answers: one call's input and run, the model, and how it answers. */
export interface ChatModelAnswerOptions<CallOptions extends ChatModelCallOptions> {
  /** The model's cache (the answer is looked up there first) and its calls' cache keys. */
  readonly model: {
    readonly cache: BaseCache<Generation[]> | undefined;
    _getSerializedCacheKeyParametersForCall(options: ChatModelCallOptions): string;
  };
  readonly input: BaseLanguageModelInput;
  readonly scope: RunScope;
  /** The answer's chunks for the messages, from the model. */
  readonly produce: (messages: BaseMessage[], options: CallOptions) => AsyncIterable<AIMessageChunk>;
}

/**
 * One chat model call's answer: the input as messages, the call options (the run's config, with
 * the run's signal), and the chunks `produce` yields for them, ids stamped, behind the cache
 * when there is one (see `stampedAnswer`).
 */
export function chatModelAnswer<CallOptions extends ChatModelCallOptions>(
  answer: ChatModelAnswerOptions<CallOptions>,
): AsyncIterable<AIMessageChunk> {
  const { model, scope, produce } = answer;
  const messages = toChatMessages(answer.input);
  const options = { ...scope.config } as CallOptions;
  if (scope.signal !== undefined) options.signal = scope.signal;
  const cache = model.cache;
  return stampedAnswer({
    produce: () => produce(messages, options),
    scope,
    cache:
      cache === undefined
        ? undefined
        : {
            cache,
            prompt: getBufferString(messages),
            llmKey: model._getSerializedCacheKeyParametersForCall(options),
          },
  });
}

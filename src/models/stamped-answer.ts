import type { BaseCache, Generation } from "../caches/base-cache.js";
import type { RunScope } from "../engine/run-scope.js";
import { throwIfAborted } from "../internal/abort.js";
import { mapStream } from "../internal/async-streams.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { cachedChatStream } from "./cached-chat-stream.js";

/** What `stampedAnswer` reads: the model's chunks, the run, and the cache entry when cached. */
export interface StampedAnswerOptions {
  produce: () => AsyncIterable<AIMessageChunk>;
  scope: RunScope;
  cache: { cache: BaseCache<Generation[]>; prompt: string; llmKey: string } | undefined;
}

/**
 * A chat model's answer as its run hands it on: chunks without an id get `run-<run_id>`, an
 * aborted signal stops it between chunks, and with a cache the answer is looked up first (and
 * stored when it completes). A mapping iterator, not a generator: stamping must not cost a
 * layer per token.
 */
export function stampedAnswer(options: StampedAnswerOptions): AsyncIterable<AIMessageChunk> {
  const { produce, scope } = options;
  const id = `run-${scope.runId}`;
  const signal = scope.signal;
  const stamped = () =>
    mapStream(produce(), (chunk) => {
      throwIfAborted(signal);
      if (chunk.id === undefined) chunk.id = id;
      return chunk;
    });
  return options.cache === undefined ? stamped() : cachedChatStream(options.cache, stamped);
}

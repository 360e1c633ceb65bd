import type { Generation } from "../caches/base-cache.js";
import type { ChatCacheEntry } from "./cached-chat-stream.js";

/**
 * A text-completion model's stream behind a cache: a hit streams the stored text as one chunk;
 * a miss streams `produce()` and, once it has ended, stores `[{ text }]`. A stream left early
 * stores nothing.
 */
export async function* cachedTextStream(
  entry: ChatCacheEntry,
  produce: () => AsyncIterable<string>,
): AsyncGenerator<string> {
  const { cache, prompt, llmKey } = entry;
  const stored = await cache.lookup(prompt, llmKey);
  const first = stored?.[0];
  if (first !== undefined) {
    yield first.text;
    return;
  }
  let text = "";
  for await (const piece of produce()) {
    text += piece;
    yield piece;
  }
  const generation: Generation = { text };
  await cache.update(prompt, llmKey, [generation]);
}

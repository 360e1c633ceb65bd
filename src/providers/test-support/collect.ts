// Test support: reading a model's stream to its end, and a `sleep` seam that records its pauses.
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";

/** The outcome of reading a stream to its end: the chunks and the error that ended it, if any. */
export interface Collected {
  chunks: AIMessageChunk[];
  text: string;
  error: unknown;
}

/** Reads a model's stream fully, keeping the chunks seen before an error. */
export async function collect(stream: Promise<AsyncIterable<AIMessageChunk>>): Promise<Collected> {
  const chunks: AIMessageChunk[] = [];
  let error: unknown;
  try {
    for await (const chunk of await stream) chunks.push(chunk);
  } catch (e) {
    error = e;
  }
  return { chunks, text: chunks.map((c) => c.text).join(""), error };
}

/** A pause the transport asked for, and the signal that was to cut it short. */
export interface RecordedSleep {
  ms: number;
  signal: AbortSignal | undefined;
}

/**
 * A `sleep` seam that records the requested pauses and returns at once (`sleeps`), or, with
 * `hold`, waits until the signal it was given aborts (so a test can see the pause cancelled).
 */
export function recordingSleep(options: { hold?: boolean } = {}): {
  sleeps: number[];
  calls: RecordedSleep[];
  sleep: (ms: number, signal?: AbortSignal) => Promise<void>;
} {
  const sleeps: number[] = [];
  const calls: RecordedSleep[] = [];
  const sleep = async (ms: number, signal?: AbortSignal) => {
    sleeps.push(ms);
    calls.push({ ms, signal });
    if (options.hold !== true || signal === undefined) return;
    await new Promise<void>((_, reject) => {
      const stop = () => reject(signal.reason);
      if (signal.aborted) stop();
      else signal.addEventListener("abort", stop, { once: true });
    });
  };
  return { sleeps, calls, sleep };
}

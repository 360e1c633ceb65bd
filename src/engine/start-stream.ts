import type { RunOutputStream } from "./run-output-stream.js";

/** How a stream began: its first step, or the error it failed with before any chunk. */
export type StreamStart<C> = { ok: true; first: IteratorResult<C> } | { ok: false; error: unknown };

/**
 * Reads a run's first chunk. A failure before any output is returned, not thrown, so the caller
 * can try again (retry) or try something else (fallbacks): nothing has been seen yet.
 */
export async function startStream<C>(stream: RunOutputStream<C>): Promise<StreamStart<C>> {
  try {
    return { ok: true, first: await stream.next() };
  } catch (error) {
    return { ok: false, error };
  }
}

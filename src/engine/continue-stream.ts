import type { RunOutputStream } from "./run-output-stream.js";

/**
 * Yields a started stream: its first chunk, then the rest. Errors after the first chunk pass
 * through (the output is out). The run is closed when the consumer stops early.
 */
export async function* continueStream<C>(
  first: IteratorResult<C>,
  stream: RunOutputStream<C>,
): AsyncGenerator<C> {
  if (first.done === true) return;
  try {
    yield first.value;
    yield* stream;
  } finally {
    await stream.return();
  }
}

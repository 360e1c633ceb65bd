import { EmptyOutputError } from "../errors/empty-output-error.js";
import type { Aggregator } from "../streams/aggregator.js";

/**
 * Reads a Runnable's output stream to its end and folds it into the output, for `invoke` of a
 * Runnable that streams. A stream that ends without a chunk has no output: that is an
 * `EmptyOutputError` naming `runnableName`, not `undefined` typed as the output
 * (docs/decisions/2026-12-02-empty-stream-invoke.md).
 */
export async function foldOutput<C, O>(
  stream: AsyncIterable<C>,
  aggregator: Aggregator<C, O>,
  runnableName: string,
): Promise<O> {
  let chunks = 0;
  for await (const chunk of stream) {
    aggregator.add(chunk);
    chunks++;
  }
  if (chunks === 0) throw new EmptyOutputError(runnableName);
  // At least one chunk arrived, so this is the fold of real chunks (undefined only if they
  // were), not the aggregator's "nothing yet".
  return aggregator.result() as O;
}

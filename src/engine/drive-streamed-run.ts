import { AbortError, isAbortError } from "../errors/abort-error.js";
import { AbortGate, abortErrorOf } from "../internal/abort.js";
import { closeQuietly, returnQuietly } from "./close-quietly.js";
import type { OpenedRun } from "./open-streamed-run.js";
import { settled } from "./settled.js";
import type { StreamWithRunOptions } from "./stream-with-run-options.js";

/**
 * Drives an opened run: folds and reports each chunk before yielding it, and closes the run
 * however the stream ends (last chunk, error, or the consumer stopping early). Chunks are
 * reported when the runnable's output is chunks or the run is the root of a `stream()` call.
 */
export async function* driveStreamedRun<I, O, C>(
  opened: OpenedRun<I, O, C>,
  options: StreamWithRunOptions,
): AsyncGenerator<C> {
  const { runnable, lifecycle } = opened;
  const iterator = opened.source;
  const aggregator = lifecycle.observed ? runnable.createAggregator() : undefined;
  const report = lifecycle.observed && (options.root === true || runnable.shape.output === "chunks");
  const signal = lifecycle.signal;
  const gate = signal === undefined || runnable.awaitsOnlyChildRuns ? undefined : new AbortGate(signal);
  let settledRun = false;
  try {
    for (;;) {
      const step = gate === undefined ? await iterator.next() : await gate.race(iterator.next());
      if (step.done) break;
      if (signal?.aborted) throw abortErrorOf(signal);
      const chunk = step.value;
      if (aggregator !== undefined) aggregator.add(chunk);
      if (report) {
        // Per chunk: await only when an observer asked to be (`settled` would add a promise).
        const reported = lifecycle.reportChunk(chunk);
        if (reported !== undefined) await reported;
      }
      yield chunk;
    }
    settledRun = true;
  } catch (error) {
    settledRun = true;
    await closeAfterError(opened, error);
    await settled(lifecycle.fail(error));
    throw error;
  } finally {
    gate?.dispose();
    if (!settledRun) {
      // The consumer stopped early: close upstream first (inner runs end first), then this run.
      await iterator.return?.()?.catch(() => {});
      await settled(closeQuietly(opened.closeInput));
      await settled(
        lifecycle.fail(new AbortError("The consumer stopped reading the stream before it ended")),
      );
    }
  }
  // A step may finish without reading all its input: close the rest before ending the run.
  await settled(closeQuietly(opened.closeInput));
  let output: unknown;
  try {
    output = aggregator?.result();
  } catch (error) {
    // An aggregator that cannot fold what it was given fails the run rather than leave it open.
    await settled(lifecycle.fail(error));
    throw error;
  }
  await settled(lifecycle.end(output));
}

/**
 * Before a failed run closes, its children close. After an abort the source may still be running
 * (the abort won the race), so it is asked to stop without being waited on (a generator queues
 * `return` behind a pending `next`), and the child runs, which race the same signal, are awaited.
 * Any other error either came from the source (which has then finished) or was raised here
 * between two chunks (an aggregator, an observer), with the source paused at a `yield`: closing
 * it closes its child runs in order.
 */
async function closeAfterError<I, O, C>(opened: OpenedRun<I, O, C>, error: unknown): Promise<void> {
  const iterator = opened.source;
  if (isAbortError(error)) {
    void iterator.return?.()?.catch(() => {});
    await settled(closeQuietly(opened.closeInput));
    await settled(opened.lifecycle.childrenClosed());
    return;
  }
  // This run fails with the error that stopped it, not with one raised while closing.
  await returnQuietly(iterator);
  await settled(closeQuietly(opened.closeInput));
}

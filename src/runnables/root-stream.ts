import { mergeConfigs } from "../config/merge-configs.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { AbortError } from "../errors/abort-error.js";
import { IterableReadableStream } from "../streams/iterable-readable-stream.js";

/**
 * What `Runnable.stream` returns: the root run's output stream (chunks reported as the root's),
 * readable with `for await` or a web reader. Read through a web reader, the stream can be
 * cancelled while a read is pending (a client that disconnects): only then does the run get a
 * signal of its own. `for await` needs none (breaking out happens between chunks) and keeps the
 * no-signal fast path.
 */
export function rootStream<I, O, C>(
  runnable: RunnableCore<I, O, C>,
  input: I,
  config: RunnableConfig,
): IterableReadableStream<C> {
  let cancel: AbortController | undefined;
  const runConfig = () => (cancel === undefined ? config : mergeConfigs(config, { signal: cancel.signal }));
  const source = streamWithRun(runnable, { value: input }, runConfig, { root: true });
  return new IterableReadableStream(source, {
    onWebRead: () => {
      cancel = new AbortController();
    },
    onCancel: (reason) => cancel?.abort(new AbortError("The stream was cancelled by its reader", { reason })),
  });
}

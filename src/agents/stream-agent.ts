import { ensureConfig } from "../config/ensure-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { observeRun } from "../events/observe-run.js";
import { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import type { AgentStreamMode, AgentStreamOptions } from "./agent-stream-mode.js";
import { AgentStreamSink } from "./agent-stream-sink.js";

const MODES: readonly AgentStreamMode[] = ["updates", "messages", "values", "custom"];

function isMode(value: unknown): value is AgentStreamMode {
  return MODES.some((mode) => mode === value);
}

/** The modes asked for, checked, and whether they stream as `[mode, chunk]` pairs (a list was given). */
function checkModes(streamMode: AgentStreamOptions["streamMode"]): {
  modes: AgentStreamMode[];
  pairs: boolean;
} {
  const given: readonly unknown[] =
    streamMode === undefined ? ["updates"] : Array.isArray(streamMode) ? streamMode : [streamMode];
  const wrong = given.find((mode) => !isMode(mode));
  if (wrong !== undefined || given.length === 0) {
    throw new InvalidInputError(
      `streamMode must be one of ${MODES.map((mode) => `"${mode}"`).join(", ")} or a non-empty list of them; ` +
        `got ${JSON.stringify(wrong ?? streamMode)}`,
    );
  }
  return { modes: given.filter(isMode), pairs: Array.isArray(streamMode) };
}

/**
 * `agent.stream`: runs the agent as the root of an observed run whose chunks are the stream
 * modes' (`register` hands the loop its sink, by the root's run id). Reading stops the run as
 * `streamEvents` does: breaking out cancels the agent and closes every run first; an error comes
 * after the chunks before it.
 */
export function streamAgent(
  agent: RunnableCore<unknown, unknown, unknown>,
  input: unknown,
  options: AgentStreamOptions,
  register: (rootId: string, sink: AgentStreamSink | undefined) => void,
): IterableReadableStream<unknown> {
  const { streamMode, ...config } = options;
  const { modes, pairs } = checkModes(streamMode);
  let registered: string | undefined;
  const chunks = observeRun<unknown>(agent, input, ensureConfig(config), (queue, rootId) => {
    const sink = new AgentStreamSink({
      queue,
      modes,
      pairs,
      rootId,
      onRootClosed: () => register(rootId, undefined),
    });
    registered = rootId;
    register(rootId, sink);
    return sink;
  });
  // A run that never opened (an aborted signal) never closes either: its sink goes at the end.
  const unregister = () => {
    if (registered !== undefined) register(registered, undefined);
  };
  return new IterableReadableStream(unregisterAfter(chunks, unregister));
}

async function* unregisterAfter<T>(chunks: AsyncIterable<T>, unregister: () => void): AsyncGenerator<T> {
  try {
    yield* chunks;
  } finally {
    unregister();
  }
}

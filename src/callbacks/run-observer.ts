import type { Run } from "./run.js";

/**
 * Rivulet's native observer of runs, which `streamEvents` and `streamLog` are built on. It sees
 * every run's start, each streamed output chunk, and the end or error, in order. Return a
 * promise and set `awaitHandlers` to make the run wait for you (this is how a slow event
 * consumer slows the producer down instead of letting a queue grow). LangChain-style handlers
 * (`handleChainStart`...) are adapted to this interface automatically.
 */
export interface RunObserver {
  /** When true, runs wait for the promises this observer returns. */
  readonly awaitHandlers?: boolean;
  onRunStart?(run: Run): void | Promise<void>;
  /** A chunk of the run's output, before the next step (or the caller) sees it. */
  onRunStream?(run: Run, chunk: unknown): void | Promise<void>;
  onRunEnd?(run: Run): void | Promise<void>;
  onRunError?(run: Run, error: unknown): void | Promise<void>;
  /** A custom event dispatched from inside `run` with `dispatchCustomEvent`. */
  onCustomEvent?(run: Run, name: string, data: unknown): void | Promise<void>;
}

/** True when the object implements the native observer interface rather than LangChain's. */
export function isRunObserver(value: object): value is RunObserver {
  const v = value as Record<string, unknown>;
  return (
    typeof v.onRunStart === "function" ||
    typeof v.onRunEnd === "function" ||
    typeof v.onRunStream === "function" ||
    typeof v.onRunError === "function" ||
    typeof v.onCustomEvent === "function"
  );
}

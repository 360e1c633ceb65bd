import type { CallbackHandler } from "./callback-handler.js";
import { HandlerAdapter } from "./handler-adapter.js";
import { isRunObserver, type RunObserver } from "./run-observer.js";

// Kept on globalThis under a registered symbol so that two copies of the package (a bundle and
// its source, two versions in one tree) share one list: a tracer registered through one copy
// must see the runs of the other.
const SLOT = Symbol.for("rivulet.globalObservers");

interface GlobalSlot {
  observers: readonly RunObserver[];
}

function isGlobalSlot(value: unknown): value is GlobalSlot {
  return typeof value === "object" && value !== null && Array.isArray(Reflect.get(value, "observers"));
}

function slot(): GlobalSlot {
  const existing: unknown = Reflect.get(globalThis, SLOT);
  if (isGlobalSlot(existing)) return existing;
  const created: GlobalSlot = { observers: [] };
  Reflect.set(globalThis, SLOT, created);
  return created;
}

/**
 * Registers a handler or observer that sees every run started from now on, as if it were in
 * every root call's `callbacks`: how tracing (`rivulet/otel`, LangSmith through
 * `rivulet/langchain`) is switched on once for a whole process. Returns a function that removes
 * it again. Runs already started keep the observers they started with.
 *
 * @example
 * ```ts
 * const stop = addGlobalObserver({ onRunEnd: (run) => console.log(run.name, "ended") });
 * await chain.invoke(input); // logged
 * stop();
 * ```
 */
export function addGlobalObserver(handler: CallbackHandler | RunObserver): () => void {
  const observer = isRunObserver(handler) ? handler : new HandlerAdapter(handler);
  const shared = slot();
  shared.observers = [...shared.observers, observer];
  let removed = false;
  return () => {
    if (removed) return;
    removed = true;
    shared.observers = shared.observers.filter((each) => each !== observer);
  };
}

/** The observers registered with {@link addGlobalObserver}, in registration order. */
export function globalObservers(): readonly RunObserver[] {
  return slot().observers;
}

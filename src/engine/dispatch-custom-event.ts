import { CallbackManager } from "../callbacks/callback-manager.js";
import { currentRunConfig } from "../config/async-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { notifyObservers, observerCalls } from "./notify-observers.js";

/**
 * Emits a custom event from inside a run (a lambda, a generator step, a tool): observers see it
 * as `on_custom_event` with this `name` and `data`, and the `run_id` of the enclosing run. The
 * enclosing run is found implicitly; pass the run's `config` where implicit propagation is off.
 *
 * @example
 * const step = RunnableLambda.from(async (x: string) => {
 *   await dispatchCustomEvent("progress", { done: 0.5 });
 *   return x;
 * });
 */
export async function dispatchCustomEvent(
  name: string,
  data: unknown,
  config?: RunnableConfig,
): Promise<void> {
  const effective = config ?? currentRunConfig.get();
  if (effective === undefined) {
    throw new InvalidInputError(
      `dispatchCustomEvent("${name}") was called outside of a run: call it from inside a runnable, ` +
        "or pass the run's config as the third argument.",
    );
  }
  const manager = CallbackManager.from(effective.callbacks);
  const run = manager.parentRun;
  if (run === undefined) {
    if (config !== undefined && manager.observed) {
      throw new InvalidInputError(
        `dispatchCustomEvent("${name}") was given callbacks but no run to attach the event to: pass the ` +
          "config your function received (its second argument), not a new one.",
      );
    }
    return; // nobody observes the enclosing run
  }
  const notified = notifyObservers(manager.observers, observerCalls.customEvent, run, name, data);
  if (notified !== undefined) await notified;
}

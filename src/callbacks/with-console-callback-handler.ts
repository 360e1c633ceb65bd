import type { CallbackManager } from "./callback-manager.js";
import { ConsoleCallbackHandler } from "./console-callback-handler.js";
import type { RunObserver } from "./run-observer.js";

function isConsoleHandler(observer: RunObserver): boolean {
  return (
    observer instanceof ConsoleCallbackHandler || Reflect.get(observer, "name") === "console_callback_handler"
  );
}

/**
 * The manager of a run of a runnable built with `verbose: true`: `manager` plus a
 * `ConsoleCallbackHandler` that the run's children inherit, unless one is already there (as
 * `@langchain/core` adds one only when no handler has that name).
 */
export function withConsoleCallbackHandler(manager: CallbackManager): CallbackManager {
  if (manager.observers.some(isConsoleHandler)) return manager;
  return manager.withHandlers([new ConsoleCallbackHandler()]);
}

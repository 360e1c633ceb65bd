export { type AwaitAllCallbacksOptions, awaitAllCallbacks, consumeCallback } from "./background-callbacks.js";
export { BaseCallbackHandler, type BaseCallbackHandlerInput } from "./base-callback-handler.js";
export type {
  CallbackHandler,
  CallbackHandlerMethods,
  LLMResult,
  NewTokenIndices,
  Serialized,
} from "./callback-handler.js";
export { CallbackManager, type Callbacks, type RunSpec } from "./callback-manager.js";
export { ConsoleCallbackHandler, type ConsoleCallbackHandlerOptions } from "./console-callback-handler.js";
export { addGlobalObserver, globalObservers } from "./global-observers.js";
export type { Run, RunPresentation, RunType } from "./run.js";
export type { RunObserver } from "./run-observer.js";

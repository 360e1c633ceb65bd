export {
  BaseCallbackHandler,
  type CallbackHandler,
  type LLMResult,
  type NewTokenIndices,
  type Serialized,
} from "./callback-handler.js";
export { CallbackManager, type Callbacks, type RunSpec } from "./callback-manager.js";
export type { Run, RunPresentation, RunType } from "./run.js";
export type { RunObserver } from "./run-observer.js";

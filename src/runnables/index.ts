import "./install.js";

export type { AssignMapping } from "./assign-output.js";
export type { BatchOptions } from "./batch.js";
export { chain } from "./chain.js";
export { coerceToRunnable } from "./coerce.js";
export type { FallbackOptions, RetryOptions } from "./factories.js";
export type { LambdaChunk, LambdaOutput } from "./lambda-output.js";
export type { ListenerRun } from "./listener-run.js";
export type { MapOutput } from "./map-output.js";
export type { ListenerFailureLogger } from "./root-listeners-observer.js";
export {
  type RouterChunk,
  type RouterInput,
  type RouterOutput,
  RouterRunnable,
  type RouterRunnables,
} from "./router-runnable.js";
export type { RunListener, RunListeners } from "./run-listeners.js";
export {
  Runnable,
  type RunnableChunk,
  type RunnableInput,
  type RunnableOutput,
} from "./runnable.js";
export { RunnableAssign } from "./runnable-assign.js";
export { RunnableBinding } from "./runnable-binding.js";
export { RunnableBranch } from "./runnable-branch.js";
export { RunnableEach } from "./runnable-each.js";
export { type GeneratorFunc, RunnableGenerator } from "./runnable-generator.js";
export { type RunnableFunc, RunnableLambda } from "./runnable-lambda.js";
export { RunnableMap, RunnableParallel } from "./runnable-parallel.js";
export { RunnablePassthrough } from "./runnable-passthrough.js";
export { RunnablePick } from "./runnable-pick.js";
export { RunnableRetry } from "./runnable-retry.js";
export { RunnableSequence, type SequenceOptions } from "./runnable-sequence.js";
export type { RunnableTypes, TypedChunk, TypedInput, TypedOutput } from "./runnable-types.js";
export { RunnableWithFallbacks } from "./runnable-with-fallbacks.js";
export { RunnableWithListeners } from "./runnable-with-listeners.js";
export type { MapInput, StepChunk, StepInput, StepOutput } from "./step-types.js";

export type { ChildStop } from "./child-stop.js";
export { dispatchCustomEvent } from "./dispatch-custom-event.js";
export type { RunIdentity } from "./run-identity.js";
export type { InputStream, RunInput } from "./run-input.js";
export type { RunScope } from "./run-scope.js";
export type { RunnableShape } from "./runnable-shape.js";

export { dispatchCustomEvent } from "./dispatch-custom-event.js";
export { type RunIdentity, RunScope } from "./run-scope.js";
export type { InputStream, RunInput } from "./runnable-core.js";

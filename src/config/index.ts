export { isImplicitPropagationAvailable } from "./async-config.js";
export { ensureConfig } from "./ensure-config.js";
export { mergeConfigs } from "./merge-configs.js";
export type { RunnableConfig } from "./runnable-config.js";

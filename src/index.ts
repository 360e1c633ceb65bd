// The public API of `rivulet`, under @langchain/core's names.
// The entry itself imports the modules that register Runnable's factories: bundlers (ours and
// users') drop side-effect imports reached only through re-exporting folder indexes.
import "./runnables/install.js";
import "./events/install.js";
import "./tools/install.js";

export * from "./caches/index.js";
export * from "./callbacks/index.js";
export * from "./chat-history/index.js";
export * from "./config/index.js";
export * from "./engine/index.js";
export * from "./errors/index.js";
export * from "./events/index.js";
export * from "./json-patch/index.js";
export * from "./messages/index.js";
export * from "./models/content-stream/index.js";
export * from "./models/index.js";
export * from "./parsers/index.js";
export * from "./prompts/index.js";
export * from "./retrieval/index.js";
export * from "./runnables/index.js";
export * from "./schema/index.js";
export * from "./streams/index.js";
export * from "./tools/index.js";

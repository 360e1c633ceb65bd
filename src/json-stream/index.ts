export type { JsonPathEvent } from "./json-path-event.js";
export { JsonStreamParser, type JsonStreamParserOptions } from "./json-stream-parser.js";
export type { JsonStreamPatchOperation } from "./json-stream-patch-operation.js";
export type { JsonObject, JsonValue } from "./json-value.js";
export { parsePartialJson } from "./parse-partial-json.js";
export { type PartialJsonResult, safeParsePartialJson } from "./safe-parse-partial-json.js";
export { strictParsePartialJson } from "./strict-parse-partial-json.js";

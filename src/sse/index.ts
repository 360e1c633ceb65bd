export { encodeSseFrame } from "./encode-sse-frame.js";
export { NdjsonParseError } from "./ndjson-parse-error.js";
export { parseNdjsonStream } from "./parse-ndjson-stream.js";
export { parseSseStream } from "./parse-sse-stream.js";
export { serializeEventData } from "./serialize-event-data.js";
export type { SseFrame } from "./sse-frame.js";
export type { SseMessage } from "./sse-message.js";

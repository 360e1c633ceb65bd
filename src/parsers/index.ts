export {
  type PartialJsonResult,
  parsePartialJson,
  safeParsePartialJson,
  strictParsePartialJson,
} from "../json-stream/index.js";
export {
  BaseCumulativeTransformOutputParser,
  type BaseCumulativeTransformOutputParserFields,
  type CumulativeGeneration,
} from "./base-cumulative-transform-output-parser.js";
export {
  BaseOutputParser,
  type OutputParserInput,
  type SafeParseResult,
} from "./base-output-parser.js";
export { BytesOutputParser } from "./bytes-output-parser.js";
export { CommaSeparatedListOutputParser } from "./comma-separated-list-output-parser.js";
export type { DeepPartial } from "./deep-partial.js";
export {
  type JsonOutputKeyToolsChunk,
  type JsonOutputKeyToolsOutput,
  JsonOutputKeyToolsParser,
  type JsonOutputKeyToolsParserFields,
  type KeyToolsArgs,
} from "./json-output-key-tools-parser.js";
export {
  type JsonOutputChunk,
  JsonOutputParser,
  type JsonOutputParserFields,
  type JsonValueFields,
} from "./json-output-parser.js";
export { JsonOutputToolsParser, type JsonOutputToolsParserFields } from "./json-output-tools-parser.js";
export { MarkdownListOutputParser } from "./markdown-list-output-parser.js";
export { NumberedListOutputParser } from "./numbered-list-output-parser.js";
export type { ParsedToolCall } from "./read-tool-calls.js";
export { StandardSchemaOutputParser } from "./standard-schema-output-parser.js";
export { StringOutputParser, StrOutputParser } from "./string-output-parser.js";
export { StructuredOutputParser, type StructuredOutputParserOptions } from "./structured-output-parser.js";
export {
  type XMLOutputChunk,
  XMLOutputParser,
  type XMLOutputParserFields,
  type XMLResult,
} from "./xml-output-parser.js";

import "./install.js";

export { isToolCall } from "./coerce-tool-input.js";
export { convertRunnableToTool } from "./convert-runnable-to-tool.js";
export {
  type ConvertToOpenAIToolOptions,
  convertToOpenAIFunction,
  convertToOpenAITool,
} from "./convert-to-openai-tool.js";
export {
  DynamicStructuredTool,
  DynamicTool,
  type ToolFields,
  type ToolFunc,
} from "./dynamic-structured-tool.js";
export { type ToolMessageSource, type ToolResponseFormat, toolOutputContent } from "./format-tool-output.js";
export type { OpenAIFunctionDefinition, OpenAIToolDefinition } from "./openai-tool-definition.js";
export { TOOL_PROGRESS_EVENT, type ToolProgress } from "./run-tool-function.js";
export {
  type AsToolFields,
  type AsToolResult,
  type AsToolSchema,
  isRunnableToolLike,
  RunnableToolLike,
} from "./runnable-tool-like.js";
export {
  type JsonSchemaTarget,
  schemaToJsonSchema,
  type ToJsonSchemaOptions,
} from "./schema-to-json-schema.js";
export {
  type HandleValidationError,
  StructuredTool,
  type ToolInput,
  type ToolRunnableConfig,
} from "./structured-tool.js";
export { type InferSchemaInput, type ToolOutputOf, tool } from "./tool.js";
export { type ToolDescriptor, toolToJsonSchema } from "./tool-to-json-schema.js";
export { type JsonSchema, type JsonSchemaType, validateJsonSchema } from "./validate-json-schema.js";
export {
  type ToolArgsResult,
  type ToolSchema,
  validateToolArgs,
} from "./validate-tool-args.js";

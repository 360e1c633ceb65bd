export { AbortError, isAbortError, TimeoutError, type TimeoutKind } from "./abort-error.js";
export { type ErrorPayload, type ErrorPayloadOptions, errorPayload } from "./error-payload.js";
export { ERROR_STATUS, type ErrorCodeInfo } from "./error-status.js";
export { InvalidConfigError, InvalidInputError, RecursionLimitError } from "./input-errors.js";
export { OutputParserError } from "./output-parser-error.js";
export { PromptInputError, type PromptInputErrorFields } from "./prompt-input-error.js";
export { MissingApiKeyError, ProviderError, type ProviderErrorFields } from "./provider-error.js";
export { RivuletError, type RivuletErrorCode, type RivuletErrorOptions } from "./rivulet-error.js";
export { ToolInputError, type ToolInputErrorFields, type ToolInputIssue } from "./tool-input-error.js";

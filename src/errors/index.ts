export { AbortError, isAbortError, TimeoutError, type TimeoutKind } from "./abort-error.js";
export { InvalidConfigError, InvalidInputError, RecursionLimitError } from "./input-errors.js";
export { OutputParserError } from "./output-parser-error.js";
export { RivuletError, type RivuletErrorCode, type RivuletErrorOptions } from "./rivulet-error.js";

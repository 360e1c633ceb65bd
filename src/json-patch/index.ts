export { type ApplyPatchOptions, applyPatch } from "./apply-patch.js";
export { formatJsonPointer } from "./format-json-pointer.js";
export { JsonPatchError, type JsonPatchErrorDetails, type JsonPatchErrorKind } from "./json-patch-error.js";
export type {
  JsonPatchAdd,
  JsonPatchAppend,
  JsonPatchCopy,
  JsonPatchMove,
  JsonPatchOperation,
  JsonPatchRemove,
  JsonPatchReplace,
  JsonPatchTest,
} from "./json-patch-operation.js";
export { parseJsonPointer } from "./parse-json-pointer.js";

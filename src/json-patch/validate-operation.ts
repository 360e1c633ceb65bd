import type { JsonPatchOperation } from "./json-patch-operation.js";
import { fail } from "./patch-step-failure.js";

const OPS_WITH_VALUE = new Set(["add", "replace", "test", "append"]);
const OPS_WITH_FROM = new Set(["move", "copy"]);
const KNOWN_OPS = new Set(["add", "remove", "replace", "move", "copy", "test", "append"]);

/**
 * Internal: checks at run time that an op has the members its `op` needs (patches often
 * arrive as parsed JSON, whatever their static type says). Extra members are ignored, as
 * RFC 6902 §4 requires.
 */
export function validateOperation(operation: unknown): JsonPatchOperation {
  if (typeof operation !== "object" || operation === null || Array.isArray(operation)) {
    fail("invalid_operation", "an operation must be an object");
  }
  const { op, path, from } = operation as { op?: unknown; path?: unknown; from?: unknown };
  if (typeof op !== "string" || !KNOWN_OPS.has(op)) {
    fail(
      "invalid_operation",
      `unknown op ${JSON.stringify(op) ?? "undefined"} (expected one of ${[...KNOWN_OPS].join(", ")})`,
    );
  }
  if (typeof path !== "string") fail("invalid_operation", `"path" must be a string`);
  if (OPS_WITH_FROM.has(op) && typeof from !== "string") {
    fail("invalid_operation", `"${op}" needs a string "from"`);
  }
  if (OPS_WITH_VALUE.has(op)) {
    const value = (operation as { value?: unknown }).value;
    if (value === undefined) fail("invalid_operation", `"${op}" needs a "value" (undefined is not JSON)`);
    if (op === "append" && typeof value !== "string") {
      fail("invalid_operation", `"append" needs a string "value", got ${typeof value}`);
    }
  }
  return operation as JsonPatchOperation;
}

import { InvalidInputError } from "../errors/input-errors.js";
import { hasMarker, type RivuletErrorOptions } from "../errors/rivulet-error.js";

/**
 * Why a patch operation failed: the op itself is malformed (`invalid_operation`), its
 * pointer is malformed (`invalid_pointer`), a location does not exist (`path_not_found`),
 * an array index is out of range or not a number (`invalid_index`), the target has the
 * wrong type (`type_mismatch`, e.g. `append` to a number), or a `test` op did not match
 * (`test_failed`).
 */
export type JsonPatchErrorKind =
  | "invalid_operation"
  | "invalid_pointer"
  | "path_not_found"
  | "invalid_index"
  | "type_mismatch"
  | "test_failed";

const JSON_PATCH_ERROR = Symbol.for("rivulet.error.JsonPatchError");

/** Where and why a patch failed; passed to the `JsonPatchError` constructor. */
export interface JsonPatchErrorDetails extends RivuletErrorOptions {
  kind: JsonPatchErrorKind;
  reason: string;
  opIndex: number;
  operation: unknown;
}

/**
 * A JSON Patch could not be applied. `opIndex` is the position of the failing op in the
 * patch, `operation` the op as given, `kind` the machine-readable reason and `reason` the
 * human one. A kind of {@link InvalidInputError} (code `invalid_input`: the patch does not
 * fit the document), so `InvalidInputError.isInstance` is true for it too.
 *
 * @example
 * try { applyPatch(doc, ops); }
 * catch (e) { if (JsonPatchError.isInstance(e) && e.kind === "test_failed") resync(); }
 */
export class JsonPatchError extends InvalidInputError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [JSON_PATCH_ERROR] = true;
  readonly kind: JsonPatchErrorKind;
  readonly reason: string;
  readonly opIndex: number;
  readonly operation: unknown;

  constructor(details: JsonPatchErrorDetails) {
    super(
      `JSON Patch op #${details.opIndex} ${describeOperation(details.operation)} failed: ${details.reason}`,
      details.cause === undefined ? {} : { cause: details.cause },
    );
    this.kind = details.kind;
    this.reason = details.reason;
    this.opIndex = details.opIndex;
    this.operation = details.operation;
  }

  static override isInstance = hasMarker<JsonPatchError>(JSON_PATCH_ERROR);
}

/** A short, bounded rendering of the op for the message (values can be huge: only op and paths). */
function describeOperation(operation: unknown): string {
  if (typeof operation !== "object" || operation === null) return `(${String(operation)})`;
  const { op, path, from } = operation as { op?: unknown; path?: unknown; from?: unknown };
  const parts = [`op: ${JSON.stringify(op) ?? "undefined"}`];
  if (from !== undefined) parts.push(`from: ${JSON.stringify(from)}`);
  parts.push(`path: ${JSON.stringify(path) ?? "undefined"}`);
  return `{ ${parts.join(", ")} }`;
}

import type { JsonPatchErrorKind } from "./json-patch-error.js";

/**
 * Internal: thrown by the steps of one op, which do not know the op's index; `applyPatch`
 * turns it into a `JsonPatchError` that names the index and the op. Not exported from the
 * folder: callers only ever see `JsonPatchError`.
 */
export class PatchStepFailure extends Error {
  readonly kind: JsonPatchErrorKind;
  constructor(kind: JsonPatchErrorKind, reason: string, options: { cause?: unknown } = {}) {
    super(reason, options.cause === undefined ? undefined : { cause: options.cause });
    this.kind = kind;
  }
}

/** Throws a `PatchStepFailure`; a function so that call sites read as one line. */
export function fail(kind: JsonPatchErrorKind, reason: string, cause?: unknown): never {
  throw new PatchStepFailure(kind, reason, cause === undefined ? {} : { cause });
}

import { hasMarker, RivuletError } from "./rivulet-error.js";

const EMPTY_OUTPUT_ERROR = Symbol.for("rivulet.error.EmptyOutputError");

/**
 * `invoke` of a Runnable whose output stream ended without a chunk (a generator that yielded
 * nothing, a lambda that returned an empty async iterable): there is no output to resolve with,
 * so Rivulet says so instead of resolving with `undefined` typed as the output
 * (docs/decisions/2026-12-02-empty-stream-invoke.md). `stream()` of the same Runnable simply
 * yields no chunks. Its code is `invalid_runnable`: the same call fails the same way, so
 * `withRetry` does not retry it by default. `runnableName` names the Runnable that produced nothing.
 */
export class EmptyOutputError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [EMPTY_OUTPUT_ERROR] = true;
  readonly runnableName: string;
  constructor(runnableName: string) {
    super(
      "invalid_runnable",
      `${runnableName} produced no output: its stream ended without a chunk, so invoke has no value ` +
        "to resolve with. Yield at least one chunk, or read it with stream(), where no chunks is a valid result.",
    );
    this.runnableName = runnableName;
  }
  static override isInstance = hasMarker<EmptyOutputError>(EMPTY_OUTPUT_ERROR);
}

import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

const ABORT_ERROR = Symbol.for("rivulet.error.AbortError");

/**
 * The run was cancelled: its `signal` was aborted, or the consumer stopped reading a
 * stream. `reason` is the signal's reason when there was one.
 */
export class AbortError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [ABORT_ERROR] = true;
  readonly reason: unknown;
  constructor(message = "The run was aborted", options: RivuletErrorOptions & { reason?: unknown } = {}) {
    super("aborted", message, options);
    this.reason = options.reason;
  }
  static override isInstance = hasMarker<AbortError>(ABORT_ERROR);
}

/** Which deadline ran out: the whole call, the wait for the first chunk, or the gap between two chunks. */
export type TimeoutKind = "total" | "first_chunk" | "idle";

const TIMEOUT_ERROR = Symbol.for("rivulet.error.TimeoutError");

/** A deadline (`timeout` in the config, or a stream timeout) ran out before the run finished. */
export class TimeoutError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [TIMEOUT_ERROR] = true;
  readonly timeoutMs: number;
  readonly kind: TimeoutKind;
  constructor(timeoutMs: number, kind: TimeoutKind = "total", options: RivuletErrorOptions = {}) {
    super("timeout", `The run timed out after ${timeoutMs} ms (${kind.replace("_", " ")} timeout)`, options);
    this.timeoutMs = timeoutMs;
    this.kind = kind;
  }
  static override isInstance = hasMarker<TimeoutError>(TIMEOUT_ERROR);
}

/**
 * True for anything that means "cancelled": our AbortError, a DOM AbortError, or a TimeoutError.
 * False, never a throw, for a value whose prototype or `name` cannot be read (a revoked proxy).
 */
export function isAbortError(value: unknown): boolean {
  if (AbortError.isInstance(value) || TimeoutError.isInstance(value)) return true;
  try {
    return value instanceof Error && (value.name === "AbortError" || value.name === "TimeoutError");
  } catch {
    return false;
  }
}

/**
 * Stable machine-readable codes for every error Rivulet throws. Match on `error.code`
 * rather than on messages: codes never change between versions.
 */
export type RivuletErrorCode =
  | "aborted"
  | "timeout"
  | "invalid_input"
  | "invalid_config"
  | "invalid_runnable"
  | "recursion_limit"
  | "output_parser"
  | "prompt_input"
  | "tool_input"
  | "provider"
  | "missing_api_key"
  | "request_refused"
  | "remote"
  | "run_not_found"
  | "run_lost"
  | "cursor_expired"
  | "not_implemented"
  | "internal";

// Every copy of the package makes the same `Symbol.for` keys, so the brand and the class
// markers below survive a duplicated install (two copies of rivulet in one process).
const BRAND = Symbol.for("rivulet.error");

/** Options shared by every Rivulet error. */
export interface RivuletErrorOptions {
  cause?: unknown;
}

/**
 * Base class of every error Rivulet throws: a stable `code`, the original `cause`, and
 * `isInstance`, which works across duplicated copies of the package (it checks a
 * `Symbol.for` brand rather than the prototype chain). Each subclass carries a marker of its
 * own as well (`Symbol.for("rivulet.error.<ClassName>")`, set by its constructor, so an
 * instance carries the markers of its class and of every Rivulet class above it): a subclass's
 * `isInstance` checks its marker, never the `code`, which several classes may share.
 *
 * @example
 * try { await chain.invoke(x, { timeout: 1000 }); }
 * catch (e) { if (RivuletError.isInstance(e) && e.code === "timeout") retryLater(); }
 */
export class RivuletError extends Error {
  readonly code: RivuletErrorCode;
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [BRAND] = true;

  constructor(code: RivuletErrorCode, message: string, options: RivuletErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }

  /** True for any Rivulet error, even one thrown by another copy of the package. */
  static isInstance(value: unknown): value is RivuletError {
    return carriesMarker(value, BRAND);
  }
}

/**
 * Whether `value` has `marker` set to true. False, never a throw, when reading it throws (a
 * revoked proxy, a throwing getter): it runs on whatever a chain threw, while a failure is
 * being reported or retried.
 */
function carriesMarker(value: unknown, marker: symbol): boolean {
  if (typeof value !== "object" || value === null) return false;
  try {
    return Reflect.get(value, marker) === true;
  } catch {
    return false;
  }
}

/**
 * Builds the `isInstance` check of a subclass from its marker: a Rivulet error that carries
 * `marker` (true for the class, for its subclasses, and for instances made by another copy of
 * the package). Shared by every error family so that no class duck-types a field.
 */
export function hasMarker<T extends RivuletError>(marker: symbol): (value: unknown) => value is T {
  return (value: unknown): value is T => RivuletError.isInstance(value) && carriesMarker(value, marker);
}

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
  | "not_implemented"
  | "internal";

const BRAND = Symbol.for("rivulet.error");

/** Options shared by every Rivulet error. */
export interface RivuletErrorOptions {
  cause?: unknown;
}

/**
 * Base class of every error Rivulet throws: a stable `code`, the original `cause`, and
 * `isInstance`, which works across duplicated copies of the package (it checks a
 * `Symbol.for` brand rather than the prototype chain).
 *
 * @example
 * try { await chain.invoke(x, { timeout: 1000 }); }
 * catch (e) { if (RivuletError.isInstance(e) && e.code === "timeout") retryLater(); }
 */
export class RivuletError extends Error {
  readonly code: RivuletErrorCode;
  readonly [BRAND] = true;

  constructor(code: RivuletErrorCode, message: string, options: RivuletErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause });
    this.code = code;
    this.name = new.target.name;
  }

  /** True for any Rivulet error, even one thrown by another copy of the package. */
  static isInstance(value: unknown): value is RivuletError {
    return typeof value === "object" && value !== null && (value as { [BRAND]?: unknown })[BRAND] === true;
  }
}

/** Builds the `isInstance` check of a subclass from its code (shared by every error family). */
export function hasCode<T extends RivuletError>(code: RivuletErrorCode) {
  return (value: unknown): value is T => RivuletError.isInstance(value) && value.code === code;
}

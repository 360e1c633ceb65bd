import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

const INVALID_INPUT_ERROR = Symbol.for("rivulet.error.InvalidInputError");

/** A value given to Rivulet (an input, an option, a step of a chain) is not what it accepts. The message says what to change. */
export class InvalidInputError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [INVALID_INPUT_ERROR] = true;
  constructor(message: string, options: RivuletErrorOptions = {}) {
    super("invalid_input", message, options);
  }
  static override isInstance = hasMarker<InvalidInputError>(INVALID_INPUT_ERROR);
}

const INVALID_CONFIG_ERROR = Symbol.for("rivulet.error.InvalidConfigError");

/** A config option has a value Rivulet cannot use (a negative timeout, a maxConcurrency of 0, ...). */
export class InvalidConfigError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [INVALID_CONFIG_ERROR] = true;
  constructor(message: string, options: RivuletErrorOptions = {}) {
    super("invalid_config", message, options);
  }
  static override isInstance = hasMarker<InvalidConfigError>(INVALID_CONFIG_ERROR);
}

const RECURSION_LIMIT_ERROR = Symbol.for("rivulet.error.RecursionLimitError");

/** A runnable returned more nested runnables than `recursionLimit` allows (a lambda that keeps returning runnables). */
export class RecursionLimitError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [RECURSION_LIMIT_ERROR] = true;
  readonly limit: number;
  constructor(limit: number) {
    super(
      "recursion_limit",
      `Recursion limit of ${limit} reached: a lambda kept returning runnables. ` +
        "Raise `recursionLimit` in the config if the depth is intended.",
    );
    this.limit = limit;
  }
  static override isInstance = hasMarker<RecursionLimitError>(RECURSION_LIMIT_ERROR);
}

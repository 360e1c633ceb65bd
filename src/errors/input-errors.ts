import { hasCode, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

/** A value given to Rivulet (an input, an option, a step of a chain) is not what it accepts. The message says what to change. */
export class InvalidInputError extends RivuletError {
  constructor(message: string, options: RivuletErrorOptions = {}) {
    super("invalid_input", message, options);
  }
  static override isInstance = hasCode<InvalidInputError>("invalid_input");
}

/** A config option has a value Rivulet cannot use (a negative timeout, a maxConcurrency of 0, ...). */
export class InvalidConfigError extends RivuletError {
  constructor(message: string, options: RivuletErrorOptions = {}) {
    super("invalid_config", message, options);
  }
  static override isInstance = hasCode<InvalidConfigError>("invalid_config");
}

/** A runnable returned more nested runnables than `recursionLimit` allows (a lambda that keeps returning runnables). */
export class RecursionLimitError extends RivuletError {
  readonly limit: number;
  constructor(limit: number) {
    super(
      "recursion_limit",
      `Recursion limit of ${limit} reached: a lambda kept returning runnables. ` +
        "Raise `recursionLimit` in the config if the depth is intended.",
    );
    this.limit = limit;
  }
  static override isInstance = hasCode<RecursionLimitError>("recursion_limit");
}

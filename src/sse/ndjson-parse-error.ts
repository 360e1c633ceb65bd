import { hasCode, RivuletError, type RivuletErrorOptions } from "../errors/rivulet-error.js";

/**
 * A line of a newline-delimited JSON stream is not valid JSON. `line` is the line's
 * whole text (without its line break) and `lineNumber` its 1-based position in the
 * stream, so the bad input can be logged as received; `cause` is the `SyntaxError`.
 */
export class NdjsonParseError extends RivuletError {
  readonly line: string;
  readonly lineNumber: number;

  constructor(line: string, lineNumber: number, options: RivuletErrorOptions = {}) {
    const shown = line.length > 200 ? `${line.slice(0, 200)}...` : line;
    super("invalid_input", `NDJSON line ${lineNumber} is not valid JSON: ${JSON.stringify(shown)}`, options);
    this.line = line;
    this.lineNumber = lineNumber;
  }

  // The code `invalid_input` is shared with InvalidInputError; `lineNumber` tells this one apart.
  static override isInstance = (value: unknown): value is NdjsonParseError =>
    hasCode<NdjsonParseError>("invalid_input")(value) &&
    typeof (value as { lineNumber?: unknown }).lineNumber === "number";
}

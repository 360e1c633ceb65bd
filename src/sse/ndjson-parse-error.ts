import { InvalidInputError } from "../errors/input-errors.js";
import { hasMarker, type RivuletErrorOptions } from "../errors/rivulet-error.js";

const NDJSON_PARSE_ERROR = Symbol.for("rivulet.error.NdjsonParseError");

/**
 * A line of a newline-delimited JSON stream is not valid JSON. `line` is the line's
 * whole text (without its line break) and `lineNumber` its 1-based position in the
 * stream, so the bad input can be logged as received; `cause` is the `SyntaxError`.
 * A kind of {@link InvalidInputError} (code `invalid_input`): `InvalidInputError.isInstance`
 * is true for it too.
 */
export class NdjsonParseError extends InvalidInputError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [NDJSON_PARSE_ERROR] = true;
  readonly line: string;
  readonly lineNumber: number;

  constructor(line: string, lineNumber: number, options: RivuletErrorOptions = {}) {
    const shown = line.length > 200 ? `${line.slice(0, 200)}...` : line;
    super(`NDJSON line ${lineNumber} is not valid JSON: ${JSON.stringify(shown)}`, options);
    this.line = line;
    this.lineNumber = lineNumber;
  }

  static override isInstance = hasMarker<NdjsonParseError>(NDJSON_PARSE_ERROR);
}

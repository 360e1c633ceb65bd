import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

const OUTPUT_PARSER_ERROR = Symbol.for("rivulet.error.OutputParserError");

/**
 * An output parser could not turn the model's text into the expected value. `text` is the
 * whole text it was given, so nothing the model wrote is lost.
 */
export class OutputParserError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [OUTPUT_PARSER_ERROR] = true;
  readonly text: string;
  constructor(message: string, text: string, options: RivuletErrorOptions = {}) {
    super("output_parser", message, options);
    this.text = text;
  }
  static override isInstance = hasMarker<OutputParserError>(OUTPUT_PARSER_ERROR);
}

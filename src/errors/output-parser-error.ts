import { hasCode, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

/**
 * An output parser could not turn the model's text into the expected value. `text` is the
 * whole text it was given, so nothing the model wrote is lost.
 */
export class OutputParserError extends RivuletError {
  readonly text: string;
  constructor(message: string, text: string, options: RivuletErrorOptions = {}) {
    super("output_parser", message, options);
    this.text = text;
  }
  static override isInstance = hasCode<OutputParserError>("output_parser");
}

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
  constructor(message: string, text = "", options: RivuletErrorOptions = {}) {
    super("output_parser", message, options);
    this.text = text;
  }
  static override isInstance = hasMarker<OutputParserError>(OUTPUT_PARSER_ERROR);
}

/**
 * `@langchain/core`'s name for {@link OutputParserError}: the same class under a second name
 * (not a subclass), so `instanceof`, `isInstance` and `catch` work whichever name threw or is
 * tested. Its second argument is the model text (LangChain's `llmOutput`), optional as there.
 *
 * @example
 * throw new OutputParserException(`Could not parse "${text}"`, text);
 */
export const OutputParserException = OutputParserError;
/** The instance type of {@link OutputParserException} (the same as {@link OutputParserError}). */
export type OutputParserException = OutputParserError;

import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

/** One problem with a tool's input: where it is (`items[0].name`, `(root)`) and what is wrong. */
export interface ToolInputIssue {
  path: string;
  message: string;
}

/** What a {@link ToolInputError} reports. */
export interface ToolInputErrorFields extends RivuletErrorOptions {
  toolName: string;
  issues: ToolInputIssue[];
  /** The input as the tool received it (a tool call's `args`, a string, an object). */
  input: unknown;
}

const MAX_SHOWN = 300;

/** The received input as the message shows it: JSON where possible, cut to a readable length. */
function describeReceived(input: unknown): string {
  let text: string;
  try {
    text = typeof input === "string" ? JSON.stringify(input) : (JSON.stringify(input) ?? String(input));
  } catch {
    text = String(input); // circular or BigInt: better a rough picture than a second error
  }
  return text.length > MAX_SHOWN ? `${text.slice(0, MAX_SHOWN)}…` : text;
}

const TOOL_INPUT_ERROR = Symbol.for("rivulet.error.ToolInputError");

/**
 * A tool was called with input its schema rejects. `issues` lists every problem with its path,
 * `input` is what was received and `toolName` the tool, so an agent can show the model what to
 * fix (the message says all three). Tools throw it even for a model's tool call; agents turn it
 * into an error `ToolMessage`, or the tool does with its `handleValidationError` option.
 *
 * @example
 * try { await weather.invoke({ city: 42 }); }
 * catch (e) { if (ToolInputError.isInstance(e)) console.log(e.issues); } // [{ path: "city", message: "..." }]
 */
export class ToolInputError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [TOOL_INPUT_ERROR] = true;
  readonly toolName: string;
  readonly issues: ToolInputIssue[];
  readonly input: unknown;

  constructor(fields: ToolInputErrorFields) {
    const lines = fields.issues.map((i) => `- ${i.path}: ${i.message}`).join("\n");
    super(
      "tool_input",
      `Invalid input for tool "${fields.toolName}":\n${lines}\nReceived: ${describeReceived(fields.input)}`,
      fields.cause === undefined ? {} : { cause: fields.cause },
    );
    this.toolName = fields.toolName;
    this.issues = fields.issues;
    this.input = fields.input;
  }

  static override isInstance = hasMarker<ToolInputError>(TOOL_INPUT_ERROR);
}

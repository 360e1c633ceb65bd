import { InvalidInputError } from "./input-errors.js";
import { hasMarker } from "./rivulet-error.js";

const WIRE_VALUE_ERROR = Symbol.for("rivulet.error.WireValueError");

/**
 * A value read from the wire claims to be a message, document or prompt value (by its `type`)
 * but is not a valid one: a `tool` message without `tool_call_id`, a chat prompt value whose
 * messages are not objects. `loc` is where it sits in the decoded value (`["body", "input", 0]`),
 * so a server can answer a 422 pointing at it; `issueType` is the kind of issue (`value_error`,
 * `model_type`).
 *
 * @example
 * try { decodeWireValue(body.input, "langserve", ["body", "input"]); }
 * catch (e) { if (WireValueError.isInstance(e)) console.log(e.loc, e.message); }
 */
export class WireValueError extends InvalidInputError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [WIRE_VALUE_ERROR] = true;
  readonly loc: readonly (string | number)[];
  readonly issueType: string;
  constructor(
    message: string,
    fields: { loc: readonly (string | number)[]; issueType: string; cause?: unknown },
  ) {
    super(message, fields.cause === undefined ? {} : { cause: fields.cause });
    this.loc = fields.loc;
    this.issueType = fields.issueType;
  }
  static override isInstance = hasMarker<WireValueError>(WIRE_VALUE_ERROR);
}

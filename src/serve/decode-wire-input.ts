import { WireValueError } from "../errors/wire-value-error.js";
import { decodeWireValue } from "../wire/decode-wire-value.js";
import type { WireDialect } from "../wire/wire-dialect.js";
import { RequestValidationError } from "./request-validation-error.js";

/**
 * Rebuilds the values a client sent as an input (see `decodeWireValue`): messages, documents and
 * prompt values in the request's dialect, everything else as plain data. A value that claims to
 * be a message but is not a valid one is a `RequestValidationError` (422) at its place under `loc`.
 *
 * @example
 * decodeWireInput([{ type: "human", content: "hi" }], "langserve", ["body", "input"]); // [HumanMessage("hi")]
 */
export function decodeWireInput(value: unknown, dialect: WireDialect, loc: (string | number)[]): unknown {
  try {
    return decodeWireValue(value, dialect, loc);
  } catch (error) {
    if (!WireValueError.isInstance(error)) throw error;
    throw new RequestValidationError([{ loc: [...error.loc], msg: error.message, type: error.issueType }], {
      cause: error,
    });
  }
}

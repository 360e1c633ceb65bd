import { hasMarker, type RivuletErrorOptions } from "../errors/rivulet-error.js";
import { HttpError } from "./http-error.js";

const REQUEST_VALIDATION_ERROR = Symbol.for("rivulet.error.RequestValidationError");

/** One problem in a request, in the shape FastAPI (and so LangServe) reports it. */
export interface ValidationIssue {
  /** Where: `["body"]` for the whole body, `["body", "input"]` for a field. */
  loc: (string | number)[];
  /** What is wrong and what to send instead. */
  msg: string;
  /** A stable kind: `json_invalid`, `missing`, `model_type`, `list_type`, `value_error`. */
  type: string;
}

/**
 * A request the server cannot use: a body that is not JSON, a missing `input`, a `config` list
 * whose length differs from `inputs`. Answered as 422 with `{ detail: [{ loc, msg, type }] }`,
 * the body LangServe clients read.
 *
 * @example
 * throw new RequestValidationError([{ loc: ["body", "input"], msg: "Field required", type: "missing" }]);
 */
export class RequestValidationError extends HttpError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [REQUEST_VALIDATION_ERROR] = true;
  readonly issues: readonly ValidationIssue[];

  constructor(issues: ValidationIssue[], options: RivuletErrorOptions = {}) {
    super(issues.map((issue) => `${issue.loc.join(".")}: ${issue.msg}`).join("; "), {
      ...options,
      status: 422,
    });
    this.issues = issues;
  }

  static override isInstance = hasMarker<RequestValidationError>(REQUEST_VALIDATION_ERROR);
}

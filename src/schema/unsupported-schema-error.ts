import { InvalidInputError } from "../errors/input-errors.js";
import { hasMarker, type RivuletErrorOptions } from "../errors/rivulet-error.js";

const UNSUPPORTED_SCHEMA_ERROR = Symbol.for("rivulet.error.UnsupportedSchemaError");

/** Where and why a schema has no JSON Schema; passed to the `UnsupportedSchemaError` constructor. */
export interface UnsupportedSchemaErrorDetails extends RivuletErrorOptions {
  /** The schema library, as the message names it: `zod 3`, `zod 4`, else its `"~standard".vendor` in quotes. */
  library: string;
  /** What cannot be converted: a zod type (`"ZodDate"`), `"transform"`, or `"schema"` for a library with no converter. */
  construct: string;
  /** Where in the value it sits (`"when"`, `"stops[].at"`), `"(root)"` for the whole schema. */
  path: string;
  /** Why it cannot be converted. */
  reason: string;
  /** What to do instead. */
  fix: string;
}

/**
 * A schema, or a part of it, has no JSON Schema form, so it cannot be shown to a model (tool
 * arguments, `withStructuredOutput`, format instructions): a `z.date()`, a transform's output, a
 * recursive zod 3 schema, or a schema library that offers no converter. The message says where
 * (`path`), why and what to write instead. A kind of {@link InvalidInputError} (code
 * `invalid_input`: the schema given is not one Rivulet can send), so `InvalidInputError.isInstance`
 * is true for it too.
 *
 * @example
 * try { model.bindTools([planTrip]); }
 * catch (e) { if (UnsupportedSchemaError.isInstance(e)) console.error(e.path, e.construct); }
 */
export class UnsupportedSchemaError extends InvalidInputError {
  /** Marks instances of this class for `isInstance` (see `RivuletError`). */
  readonly [UNSUPPORTED_SCHEMA_ERROR] = true;
  readonly library: string;
  readonly construct: string;
  readonly path: string;

  constructor(details: UnsupportedSchemaErrorDetails) {
    const where = details.path === "(root)" ? "" : ` at "${details.path}"`;
    super(
      `Cannot convert this ${details.library} schema to JSON Schema: ${details.construct}${where} ${details.reason}. ${details.fix}`,
      details.cause === undefined ? {} : { cause: details.cause },
    );
    this.library = details.library;
    this.construct = details.construct;
    this.path = details.path;
  }

  static override isInstance = hasMarker<UnsupportedSchemaError>(UNSUPPORTED_SCHEMA_ERROR);
}

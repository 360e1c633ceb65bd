import type { Runnable } from "../runnables/runnable.js";
import {
  type AsToolFields,
  type AsToolResult,
  type AsToolSchema,
  RunnableToolLike,
} from "./runnable-tool-like.js";

/**
 * Makes a tool whose function invokes `runnable` (what `runnable.asTool(fields)` returns): named
 * `fields.name` or after the runnable, described by `fields.description` or the schema's own
 * description, validating its arguments with `fields.schema`.
 *
 * @example
 * const tool = convertRunnableToTool(chain, { name: "lookup", schema: z.object({ id: z.string() }) });
 */
export function convertRunnableToTool<S extends AsToolSchema<I>, I, O>(
  runnable: Runnable<I, O, unknown>,
  fields: AsToolFields<S>,
): AsToolResult<S, I, O> {
  const tool = new RunnableToolLike<unknown, O, I>({ ...fields, bound: runnable });
  // The schema's types are only known to the caller: the result type is read off `S`.
  return tool as AsToolResult<S, I, O>;
}

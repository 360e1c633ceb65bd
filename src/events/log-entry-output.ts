import type { Run } from "../callbacks/run.js";
import { formatOutput } from "./format-run-data.js";

/** Run types whose end `@langchain/core` records through its chain callbacks. */
const CHAIN_RUN_TYPES: ReadonlySet<string> = new Set(["chain", "prompt", "parser"]);

/**
 * A nested run's `final_output` in a run log, as `@langchain/core` records it. The output of a
 * chain, prompt or parser run is kept as is when it is an object that is not an array (a
 * message, a prompt value, a plain object, `{}` included) and wrapped as `{ output }` otherwise:
 * a string, number, boolean, array, `null` or `undefined` (LangChain's `_coerceToDict`, which
 * its tracer applies at every chain end, so porting code that reads `final_output.output` keeps
 * working). Other run types show their output as events do. The root's `final_output` is not
 * built here: it stays the aggregate of the root's chunks.
 */
export function logEntryOutput(run: Run): unknown {
  const output = formatOutput(run);
  if (!CHAIN_RUN_TYPES.has(run.runType)) return output;
  const isRecord = typeof output === "object" && output !== null && !Array.isArray(output);
  return isRecord ? output : { output };
}

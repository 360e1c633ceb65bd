import type { Runnable } from "../runnables/runnable.js";
import { checkRunnableSchema } from "../schema/check-runnable-schema.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { RequestValidationError, type ValidationIssue } from "./request-validation-error.js";

/** One input of a request and where it was in the body (`["input"]`, `["inputs", 2]`). */
export interface LocatedInput {
  readonly input: unknown;
  readonly loc: readonly (string | number)[];
}

async function issuesOf(schema: RunnableSchema, located: LocatedInput): Promise<ValidationIssue[]> {
  const issues = await checkRunnableSchema(schema, located.input);
  return issues.map((issue) => ({
    loc: [...located.loc, ...issue.path],
    msg: issue.message,
    type: issue.type,
  }));
}

/**
 * Checks a request's (decoded) inputs against the runnable's input schema before any run
 * starts, as LangServe does: when one fails, a `RequestValidationError` (422) lists every issue
 * of every input, its `loc` the input's place (`["input"]`, `["inputs", 2]` in a batch) followed
 * by the path inside it (`["input", "question"]`). A runnable with no known input schema takes
 * anything.
 *
 * @example
 * await validateRunInputs(prompt, [{ input: { topic: 1 }, loc: ["input"] }]); // throws: input.topic
 */
export async function validateRunInputs(runnable: Runnable, inputs: readonly LocatedInput[]): Promise<void> {
  // Asked once per request: a prompt or a tool builds its schema when asked.
  const schema = runnable.getInputSchema();
  if (schema === undefined) return;
  const issues = (await Promise.all(inputs.map((located) => issuesOf(schema, located)))).flat();
  if (issues.length > 0) throw new RequestValidationError(issues);
}

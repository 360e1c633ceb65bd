import { checkJsonSchema } from "./check-json-schema.js";
import type { RunnableSchema } from "./runnable-schema.js";
import type { StandardSchemaIssue } from "./standard-schema.js";

/** One place where a value fails a Runnable's schema: the path of keys and indexes, what is wrong, and a kind. */
export interface RunnableSchemaIssue {
  readonly path: readonly (string | number)[];
  readonly message: string;
  /** The JSON Schema keyword that failed (`type`, `required`...), or `value_error` for a Standard Schema's issue. */
  readonly type: string;
}

function pathSegment(segment: PropertyKey | { readonly key: PropertyKey }): string | number {
  const key = typeof segment === "object" ? segment.key : segment;
  return typeof key === "number" ? key : String(key);
}

function fromStandardIssue(issue: StandardSchemaIssue): RunnableSchemaIssue {
  return { path: (issue.path ?? []).map(pathSegment), message: issue.message, type: "value_error" };
}

/**
 * Checks a value against a Runnable's schema: with the Standard Schema's own `validate` when the
 * schema has one (awaited: it may be async), else with `checkJsonSchema` on its JSON Schema.
 * Resolves with every issue found, none when the value is valid. Nothing is transformed: the
 * caller keeps running on the value it had, so a served Runnable gets what a local call would.
 *
 * @example
 * await checkRunnableSchema(jsonRunnableSchema({ type: "string" }), 1);
 * // [{ path: [], message: "...", type: "type" }]
 */
export async function checkRunnableSchema(
  schema: RunnableSchema,
  value: unknown,
): Promise<RunnableSchemaIssue[]> {
  if (schema.standard !== undefined) {
    const result = await schema.standard["~standard"].validate(value);
    return result.issues === undefined ? [] : result.issues.map(fromStandardIssue);
  }
  return checkJsonSchema(schema.jsonSchema, value).map((issue) => ({
    path: issue.path,
    message: issue.message,
    type: issue.keyword,
  }));
}

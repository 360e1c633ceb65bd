export { checkRunnableSchema, type RunnableSchemaIssue } from "./check-runnable-schema.js";
export { formatIssuePath } from "./format-issue-path.js";
export { isStandardSchema } from "./is-standard-schema.js";
export {
  jsonRunnableSchema,
  type RunnableSchema,
  type SchemaLike,
  toRunnableSchema,
} from "./runnable-schema.js";
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaV1,
} from "./standard-schema.js";
export { UnsupportedSchemaError, type UnsupportedSchemaErrorDetails } from "./unsupported-schema-error.js";
export type { JsonSchemaObject } from "./zod3-conversion.js";

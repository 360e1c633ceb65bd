export { formatIssuePath } from "./format-issue-path.js";
export { isStandardSchema } from "./is-standard-schema.js";
export type {
  InferSchemaOutput,
  StandardSchemaIssue,
  StandardSchemaProps,
  StandardSchemaResult,
  StandardSchemaV1,
} from "./standard-schema.js";
export { UnsupportedSchemaError, type UnsupportedSchemaErrorDetails } from "./unsupported-schema-error.js";

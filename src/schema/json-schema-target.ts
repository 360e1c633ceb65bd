/**
 * Which JSON Schema dialect to write: draft 2020-12 (the default), draft-07, or OpenAPI 3.0 for
 * providers that speak OpenAPI (Gemini). The names are zod 4's and Standard JSON Schema's.
 */
export type JsonSchemaTarget = "draft-2020-12" | "draft-07" | "openapi-3.0";

/** Which side of a schema to describe: what it accepts (tool arguments) or what it gives (parsed output). */
export type JsonSchemaIo = "input" | "output";

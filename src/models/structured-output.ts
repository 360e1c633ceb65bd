import { OutputParserError } from "../errors/output-parser-error.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { JsonOutputParser } from "../parsers/json-output-parser.js";
import { formatSchemaIssues } from "../parsers/schema-issues.js";
import { StructuredOutputParser } from "../parsers/structured-output-parser.js";
import type { Runnable } from "../runnables/runnable.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { StandardSchemaV1 } from "../schema/standard-schema.js";
import { standardSchemaToJsonSchema } from "../schema/standard-schema-to-json-schema.js";
import type { JsonRecord } from "./json-record.js";

/** What `withStructuredOutput` accepts: a Standard Schema (zod 3 or 4, Valibot...) or a JSON Schema object. */
export type StructuredOutputSchema = StandardSchemaV1 | JsonRecord;

/** Options of `withStructuredOutput`. */
export interface StructuredOutputOptions {
  /** The schema's (or forced tool's) name shown to the model (default: the schema's `title`, else "output"). */
  name?: string;
  /** What the output is, shown to the model with the tool when the tool-call method is used. */
  description?: string;
  /**
   * How to ask for the structure. `"jsonSchema"`: the provider's native structured output
   * (OpenAI `response_format`, Ollama `format`); `"functionCalling"`: one forced tool call
   * (Anthropic's only way). Each provider picks a sensible default.
   */
  method?: "jsonSchema" | "functionCalling";
  /**
   * Ask for strict schema adherence, sent only when set: with `"jsonSchema"` as
   * `json_schema.strict` (OpenAI), with `"functionCalling"` on the forced tool (`function.strict`
   * for OpenAI-style APIs). Anthropic has no strict tools here: it is an `InvalidInputError`
   * there, never dropped silently.
   */
  strict?: boolean;
  /**
   * Also return the model's message: the output is `{ raw, parsed }`, and when the message cannot
   * be parsed `parsed` is `null` and `parsingError` says why, instead of a rejection.
   */
  includeRaw?: boolean;
}

/**
 * The JSON Schema a model is shown: the object itself, or the output side of the Standard
 * Schema's conversion (zod 3 included), without `$schema`. Throws `UnsupportedSchemaError` for a
 * schema with no JSON Schema form.
 */
export function structuredJsonSchema(schema: StructuredOutputSchema): JsonRecord {
  if (!isStandardSchema(schema)) return schema;
  const { $schema: _, ...rest } = standardSchemaToJsonSchema(schema, { io: "output" });
  return rest;
}

/** The name the structure is given: the option, the schema's title, or "output" (safe for OpenAI's name rules). */
export function structuredName(schema: JsonRecord, options: StructuredOutputOptions): string {
  const title = typeof schema.title === "string" ? schema.title : undefined;
  return (options.name ?? title ?? "output").replace(/[^a-zA-Z0-9_-]/g, "_").slice(0, 64);
}

/** Parses the model's JSON text (streaming partial objects), validated at the end when the schema can. */
export function jsonTextParser<T>(schema: StructuredOutputSchema): Runnable<AIMessageChunk, T, unknown> {
  if (isStandardSchema(schema)) {
    return new StructuredOutputParser<T>({ schema: schema as StandardSchemaV1<unknown, T> });
  }
  // A plain JSON Schema is trusted (the provider enforces it): its T is the caller's.
  return new JsonOutputParser<T>();
}

/**
 * Validates a value with a Standard Schema (its output may differ: defaults, transforms); a
 * plain JSON Schema is trusted (the provider enforced it). A mismatch is an `OutputParserError`
 * carrying `text`.
 */
export async function validateStructuredValue<T>(
  schema: StructuredOutputSchema,
  value: unknown,
  text: string,
): Promise<T> {
  if (!isStandardSchema(schema)) return value as T;
  const result = await schema["~standard"].validate(value);
  if (result.issues === undefined) return result.value as T;
  throw new OutputParserError(
    `Output does not match the schema:\n${formatSchemaIssues(result.issues)}`,
    text,
    {
      cause: result.issues,
    },
  );
}

import { messageJsonSchema } from "../messages/message-json-schema.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { JsonSchemaObject } from "../schema/zod3-conversion.js";

/** What a prompt's input schema is built from: its variables and how each is typed. */
export interface PromptInputSchemaOptions {
  /** Variables the caller must give (`inputVariables`). */
  readonly required: readonly string[];
  /** Variables that may be left out (optional placeholders). */
  readonly optional?: readonly string[] | undefined;
  /** Variables that take a list of messages (placeholders). */
  readonly messageLists?: readonly string[] | undefined;
  /** Mustache variables may be objects and lists (sections, dotted paths): they take any value. */
  readonly anyValue?: boolean | undefined;
}

/** `chat_history` → `Chat History`, as pydantic titles fields. */
function titleOf(name: string): string {
  return name
    .split("_")
    .map((word) => word.charAt(0).toUpperCase() + word.slice(1))
    .join(" ");
}

function variableSchema(name: string, options: PromptInputSchemaOptions): JsonSchemaObject {
  const title = titleOf(name);
  if (options.messageLists?.includes(name)) return { title, type: "array", items: messageJsonSchema() };
  return options.anyValue ? { title } : { title, type: "string" };
}

/**
 * A prompt template's input schema, as LangServe shows one: an object with a property per
 * variable (a string, a list of messages for a placeholder, any value for mustache), the
 * required ones listed in `required`. Partial variables are not in it: the caller does not give them.
 *
 * @example
 * promptInputSchema({ required: ["topic"] }).jsonSchema;
 * // { type: "object", properties: { topic: { title: "Topic", type: "string" } }, required: ["topic"] }
 */
export function promptInputSchema(options: PromptInputSchemaOptions): RunnableSchema {
  const properties: Record<string, JsonSchemaObject> = {};
  for (const name of [...options.required, ...(options.optional ?? [])]) {
    // Defined, not assigned: a variable named `__proto__` is a property like any other.
    Object.defineProperty(properties, name, { value: variableSchema(name, options), enumerable: true });
  }
  return { jsonSchema: { type: "object", properties, required: [...options.required] } };
}

import { messageJsonSchema } from "../messages/message-json-schema.js";
import type { JsonSchemaObject } from "../schema/zod3-conversion.js";

/**
 * The JSON Schema of what chat models and LLMs take (`BaseLanguageModelInput`): a string, a
 * list of messages (see `messageJsonSchema`), or a prompt value (an object with `messages` or
 * `text`, as a prompt template outputs it).
 *
 * @example
 * languageModelInputJsonSchema(); // { title: "LanguageModelInput", anyOf: [string, messages, prompt value] }
 */
export function languageModelInputJsonSchema(): JsonSchemaObject {
  return {
    title: "LanguageModelInput",
    anyOf: [
      { type: "string" },
      { type: "array", items: messageJsonSchema() },
      {
        title: "PromptValue",
        type: "object",
        properties: { messages: { type: "array", items: messageJsonSchema() }, text: { type: "string" } },
      },
    ],
  };
}

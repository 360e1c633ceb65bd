import type { JsonSchemaObject } from "../schema/zod3-conversion.js";

/** Text, or a list of content blocks (objects with a `type`). */
const CONTENT: JsonSchemaObject = {
  title: "Content",
  anyOf: [{ type: "string" }, { type: "array", items: { type: "object" } }],
};

/**
 * The JSON Schema of one message as the chat models and placeholders take it: a message object
 * (a wire message with its `type`, or `{ role, content }`), a `[role, content]` pair, or a bare
 * string (a human message). Deliberately loose about the fields each dialect adds
 * (`additional_kwargs`, `tool_calls`, ids): the models check messages themselves.
 *
 * @example
 * messageJsonSchema(); // { title: "Message", anyOf: [{ type: "object", ... }, ...] }
 */
export function messageJsonSchema(): JsonSchemaObject {
  return {
    title: "Message",
    anyOf: [
      {
        type: "object",
        properties: { type: { type: "string" }, role: { type: "string" }, content: CONTENT },
      },
      { type: "array", prefixItems: [{ type: "string" }, CONTENT], minItems: 2, maxItems: 2 },
      { type: "string" },
    ],
  };
}

/**
 * The JSON Schema of an AI message, a chat model's output, as the wire writes it (LangServe's
 * field names): `content`, `type: "ai"`, the tool calls and the usage.
 */
export function aiMessageJsonSchema(): JsonSchemaObject {
  return {
    title: "AIMessage",
    type: "object",
    properties: {
      content: CONTENT,
      type: { const: "ai" },
      id: { type: ["string", "null"] },
      name: { type: ["string", "null"] },
      tool_calls: {
        type: "array",
        items: {
          type: "object",
          properties: {
            name: { type: "string" },
            args: { type: "object" },
            id: { type: ["string", "null"] },
          },
          required: ["name", "args"],
        },
      },
      usage_metadata: { type: ["object", "null"] },
      response_metadata: { type: "object" },
    },
    required: ["content"],
  };
}

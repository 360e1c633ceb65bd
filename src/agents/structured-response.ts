import { JsonStreamParser } from "../json-stream/json-stream-parser.js";
import type { JsonValue } from "../json-stream/json-value.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { ToolCall } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";
import type { FunctionDefinition } from "../models/tool-definition.js";
import { schemaToJsonSchema } from "../tools/schema-to-json-schema.js";
import { type ToolSchema, validateToolArgs } from "../tools/validate-tool-args.js";

/** The name of the tool through which the model gives its structured answer, unless the schema has a `title`. */
const DEFAULT_NAME = "structured_response";

/**
 * `responseFormat` as the loop uses it (LangChain's tool strategy): a tool the model is bound
 * to (with `tool_choice: "any"`, so each step calls a tool) whose arguments are the answer.
 */
export interface ResponseFormatTool {
  readonly name: string;
  readonly schema: ToolSchema;
  readonly definition: FunctionDefinition;
}

/** The response tool for a schema: named after its JSON Schema `title` when that is a tool name. */
export function responseFormatTool(schema: ToolSchema): ResponseFormatTool {
  const parameters = schemaToJsonSchema(schema);
  const title = parameters.title;
  const name = typeof title === "string" && /^[A-Za-z0-9_-]{1,64}$/.test(title) ? title : DEFAULT_NAME;
  const description = "Give the final answer to the user in this structured form (call it once, last).";
  return { name, schema, definition: { name, description, parameters } };
}

/** A reply's call of the response tool, checked: the answer (`value`) or what is wrong with it. */
export type StructuredAnswer =
  | {
      readonly call: ToolCall & { id: string };
      readonly valid: true;
      readonly value: unknown;
      readonly answer: ToolMessage;
    }
  | { readonly call: ToolCall & { id: string }; readonly valid: false; readonly answer: ToolMessage };

/**
 * Checks the response tool's call in a reply (the first one) against the schema. Valid: the
 * ToolMessage answering it says the answer was taken. Invalid: an error ToolMessage lists the
 * issues, and the model tries again next step.
 */
export async function readStructuredAnswer(
  call: ToolCall & { id: string },
  format: ResponseFormatTool,
): Promise<StructuredAnswer> {
  const result = await validateToolArgs(format.schema, call.args);
  if (result.success) {
    const content = `Returning structured response: ${JSON.stringify(call.args)}`;
    const answer = new ToolMessage({ content, tool_call_id: call.id, name: call.name, status: "success" });
    return { call, valid: true, value: result.value, answer };
  }
  const issues = result.issues.map((issue) => `${issue.path}: ${issue.message}`).join("; ");
  const content = `Error: the structured response does not match the schema (${issues}). Call ${format.name} again with a valid answer.`;
  return {
    call,
    valid: false,
    answer: new ToolMessage({ content, tool_call_id: call.id, name: call.name, status: "error" }),
  };
}

/**
 * Reads the response tool's argument fragments as they stream and gives the partial answer each
 * time it grows (through the incremental JSON parser), for a UI that shows the answer forming.
 */
export class PartialAnswerReader {
  readonly #name: string;
  #index: number | undefined;
  readonly #parser = new JsonStreamParser();

  constructor(name: string) {
    this.#name = name;
  }

  /** The partial answer when this chunk changed it, else undefined. */
  read(chunk: AIMessageChunk): JsonValue | undefined {
    let changed = false;
    for (const fragment of chunk.tool_call_chunks) {
      if (this.#index === undefined && fragment.name === this.#name) this.#index = fragment.index ?? -1;
      if (this.#index === undefined || (fragment.index ?? -1) !== this.#index) continue;
      if (fragment.args !== undefined && fragment.args !== "" && this.#parser.push(fragment.args))
        changed = true;
    }
    return changed ? this.#parser.value : undefined;
  }
}

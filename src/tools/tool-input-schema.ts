import { checkJsonSchema } from "../schema/check-json-schema.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type {
  StandardSchemaIssue,
  StandardSchemaResult,
  StandardSchemaV1,
} from "../schema/standard-schema.js";
import type { JsonSchemaObject } from "../schema/zod3-conversion.js";
import { coerceToolInput, isToolCall, toolInputShape } from "./coerce-tool-input.js";
import { schemaToJsonSchema } from "./schema-to-json-schema.js";
import type { ToolSchema } from "./validate-tool-args.js";

async function argsIssues(
  schema: ToolSchema | undefined,
  value: unknown,
): Promise<readonly StandardSchemaIssue[]> {
  const shape = toolInputShape(schema);
  const raw = coerceToolInput(isToolCall(value) ? value.args : value, () => shape);
  if (shape.stringTool && typeof raw !== "string") {
    return [{ message: "expected a string or { input: string }", path: [] }];
  }
  if (schema === undefined) return [];
  if (isStandardSchema(schema)) return (await schema["~standard"].validate(raw)).issues ?? [];
  return checkJsonSchema(schema, raw).map((issue) => ({ message: issue.message, path: issue.path }));
}

/**
 * A tool's input schema: the JSON Schema of its arguments (what LangServe shows for a tool; a
 * string tool's is `{ input: string }`), and a validator that takes what the tool takes, as its
 * `invoke` does: the arguments, a bare string for a string tool or the only string property,
 * or a model's `ToolCall` (its `args` are checked). A schema with no JSON Schema form shows `{}`.
 */
export function toolInputSchema(schema: ToolSchema | undefined): RunnableSchema {
  let jsonSchema: JsonSchemaObject = {};
  try {
    jsonSchema = { ...schemaToJsonSchema(schema) };
  } catch {
    // No JSON Schema form: the validator still checks through the schema's own `validate`.
  }
  const standard: StandardSchemaV1 = {
    "~standard": {
      version: 1,
      vendor: "rivulet",
      validate: async (value): Promise<StandardSchemaResult<unknown>> => {
        const issues = await argsIssues(schema, value);
        return issues.length === 0 ? { value } : { issues };
      },
    },
  };
  return { jsonSchema, standard };
}

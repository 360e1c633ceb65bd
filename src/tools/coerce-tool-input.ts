import { isPlainObject } from "../internal/is-plain-object.js";
import type { ToolCall } from "../messages/tool-call.js";
import { convertToolSchema, isStringJsonSchema } from "./schema-to-json-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";
import type { ToolSchema } from "./validate-tool-args.js";

/** True for a model's tool call (`type: "tool_call"` with an `args` object), not for plain args. */
export function isToolCall(value: unknown): value is ToolCall & { type: "tool_call" } {
  if (typeof value !== "object" || value === null) return false;
  const args: unknown = Reflect.get(value, "args");
  return (
    Reflect.get(value, "type") === "tool_call" &&
    typeof args === "object" &&
    args !== null &&
    typeof Reflect.get(value, "name") === "string"
  );
}

function allowsString(schema: JsonSchema | undefined): boolean {
  const type = schema?.type;
  return type === "string" || (Array.isArray(type) && type.includes("string"));
}

/**
 * The property a bare string input fills: the only required property when it is a string
 * (`{ city: string, unit?: "C" | "F" }` → `"city"`), or, when nothing is required, the only
 * string property. Undefined otherwise, so a string input is left as it is and validation
 * reports it.
 */
export function singleStringKey(schema: JsonSchema): string | undefined {
  const properties = schema.properties ?? {};
  const required = schema.required ?? [];
  const [first] = required;
  if (required.length === 1 && first !== undefined) {
    return Object.hasOwn(properties, first) && allowsString(properties[first]) ? first : undefined;
  }
  if (required.length > 1) return undefined;
  const strings = Object.keys(properties).filter((k) => allowsString(properties[k]));
  return strings.length === 1 ? strings[0] : undefined;
}

/**
 * How a tool takes its input, read from its schema's JSON Schema: a string tool (no schema, or a
 * schema of one string such as `z.string()` or `{ type: "string" }`), or an object tool whose
 * bare string input fills `stringKey` (see {@link singleStringKey}).
 */
export interface ToolInputShape {
  readonly stringTool: boolean;
  readonly stringKey: string | undefined;
}

/** The {@link ToolInputShape} of a schema. A schema with no JSON Schema is an object tool without a string key. */
export function toolInputShape(schema: ToolSchema | undefined): ToolInputShape {
  if (schema === undefined) return { stringTool: true, stringKey: undefined };
  let json: JsonSchema;
  try {
    json = convertToolSchema(schema);
  } catch {
    // No JSON Schema for this library: input goes to validation as it is.
    return { stringTool: false, stringKey: undefined };
  }
  if (isStringJsonSchema(json)) return { stringTool: true, stringKey: undefined };
  return { stringTool: false, stringKey: singleStringKey(json) };
}

/**
 * The arguments of a call before validation. A string tool takes a string, or the `{ input }`
 * object models send for it (unwrapped to the string). An object tool takes its args object as
 * is, or a bare string mapped onto its single string property (`shape.stringKey`). Anything else
 * is left as it is, for the caller to reject.
 */
export function coerceToolInput(input: unknown, shape: () => ToolInputShape): unknown {
  if (isPlainObject(input)) {
    if (!shape().stringTool) return input;
    const only = Object.keys(input);
    const value = input.input;
    return only.length === 1 && typeof value === "string" ? value : input;
  }
  if (typeof input !== "string") return input;
  const { stringTool, stringKey } = shape();
  return stringTool || stringKey === undefined ? input : { [stringKey]: input };
}

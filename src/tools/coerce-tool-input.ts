import type { ToolCall } from "../messages/tool-call.js";
import type { JsonSchema } from "./validate-json-schema.js";

/** True for a model's tool call (`type: "tool_call"` with an `args` object), not for plain args. */
export function isToolCall(value: unknown): value is ToolCall & { type: "tool_call" } {
  if (typeof value !== "object" || value === null) return false;
  const v = value as { type?: unknown; args?: unknown; name?: unknown };
  return (
    v.type === "tool_call" && typeof v.args === "object" && v.args !== null && typeof v.name === "string"
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
 * The arguments of a call before validation. A tool with a schema takes its args object as is, or
 * a bare string mapped onto its single string property (`stringKey`). A tool without a schema
 * takes a string, or the `{ input }` object models send for it; anything else is left as it is,
 * for the caller to reject.
 */
export function coerceToolInput(
  input: unknown,
  hasSchema: boolean,
  stringKey: () => string | undefined,
): unknown {
  if (!hasSchema) {
    if (typeof input === "object" && input !== null && !Array.isArray(input)) {
      const only = Object.keys(input);
      const value = (input as { input?: unknown }).input;
      if (only.length === 1 && typeof value === "string") return value;
    }
    return input;
  }
  if (typeof input !== "string") return input;
  const key = stringKey();
  return key === undefined ? input : { [key]: input };
}

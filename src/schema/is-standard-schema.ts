import type { StandardSchemaV1 } from "./standard-schema.js";

/** True for a Standard Schema (zod 4, Valibot, ArkType...; ArkType's types are functions, so functions count too). */
export function isStandardSchema(schema: unknown): schema is StandardSchemaV1 {
  if ((typeof schema !== "object" && typeof schema !== "function") || schema === null) return false;
  const props: unknown = Reflect.get(schema, "~standard");
  return typeof props === "object" && props !== null && typeof Reflect.get(props, "validate") === "function";
}

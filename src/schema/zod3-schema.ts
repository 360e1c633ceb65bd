import { isStandardSchema } from "./is-standard-schema.js";
import type { StandardSchemaV1 } from "./standard-schema.js";

/**
 * The definition of a zod 3 schema (`schema._def`): `typeName` names the zod class
 * (`"ZodObject"`, `"ZodString"`...); the class's own fields (`innerType`, `checks`, `shape`...)
 * are read with `defField` and checked, since Rivulet never imports zod.
 */
export interface Zod3Def {
  readonly typeName: string;
  readonly description?: string | undefined;
}

/** A field of a zod 3 definition, unchecked. */
export function defField(def: Zod3Def, name: string): unknown {
  return Reflect.get(def, name);
}

/** A zod 3 schema as Rivulet reads it: the Standard Schema interface zod 3.24+ implements, and `_def`. */
export interface Zod3Schema extends StandardSchemaV1 {
  readonly _def: Zod3Def;
}

/**
 * True for a schema built by zod 3 (`import { z } from "zod"` in zod 3.x, or `"zod/v3"`): vendor
 * `"zod"`, a `_def` with a `typeName`, and no `_zod`, which every zod 4 schema has (zod 4's
 * classic API also has `_def`, without `typeName`).
 */
export function isZod3Schema(value: unknown): value is Zod3Schema {
  if (!isStandardSchema(value) || value["~standard"].vendor !== "zod") return false;
  if (Reflect.get(value, "_zod") !== undefined) return false;
  const def: unknown = Reflect.get(value, "_def");
  return typeof def === "object" && def !== null && typeof Reflect.get(def, "typeName") === "string";
}

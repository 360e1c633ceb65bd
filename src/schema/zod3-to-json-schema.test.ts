import { describe, expect, it } from "vitest";
import { z as z4 } from "zod";
import { z as z3 } from "zod3";
import { UnsupportedSchemaError } from "./unsupported-schema-error.js";
import { isZod3Schema } from "./zod3-schema.js";
import { zod3ToJsonSchema } from "./zod3-to-json-schema.js";

// The builders below run on both majors: the part of zod's API they use is the same in zod 3
// and zod 4, so zod 3's `z` is given the zod 4 type only to share one builder per schema.
type Zod = typeof z4;
const zod3 = z3 as unknown as Zod;

enum Color {
  Red = "red",
  Green = "green",
}
enum Level {
  Low = 1,
  High = 2,
}

/** Schemas whose JSON Schema zod 3 (through our converter) and zod 4 write identically. */
const SAME_AS_ZOD4: Record<string, (z: Zod) => unknown> = {
  string: (z) => z.string(),
  "string bounds and description": (z) => z.string().min(1).max(5).describe("d"),
  "string length": (z) => z.string().length(3),
  "string regex": (z) => z.string().regex(/^a+$/),
  "string url": (z) => z.string().url(),
  "number bounds": (z) => z.number().int().min(1).max(9),
  "number exclusive bounds": (z) => z.number().gt(0).lt(5),
  "number positive and multipleOf": (z) => z.number().positive().multipleOf(2),
  "number narrowed bounds": (z) => z.number().min(1).gt(1).max(3).max(2),
  boolean: (z) => z.boolean(),
  null: (z) => z.null(),
  "string literal": (z) => z.literal("a"),
  "number literal": (z) => z.literal(3),
  "boolean literal": (z) => z.literal(true),
  enum: (z) => z.enum(["a", "b"]),
  "native string enum": (z) => z.nativeEnum(Color),
  "native numeric enum": (z) => z.nativeEnum(Level),
  array: (z) => z.array(z.string()).min(1).max(3),
  "array length and description": (z) => z.array(z.number()).length(2).describe("pair"),
  "object with optional, default, nullable, nullish": (z) =>
    z.object({
      a: z.string(),
      b: z.number().optional(),
      c: z.string().default("x"),
      d: z.string().nullable(),
      e: z.string().nullish(),
    }),
  "descriptions on wrappers and inner schemas": (z) =>
    z
      .object({
        a: z.string().optional().describe("outer"),
        b: z.string().describe("inner").optional(),
        c: z.string().default("q").describe("dd"),
        d: z.string().describe("x").nullable(),
        e: z.string().nullable().describe("y"),
      })
      .describe("top"),
  "strict object": (z) => z.object({ a: z.string() }).strict(),
  "passthrough object": (z) => z.object({ a: z.string() }).passthrough(),
  "object catchall": (z) => z.object({}).catchall(z.number()),
  "nested objects and arrays": (z) =>
    z.object({
      trip: z.object({ stops: z.array(z.object({ city: z.string(), nights: z.number().min(1) })) }),
    }),
  "union of bare types": (z) => z.union([z.string(), z.number()]),
  "union of constrained types": (z) => z.union([z.string().min(2), z.number()]),
  "union with an object": (z) => z.union([z.string(), z.object({ a: z.string() })]),
  "nullable union": (z) => z.union([z.string(), z.number()]).nullable(),
  "nullable object": (z) => z.object({ a: z.string() }).nullable(),
  "discriminated union": (z) =>
    z.discriminatedUnion("k", [
      z.object({ k: z.literal("a") }),
      z.object({ k: z.literal("b"), v: z.number() }),
    ]),
  "intersection of objects": (z) => z.intersection(z.object({ a: z.string() }), z.object({ b: z.string() })),
  record: (z) => z.record(z.string(), z.number()),
  tuple: (z) => z.tuple([z.string(), z.number()]),
  "tuple with an optional tail": (z) => z.tuple([z.string(), z.number().optional()]),
  "tuple with rest": (z) => z.tuple([z.string()]).rest(z.number()),
  any: (z) => z.any(),
  unknown: (z) => z.unknown(),
  never: (z) => z.never(),
  refine: (z) => z.string().refine((s) => s.length > 1),
  "pipe (each side)": (z) => z.string().pipe(z.string().min(2)),
  "default number": (z) => z.number().default(3),
  "default object": (z) => z.object({ a: z.number().default(1) }).default({ a: 1 }),
  catch: (z) => z.string().catch("x"),
  readonly: (z) => z.object({ a: z.string() }).readonly(),
  brand: (z) => z.string().brand("B"),
  "non-recursive lazy": (z) => z.lazy(() => z.object({ a: z.string() })),
  "__proto__ property": (z) => z.object({ ["__proto__"]: z.string() }),
};

const TARGETS = ["draft-2020-12", "draft-07", "openapi-3.0"] as const;
const SIDES = ["input", "output"] as const;

describe("zod3ToJsonSchema writes what zod 4's z.toJSONSchema writes for the same schema", () => {
  const cases = Object.entries(SAME_AS_ZOD4).flatMap(([name, build]) =>
    TARGETS.flatMap((target) => SIDES.map((io) => ({ name, build, target, io }))),
  );
  it.each(cases)("$name ($target, $io)", ({ build, target, io }) => {
    const schema = build(zod3);
    if (!isZod3Schema(schema)) throw new Error("not a zod 3 schema");
    const expected = z4.toJSONSchema(build(z4) as z4.ZodType, { target, io });
    expect(JSON.stringify(zod3ToJsonSchema(schema, { target, io }))).toBe(JSON.stringify(expected));
  });
});

describe("zod3ToJsonSchema: where zod 3 differs from zod 4", () => {
  it("writes string formats without zod's regular expressions (zod 3 does not expose them)", () => {
    const schema = z3.object({
      email: z3.string().email(),
      id: z3.string().uuid(),
      at: z3.string().datetime(),
    });
    expect(zod3ToJsonSchema(schema, { io: "input" })).toEqual({
      $schema: "https://json-schema.org/draft/2020-12/schema",
      type: "object",
      properties: {
        email: { type: "string", format: "email" },
        id: { type: "string", format: "uuid" },
        at: { type: "string", format: "date-time" },
      },
      required: ["email", "id", "at"],
    });
  });

  it("writes .int() as type integer without the safe-integer range zod 3 does not check", () => {
    expect(zod3ToJsonSchema(z3.number().int(), { target: "openapi-3.0" })).toEqual({ type: "integer" });
  });

  it("does not require a record's enum keys: zod 3 accepts a record without some of them", () => {
    const schema = z3.record(z3.enum(["a", "b"]), z3.number());
    expect(schema.safeParse({ a: 1 }).success).toBe(true);
    expect(zod3ToJsonSchema(schema, { target: "openapi-3.0" })).toEqual({
      type: "object",
      additionalProperties: { type: "number" },
    });
  });

  it("writes startsWith, endsWith and includes as escaped patterns, without zod 4's non-standard formats", () => {
    const schema = z3.object({
      a: z3.string().startsWith("a.b"),
      b: z3.string().endsWith("$"),
      c: z3.string().includes("+"),
    });
    expect(zod3ToJsonSchema(schema, { target: "openapi-3.0" })).toMatchObject({
      properties: {
        a: { type: "string", pattern: "^a\\.b.*" },
        b: { type: "string", pattern: ".*\\$$" },
        c: { type: "string", pattern: "\\+" },
      },
    });
  });

  it("writes every pattern of a string with several under allOf", () => {
    expect(zod3ToJsonSchema(z3.string().regex(/a/).regex(/b/), { target: "draft-07" })).toEqual({
      $schema: "http://json-schema.org/draft-07/schema#",
      type: "string",
      allOf: [
        { type: "string", pattern: "a" },
        { type: "string", pattern: "b" },
      ],
    });
  });

  it("describes a transform by its input on the input side", () => {
    const schema = z3.object({ n: z3.string().transform((s) => s.length) });
    expect(zod3ToJsonSchema(schema, { target: "openapi-3.0", io: "input" })).toEqual({
      type: "object",
      properties: { n: { type: "string" } },
      required: ["n"],
    });
  });
});

/** The UnsupportedSchemaError `convert` throws. */
function unsupported(convert: () => unknown): UnsupportedSchemaError {
  try {
    convert();
  } catch (error) {
    if (UnsupportedSchemaError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected an UnsupportedSchemaError");
}

describe("zod3ToJsonSchema: parts JSON Schema cannot express are typed errors that say what to do", () => {
  it.each([
    [
      "a date",
      () => z3.object({ trip: z3.object({ when: z3.date() }) }),
      "trip.when",
      "ZodDate",
      "z.string().datetime()",
    ],
    ["a bigint", () => z3.object({ n: z3.bigint() }), "n", "ZodBigInt", "z.number().int()"],
    [
      "a Map in an array",
      () => z3.object({ m: z3.array(z3.map(z3.string(), z3.number())) }),
      "m[]",
      "ZodMap",
      "z.record",
    ],
    ["a Set", () => z3.set(z3.string()), "(root)", "ZodSet", "z.array"],
    ["undefined", () => z3.object({ u: z3.undefined() }), "u", "ZodUndefined", ".optional()"],
    ["a bigint literal", () => z3.literal(BigInt(1)), "(root)", "ZodLiteral", "literal"],
  ])("%s", (_name, build, path, construct, fix) => {
    const error = unsupported(() => zod3ToJsonSchema(build()));
    expect(error.path).toBe(path);
    expect(error.construct).toBe(construct);
    expect(error.library).toBe("zod 3");
    expect(error.code).toBe("invalid_input");
    expect(error.message).toContain(fix);
    expect(error.message).toMatch(/^Cannot convert this zod 3 schema to JSON Schema: /);
  });

  it("a transform on the output side", () => {
    const error = unsupported(() =>
      zod3ToJsonSchema(z3.object({ n: z3.string().transform((s) => s.length) })),
    );
    expect(error.path).toBe("n");
    expect(error.message).toContain("transform the parsed value in a step after it");
  });

  it("a recursive lazy schema", () => {
    interface Category {
      name: string;
      children: Category[];
    }
    const category: z3.ZodType<Category> = z3.lazy(() =>
      z3.object({ name: z3.string(), children: z3.array(category) }),
    );
    const error = unsupported(() => zod3ToJsonSchema(z3.object({ root: category })));
    expect(error.construct).toBe("ZodLazy");
    expect(error.path).toBe("root.children[]");
    expect(error.message).toContain("$ref");
  });

  it("a catch value computed from the failure", () => {
    const schema = z3.string().catch((context) => String(context.error.issues.length));
    const error = unsupported(() => zod3ToJsonSchema(schema));
    expect(error.construct).toBe("ZodCatch");
    expect(error.cause).toBeInstanceOf(TypeError);
  });
});

describe("isZod3Schema", () => {
  it("recognises zod 3 schemas only", async () => {
    const v3 = await import("zod3/v3");
    const v4OfZod3 = await import("zod3/v4");
    const mini = await import("zod/mini");
    expect(isZod3Schema(z3.string())).toBe(true);
    expect(isZod3Schema(v3.z.object({}))).toBe(true);
    expect(isZod3Schema(z4.string())).toBe(false);
    expect(isZod3Schema(v4OfZod3.z.string())).toBe(false);
    expect(isZod3Schema(mini.z.string())).toBe(false);
    expect(isZod3Schema({ type: "string" })).toBe(false);
  });
});

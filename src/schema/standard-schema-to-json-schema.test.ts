import { describe, expect, it } from "vitest";
import { z as z4 } from "zod";
import { z as mini } from "zod/mini";
import { z as z3 } from "zod3";
import { z as z4OfZod3 } from "zod3/v4";
import type { StandardSchemaV1 } from "./standard-schema.js";
import { standardSchemaToJsonSchema } from "./standard-schema-to-json-schema.js";
import { UnsupportedSchemaError } from "./unsupported-schema-error.js";

const validate = (value: unknown) => ({ value });

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

describe("standardSchemaToJsonSchema", () => {
  it("converts zod 4 through Standard JSON Schema and zod 3 with our converter, the same way", () => {
    const schemas = [
      z3.object({ city: z3.string(), days: z3.number().default(1) }),
      z4.object({ city: z4.string(), days: z4.number().default(1) }),
    ];
    for (const schema of schemas) {
      expect(standardSchemaToJsonSchema(schema, { io: "input" })).toEqual({
        $schema: "https://json-schema.org/draft/2020-12/schema",
        type: "object",
        properties: { city: { type: "string" }, days: { default: 1, type: "number" } },
        required: ["city"],
      });
      expect(standardSchemaToJsonSchema(schema, { io: "output", target: "draft-07" })).toMatchObject({
        $schema: "http://json-schema.org/draft-07/schema#",
        required: ["city", "days"],
        additionalProperties: false,
      });
    }
  });

  it("uses a schema's toJSONSchema method when it has no Standard JSON Schema member, asking for the side", () => {
    const calls: unknown[] = [];
    const schema = {
      "~standard": { version: 1 as const, vendor: "lib", validate },
      toJSONSchema(options: unknown) {
        calls.push(options);
        return { type: "string" };
      },
    };
    expect(standardSchemaToJsonSchema(schema, { io: "input", target: "openapi-3.0" })).toEqual({
      type: "string",
    });
    expect(calls).toEqual([{ target: "openapi-3.0", io: "input" }]);
  });

  it("falls back to the other side when a library offers only one", () => {
    const schema: StandardSchemaV1 = {
      "~standard": {
        version: 1,
        vendor: "lib",
        validate,
        jsonSchema: { output: () => ({ type: "number" }) },
      },
    };
    expect(standardSchemaToJsonSchema(schema, { io: "input" })).toEqual({ type: "number" });
  });

  it("a zod 4 schema without a converter (zod/mini, zod 3.25's zod/v4) says how to get one", () => {
    for (const schema of [mini.object({ a: mini.string() }), z4OfZod3.object({ a: z4OfZod3.string() })]) {
      const error = unsupported(() => standardSchemaToJsonSchema(schema, { io: "input" }));
      expect(error.library).toBe("zod 4");
      expect(error.message).toContain('import { z } from "zod"');
      expect(error.message).toContain("z.toJSONSchema(schema)");
    }
  });

  it("a library with no converter is named by its vendor", () => {
    const schema = { "~standard": { version: 1 as const, vendor: "opaque", validate } };
    const error = unsupported(() => standardSchemaToJsonSchema(schema, { io: "input" }));
    expect(error.message).toMatch(
      /^Cannot convert this "opaque" schema to JSON Schema: the schema offers no/,
    );
    expect(error.code).toBe("invalid_input");
  });

  it("a refusal from the library's own converter becomes an UnsupportedSchemaError keeping its words", () => {
    const error = unsupported(() =>
      standardSchemaToJsonSchema(z4.object({ at: z4.date() }), { io: "output" }),
    );
    expect(error.library).toBe("zod 4");
    expect(error.message).toContain("Date cannot be represented in JSON Schema");
    expect(error.message).toContain("a date by an ISO string");
    expect(error.cause).toBeInstanceOf(Error);
  });
});

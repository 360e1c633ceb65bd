import { describe, expect, it } from "vitest";
import { validateJsonSchema } from "./validate-json-schema.js";

describe("validateJsonSchema (the documented subset)", () => {
  it("accepts a list of types, null included", () => {
    const schema = { type: ["string", "null"] as const };
    expect(validateJsonSchema({ type: [...schema.type] }, null)).toEqual([]);
    expect(validateJsonSchema({ type: [...schema.type] }, 1)).toEqual([
      { path: "(root)", message: "expected string or null, received number" },
    ]);
  });

  it("checks const, and additionalProperties given as a schema", () => {
    expect(validateJsonSchema({ const: "v1" }, "v2")).toEqual([
      { path: "(root)", message: 'expected "v1", received "v2"' },
    ]);
    const map = { type: "object" as const, additionalProperties: { type: "number" as const } };
    expect(validateJsonSchema(map, { a: 1, b: "x" })).toEqual([
      { path: "b", message: "expected number, received string" },
    ]);
  });

  it("reports nested paths and ignores keywords outside the subset", () => {
    const schema = {
      type: "object" as const,
      properties: {
        user: {
          type: "object" as const,
          properties: { tags: { type: "array" as const, items: { type: "string" as const, minLength: 3 } } },
          required: ["name"],
        },
      },
    };
    expect(validateJsonSchema(schema, { user: { tags: ["ok", 2] } })).toEqual([
      { path: "user.name", message: "required, but missing" },
      { path: "user.tags[1]", message: "expected string, received number" },
    ]);
  });

  it("a number must be finite; an integer must be whole", () => {
    expect(validateJsonSchema({ type: "number" }, Number.NaN)).toHaveLength(1);
    expect(validateJsonSchema({ type: "integer" }, 2)).toEqual([]);
  });
});

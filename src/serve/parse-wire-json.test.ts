import { describe, expect, it } from "vitest";
import { parseWireJson } from "./parse-wire-json.js";
import { RequestValidationError } from "./request-validation-error.js";

describe("parseWireJson", () => {
  it("drops __proto__, constructor and prototype keys at every depth", () => {
    const value = parseWireJson('{"a":{"__proto__":{"x":1},"b":[{"constructor":1,"prototype":2,"c":3}]}}', {
      maxDepth: 10,
    });
    expect(value).toEqual({ a: { b: [{ c: 3 }] } });
    expect(Object.getPrototypeOf((value as { a: object }).a)).toBe(Object.prototype);
  });

  it("counts nesting outside strings only, escapes included", () => {
    expect(parseWireJson('["[[[\\"[[["]', { maxDepth: 1 })).toEqual(['[[["[[[']);
    expect(() => parseWireJson("[[1]]", { maxDepth: 1 })).toThrow(/nests 2 levels deep/);
  });

  it("reports text that is not JSON as a 422 json_invalid issue", () => {
    try {
      parseWireJson("{nope", { maxDepth: 5 });
      expect.unreachable();
    } catch (error) {
      expect(RequestValidationError.isInstance(error)).toBe(true);
      expect((error as RequestValidationError).status).toBe(422);
      expect((error as RequestValidationError).issues[0]).toMatchObject({
        loc: ["body"],
        type: "json_invalid",
      });
    }
  });
});

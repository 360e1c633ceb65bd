import { describe, expect, it } from "vitest";
import { escapeJsonPointerToken } from "./escape-json-pointer-token.js";
import { parseJsonPointer } from "./parse-json-pointer.js";

describe("escapeJsonPointerToken", () => {
  it.each([
    ["plain", "plain"],
    ["", ""],
    ["a/b", "a~1b"],
    ["m~n", "m~0n"],
    ["~1", "~01"],
    ["/~/", "~1~0~1"],
  ])("escapes %j as %j", (token, escaped) => {
    expect(escapeJsonPointerToken(token)).toBe(escaped);
  });

  it("round-trips through parseJsonPointer", () => {
    for (const token of ["a/b~c", "~0~1", "//", "é/東京"]) {
      expect(parseJsonPointer(`/${escapeJsonPointerToken(token)}`)).toEqual([token]);
    }
  });
});

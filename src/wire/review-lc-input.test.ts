// Review: plain data whose `type` names a member of Object.prototype is not a message.
import { describe, expect, it } from "vitest";
import { decodeWireValue } from "./decode-wire-value.js";

describe("decodeWireValue in the langserve dialect", () => {
  it("keeps objects typed after Object.prototype's members as plain data", () => {
    for (const type of ["constructor", "toString", "__proto__", "hasOwnProperty"]) {
      const input = JSON.parse(`{"type":${JSON.stringify(type)},"content":"kept"}`);
      const decoded = decodeWireValue({ item: input }, "langserve", ["input"]);
      expect(decoded).toEqual({ item: input });
      expect(Object.keys(Reflect.get(Object(decoded), "item"))).toEqual(["type", "content"]);
    }
  });
});

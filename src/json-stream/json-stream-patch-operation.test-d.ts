import { describe, expectTypeOf, it } from "vitest";
import type { JsonPatchOperation } from "../json-patch/json-patch-operation.js";
import type { JsonStreamPatchOperation } from "./json-stream-patch-operation.js";
import type { JsonValue } from "./json-value.js";

describe("JsonStreamPatchOperation", () => {
  it("is the add, replace and append members of the one JsonPatchOperation type", () => {
    expectTypeOf<JsonStreamPatchOperation>().toEqualTypeOf<
      Extract<JsonPatchOperation<JsonValue>, { op: "add" | "replace" | "append" }>
    >();
    expectTypeOf<JsonStreamPatchOperation[]>().toExtend<readonly JsonPatchOperation[]>();
  });

  it("narrows on op: append carries a string", () => {
    expectTypeOf<Extract<JsonStreamPatchOperation, { op: "append" }>["value"]>().toEqualTypeOf<string>();
    expectTypeOf<Extract<JsonStreamPatchOperation, { op: "add" }>["value"]>().toEqualTypeOf<JsonValue>();
  });
});

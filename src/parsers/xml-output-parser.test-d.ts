import type { RunnableChunk, RunnableOutput } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import type { JsonPatchOperation } from "../json-patch/index.js";
import { BytesOutputParser, XMLOutputParser, type XMLResult } from "./index.js";

describe("XML and bytes parser types", () => {
  it("XMLOutputParser outputs and streams XMLResult, whose values are text or child lists", () => {
    const parser = new XMLOutputParser({ tags: ["a"] });
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<XMLResult>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<XMLResult>();
    expectTypeOf<XMLResult[string]>().toEqualTypeOf<string | XMLResult[]>();
    const diff = new XMLOutputParser({ diff: true });
    expectTypeOf<RunnableChunk<typeof diff>>().toEqualTypeOf<JsonPatchOperation[]>();
    expectTypeOf<RunnableOutput<typeof diff>>().toEqualTypeOf<XMLResult>();
  });

  it("BytesOutputParser outputs and streams Uint8Array", () => {
    const parser = new BytesOutputParser();
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<Uint8Array>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<Uint8Array>();
  });
});

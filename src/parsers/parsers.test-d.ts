import type { RunnableChunk, RunnableOutput } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type { JsonPathEvent, JsonStreamPatchOperation } from "../json-stream/index.js";
import {
  type DeepPartial,
  JsonOutputParser,
  type SafeParseResult,
  type StringOutputParser,
  StructuredOutputParser,
} from "./index.js";

type Countries = { countries: { name: string }[] };

describe("parser types", () => {
  it("JsonOutputParser streams DeepPartial<T> and outputs T", () => {
    const parser = new JsonOutputParser<Countries>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<DeepPartial<Countries>>();
    expectTypeOf<DeepPartial<Countries>>().toEqualTypeOf<{ countries?: { name?: string }[] }>();
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<Countries>();
  });

  it("diff and pathEvents change the chunk type", () => {
    expectTypeOf<RunnableChunk<JsonOutputParser<Countries, { diff: true }>>>().toEqualTypeOf<
      JsonStreamPatchOperation[]
    >();
    expectTypeOf(new JsonOutputParser({ pathEvents: true })).toExtend<{ pipe: unknown }>();
    expectTypeOf<
      RunnableChunk<JsonOutputParser<Countries, { pathEvents: true }>>
    >().toEqualTypeOf<JsonPathEvent>();
  });

  it("StructuredOutputParser infers T from the schema", () => {
    const parser = StructuredOutputParser.fromZodSchema(z.object({ n: z.number() }));
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<{ n: number }>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<{ n?: number }>();
    expectTypeOf(parser.safeParse("{}")).resolves.toEqualTypeOf<SafeParseResult<{ n: number }>>();
  });

  it("StringOutputParser is string in, string out", () => {
    expectTypeOf<RunnableChunk<StringOutputParser>>().toEqualTypeOf<string>();
  });
});

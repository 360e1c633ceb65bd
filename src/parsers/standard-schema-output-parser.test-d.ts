import type { RunnableChunk, RunnableOutput } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { type DeepPartial, StandardSchemaOutputParser, StructuredOutputParser } from "./index.js";

describe("schema parser types", () => {
  it("StandardSchemaOutputParser outputs and streams the schema's output type", () => {
    const parser = new StandardSchemaOutputParser(
      z.object({ city: z.string(), days: z.number().default(3) }),
    );
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<{ city: string; days: number }>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<{ city: string; days: number }>();
    const explicit = new StandardSchemaOutputParser<{ n: number }>(z.object({ n: z.number() }));
    expectTypeOf(explicit.parse).returns.resolves.toEqualTypeOf<{ n: number }>();
  });

  it("fromNamesAndDescriptions reads an object of exactly the named strings", () => {
    const parser = StructuredOutputParser.fromNamesAndDescriptions({ answer: "the answer", source: "a url" });
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<Record<"answer" | "source", string>>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<
      DeepPartial<Record<"answer" | "source", string>>
    >();
  });
});

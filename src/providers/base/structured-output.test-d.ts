import type { AIMessageChunk, OutputParserError, RunnableChunk, RunnableOutput } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import type {
  StructuredOutputWithRaw,
  StructuredOutputWithRawChunk,
} from "../../models/include-raw-output.js";
import type { DeepPartial } from "../../parsers/deep-partial.js";
import { ChatAnthropic } from "../anthropic/index.js";
import { ChatOpenAI } from "../openai/index.js";

const trip = z.object({ city: z.string(), days: z.number(), sights: z.array(z.string()) });
type Trip = z.infer<typeof trip>;

describe("withStructuredOutput types", () => {
  it("streams DeepPartial<T> by forced tool call and by json_schema, outputs T", () => {
    const byTool = new ChatOpenAI({ apiKey: "k" }).withStructuredOutput(trip, { method: "functionCalling" });
    const anthropic = new ChatAnthropic({ apiKey: "k" }).withStructuredOutput(trip);
    const byJsonSchema = new ChatOpenAI({ apiKey: "k" }).withStructuredOutput(trip);
    expectTypeOf<RunnableChunk<typeof byTool>>().toEqualTypeOf<DeepPartial<Trip>>();
    expectTypeOf<RunnableChunk<typeof anthropic>>().toEqualTypeOf<DeepPartial<Trip>>();
    expectTypeOf<RunnableChunk<typeof byJsonSchema>>().toEqualTypeOf<DeepPartial<Trip>>();
    expectTypeOf<DeepPartial<Trip>>().toEqualTypeOf<{ city?: string; days?: number; sights?: string[] }>();
    expectTypeOf<RunnableOutput<typeof byTool>>().toEqualTypeOf<Trip>();
  });

  it("includeRaw: true gives { raw, parsed } with parsed null and parsingError on failure", () => {
    const extractor = new ChatAnthropic({ apiKey: "k" }).withStructuredOutput(trip, { includeRaw: true });
    expectTypeOf<RunnableOutput<typeof extractor>>().toEqualTypeOf<StructuredOutputWithRaw<Trip>>();
    expectTypeOf<RunnableChunk<typeof extractor>>().toEqualTypeOf<StructuredOutputWithRawChunk<Trip>>();
    const result = {} as StructuredOutputWithRaw<Trip>;
    expectTypeOf(result.raw).toEqualTypeOf<AIMessageChunk>();
    if (result.parsed === null) expectTypeOf(result.parsingError).toEqualTypeOf<OutputParserError>();
    else expectTypeOf(result.parsed).toEqualTypeOf<Trip>();
  });

  it("a JSON Schema object takes its output type as a type argument", () => {
    const extractor = new ChatOpenAI({ apiKey: "k" }).withStructuredOutput<{ city: string }>(
      { type: "object", properties: { city: { type: "string" } } },
      { includeRaw: true },
    );
    expectTypeOf<RunnableOutput<typeof extractor>>().toEqualTypeOf<
      StructuredOutputWithRaw<{ city: string }>
    >();
  });
});

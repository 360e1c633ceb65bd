import type { RunnableChunk, RunnableOutput } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import {
  type DeepPartial,
  JsonOutputKeyToolsParser,
  JsonOutputToolsParser,
  type ParsedToolCall,
} from "./index.js";

const Weather = z.object({ city: z.string(), days: z.number() });
type Weather = z.infer<typeof Weather>;

describe("tool-call parser types", () => {
  it("JsonOutputToolsParser outputs and streams ParsedToolCall[]", () => {
    const parser = new JsonOutputToolsParser({ returnId: true });
    expectTypeOf<RunnableOutput<typeof parser>>().toEqualTypeOf<ParsedToolCall[]>();
    expectTypeOf<RunnableChunk<typeof parser>>().toEqualTypeOf<ParsedToolCall[]>();
  });

  it("JsonOutputKeyToolsParser's types follow returnSingle, returnId and the schema", () => {
    const single = new JsonOutputKeyToolsParser({
      keyName: "weather",
      returnSingle: true,
      zodSchema: Weather,
    });
    expectTypeOf<RunnableOutput<typeof single>>().toEqualTypeOf<Weather | undefined>();
    expectTypeOf<RunnableChunk<typeof single>>().toEqualTypeOf<DeepPartial<Weather>>();
    const list = new JsonOutputKeyToolsParser({ keyName: "weather" });
    expectTypeOf<RunnableOutput<typeof list>>().toEqualTypeOf<Record<string, unknown>[] | undefined>();
    const withIds = new JsonOutputKeyToolsParser({
      keyName: "weather",
      returnId: true,
      serializableSchema: Weather,
    });
    expectTypeOf<RunnableOutput<typeof withIds>>().toEqualTypeOf<
      { type: string; args: Weather; id?: string }[] | undefined
    >();
  });
});

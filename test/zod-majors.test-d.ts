// Type tests: zod 3 schemas (inside our peer range ^3.25) type tools, parsers and structured
// output the way zod 4 schemas do; zod 3 declares the Standard Schema interface Rivulet reads.
import { type DynamicStructuredTool, type Runnable, StructuredOutputParser, tool } from "rivulet";
import { ChatOpenAI } from "rivulet/providers/openai";
import { describe, expectTypeOf, it } from "vitest";
import { z as z4 } from "zod";
import { z as z3 } from "zod3";

const weather3 = z3.object({ city: z3.string(), days: z3.number().default(1) });
const weather4 = z4.object({ city: z4.string(), days: z4.number().default(1) });

describe("zod 3 schemas carry their types like zod 4 ones", () => {
  it("tool(): typed arguments in, the schema's input type for callers", () => {
    const three = tool(({ city, days }) => `${city} ${days}`, {
      name: "w",
      description: "W",
      schema: weather3,
    });
    const four = tool(({ city, days }) => `${city} ${days}`, {
      name: "w",
      description: "W",
      schema: weather4,
    });
    expectTypeOf(three).toEqualTypeOf<
      DynamicStructuredTool<
        { city: string; days?: number | undefined },
        string,
        { city: string; days: number }
      >
    >();
    expectTypeOf<typeof three>().toEqualTypeOf<typeof four>();
  });

  it("StructuredOutputParser.fromZodSchema: the schema's output type", () => {
    const parser = StructuredOutputParser.fromZodSchema(weather3);
    expectTypeOf(parser.parse).returns.resolves.toEqualTypeOf<{ city: string; days: number }>();
  });

  it("withStructuredOutput: the schema's output type", () => {
    const extractor = new ChatOpenAI({ apiKey: "k" }).withStructuredOutput(weather3);
    expectTypeOf(extractor).toMatchTypeOf<Runnable<never, { city: string; days: number }, unknown>>();
    expectTypeOf(extractor.invoke).returns.resolves.toEqualTypeOf<{ city: string; days: number }>();
  });
});

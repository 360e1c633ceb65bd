// withTypes types a runnable from the Standard Schemas it is given: the input schema's input
// type, the output schema's output type (chunks follow when they were the output); a JSON
// Schema leaves the types as they were.
import { type Runnable, RunnableLambda } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";

const loose = RunnableLambda.from((input: unknown) => input);

describe("withTypes typing", () => {
  it("takes the input and output types of zod schemas", () => {
    const typed = loose.withTypes({
      input: z.object({ question: z.string(), count: z.number().default(1) }),
      output: z.string().transform((text) => text.length),
    });
    expectTypeOf(typed).toEqualTypeOf<
      Runnable<{ question: string; count?: number | undefined }, number, number>
    >();
  });

  it("changes only the side it is given", () => {
    const typed = RunnableLambda.from((n: number) => String(n)).withTypes({ output: z.literal("1") });
    expectTypeOf(typed).toEqualTypeOf<Runnable<number, "1", "1">>();
  });

  it("keeps the types for a JSON Schema", () => {
    const typed = RunnableLambda.from((n: number) => String(n)).withTypes({ input: { type: "number" } });
    expectTypeOf(typed).toEqualTypeOf<Runnable<number, string, string>>();
  });

  it("rejects inputs of the wrong type once typed", () => {
    const typed = loose.withTypes({ input: z.object({ question: z.string() }) });
    // @ts-expect-error: a number is not { question: string }
    void typed.invoke(1);
  });
});

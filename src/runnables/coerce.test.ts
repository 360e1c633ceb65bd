import {
  coerceToRunnable,
  InvalidInputError,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
  RunnableSequence,
} from "rivulet";
import { describe, expect, it } from "vitest";

const id = RunnableLambda.from((x: number) => x, { name: "id" });

describe("coerceToRunnable", () => {
  it("keeps a Runnable as is", () => {
    expect(coerceToRunnable(id)).toBe(id);
  });

  it("turns a function into a RunnableLambda and an async generator function into a RunnableGenerator", () => {
    expect(coerceToRunnable((x: number) => x)).toBeInstanceOf(RunnableLambda);
    expect(coerceToRunnable(async (x: number) => x)).toBeInstanceOf(RunnableLambda);
    expect(
      coerceToRunnable(async function* gen(input: AsyncIterable<number>) {
        yield* input;
      }),
    ).toBeInstanceOf(RunnableGenerator);
  });

  it("turns an object literal into a RunnableParallel", () => {
    const map = coerceToRunnable({ a: id, b: (x: number) => x });
    expect(map).toBeInstanceOf(RunnableParallel);
    expect(map.getName()).toBe("RunnableParallel<a,b>");
  });

  it("rejects a number as a step with InvalidInputError saying what is accepted", () => {
    expect(() => coerceToRunnable(42)).toThrow(InvalidInputError);
    expect(() => coerceToRunnable(42)).toThrow(/number 42/);
    expect(() => RunnableSequence.from([id, 42])).toThrow(InvalidInputError);
    expect(() => id.pipe(42 as never)).toThrow(InvalidInputError);
  });

  it("rejects null, arrays and class instances", () => {
    expect(() => coerceToRunnable(null)).toThrow(InvalidInputError);
    expect(() => coerceToRunnable([id])).toThrow(/an array/);
    expect(() => coerceToRunnable(new Date())).toThrow(/Date/);
  });

  it("rejects a bad value nested in an object literal", () => {
    expect(() => RunnableSequence.from([id, { ok: id, bad: "text" }])).toThrow(InvalidInputError);
  });
});

import { RunnableLambda } from "rivulet";
import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

describe("RunnableLambda with a sync generator function", () => {
  it("streams its values and invokes to their concatenation, as @langchain/core consumes it", async () => {
    const words = RunnableLambda.from(function* splitWords(text: string) {
      for (const word of text.split(" ")) yield `${word} `;
    });
    expect(await toArray(await words.stream("a b c"))).toEqual(["a ", "b ", "c "]);
    expect(await words.invoke("a b c")).toBe("a b c ");
  });

  it("still returns an array or another iterable value whole", async () => {
    const list = RunnableLambda.from((text: string) => text.split(""));
    expect(await list.invoke("ab")).toEqual(["a", "b"]);
    expect(await toArray(await list.stream("ab"))).toEqual([["a", "b"]]);
  });
});

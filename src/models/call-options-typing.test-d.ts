import { type AIMessageChunk, HumanMessage, type IterableReadableStream } from "rivulet";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expectTypeOf, it } from "vitest";

describe("chat model call options", () => {
  it("invoke and stream take stop (and the run config) as their second argument, as in @langchain/core", () => {
    const model = new FakeListChatModel({ responses: ["a"] });
    expectTypeOf(
      model.invoke([new HumanMessage("hi")], { stop: ["\n"], tags: ["t"] }),
    ).resolves.toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(
      model.stream("hi", { stop: ["\n"], signal: new AbortController().signal }),
    ).resolves.toEqualTypeOf<IterableReadableStream<AIMessageChunk>>();
    // @ts-expect-error stop takes a list of strings
    model.invoke("hi", { stop: "\n" });
  });
});

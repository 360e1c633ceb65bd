import type { ChatMessagesSource, Runnable, RunnableOutput } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { ChatPromptTemplate, type ChatPromptValue, PromptTemplate, type StringPromptValue } from "./index.js";

describe("prompt types", () => {
  it("outputs prompt values that chat models accept", () => {
    const chat = ChatPromptTemplate.fromTemplate("hi {name}");
    const text = PromptTemplate.fromTemplate("hi {name}");
    expectTypeOf<RunnableOutput<typeof chat>>().toEqualTypeOf<ChatPromptValue>();
    expectTypeOf<RunnableOutput<typeof text>>().toEqualTypeOf<StringPromptValue>();
    expectTypeOf<ChatPromptValue>().toMatchTypeOf<ChatMessagesSource>();
    expectTypeOf<StringPromptValue>().toMatchTypeOf<ChatMessagesSource>();
  });

  it("takes a record of variables or a string, and can be typed by the caller", () => {
    const prompt = ChatPromptTemplate.fromTemplate<{ topic: string }>("about {topic}");
    expectTypeOf(prompt.invoke).parameter(0).toEqualTypeOf<{ topic: string } | string>();
    expectTypeOf(prompt.formatMessages).parameter(0).toEqualTypeOf<{ topic: string }>();
    expectTypeOf(prompt).toMatchTypeOf<Runnable<{ topic: string }, ChatPromptValue>>();
  });
});

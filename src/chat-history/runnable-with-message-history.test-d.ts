import {
  type AIMessageChunk,
  ChatPromptTemplate,
  InMemoryChatMessageHistory,
  type MessageHistoryInput,
  MessagesPlaceholder,
  RunnableLambda,
  RunnableWithMessageHistory,
} from "rivulet";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expectTypeOf, it } from "vitest";

const getMessageHistory = () => new InMemoryChatMessageHistory();

describe("RunnableWithMessageHistory types", () => {
  it("keeps the runnable's output and chunk types", () => {
    const prompt = ChatPromptTemplate.fromMessages([new MessagesPlaceholder("history"), ["human", "{q}"]]);
    const chat = new RunnableWithMessageHistory({
      runnable: prompt.pipe(new FakeListChatModel({ responses: ["x"] })),
      getMessageHistory,
      inputMessagesKey: "q",
      historyMessagesKey: "history",
    });
    expectTypeOf(chat.invoke({ q: "hi" })).resolves.toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(chat.invoke).parameter(0).toEqualTypeOf<MessageHistoryInput>();
  });

  it("accepts a runnable of messages while its own input is a string or messages", () => {
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from((messages: { length: number }[]) => messages.length),
      getMessageHistory: async () => getMessageHistory(),
    });
    expectTypeOf(chat.invoke("hello")).resolves.toEqualTypeOf<number>();
    expectTypeOf(chat.invoke).parameter(0).toEqualTypeOf<MessageHistoryInput>();
  });

  it("takes an explicit input type", () => {
    const chat = new RunnableWithMessageHistory<{ question: string }, string>({
      runnable: RunnableLambda.from(() => "x"),
      getMessageHistory,
    });
    // @ts-expect-error the explicit input type has no `topic`
    void chat.invoke({ topic: "x" });
  });
});

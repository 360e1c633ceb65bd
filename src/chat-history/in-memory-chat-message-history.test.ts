import {
  AIMessage,
  BaseChatMessageHistory,
  BaseListChatMessageHistory,
  type BaseMessage,
  HumanMessage,
  InMemoryChatMessageHistory,
  InvalidInputError,
  RivuletError,
  SystemMessage,
} from "rivulet";
import { FakeListChatMessageHistory } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const texts = (messages: BaseMessage[]) => messages.map((m) => `${m.getType()}:${m.text}`);

describe("InMemoryChatMessageHistory", () => {
  it("stores messages in order through every add method", async () => {
    const history = new InMemoryChatMessageHistory();
    await history.addMessage(new SystemMessage("be brief"));
    await history.addUserMessage("hi");
    await history.addAIMessage("hello");
    await history.addMessages([new HumanMessage("again"), new AIMessage("still here")]);
    expect(texts(await history.getMessages())).toEqual([
      "system:be brief",
      "human:hi",
      "ai:hello",
      "human:again",
      "ai:still here",
    ]);
    expect((await history.getMessages())[2]).toBeInstanceOf(AIMessage);
  });

  it("starts from a copy of the given messages, and hands out copies", async () => {
    const seed = [new HumanMessage("first")];
    const history = new InMemoryChatMessageHistory(seed);
    seed.push(new HumanMessage("not stored"));
    const got = await history.getMessages();
    got.push(new HumanMessage("not stored either"));
    expect(texts(await history.getMessages())).toEqual(["human:first"]);
  });

  it("clears", async () => {
    const history = new InMemoryChatMessageHistory([new HumanMessage("a")]);
    await history.clear();
    expect(await history.getMessages()).toEqual([]);
    await history.addUserMessage("b");
    expect(texts(await history.getMessages())).toEqual(["human:b"]);
  });

  it("rejects a value that is not a message with an InvalidInputError, adding nothing", async () => {
    const history = new InMemoryChatMessageHistory();
    const notMessage = "hi" as unknown as BaseMessage;
    await expect(history.addMessage(notMessage)).rejects.toThrow(InvalidInputError);
    await expect(history.addMessage(notMessage)).rejects.toThrow(/addUserMessage/);
    await expect(history.addMessages([new HumanMessage("ok"), notMessage])).rejects.toThrow(/item 1/);
    expect(await history.getMessages()).toEqual([]);
    expect(() => new InMemoryChatMessageHistory([notMessage])).toThrow(/messages\[0\]/);
  });
});

describe("BaseListChatMessageHistory", () => {
  class ListHistory extends BaseListChatMessageHistory {
    readonly saved: BaseMessage[] = [];
    async getMessages() {
      return [...this.saved];
    }
    async addMessage(message: BaseMessage) {
      this.saved.push(message);
    }
  }

  it("needs only getMessages and addMessage; the rest are derived", async () => {
    const history = new ListHistory();
    await history.addUserMessage("q");
    await history.addAIMessage("a");
    await history.addMessages([new HumanMessage("q2")]);
    expect(texts(history.saved)).toEqual(["human:q", "ai:a", "human:q2"]);
    expect(history.saved[0]).toBeInstanceOf(HumanMessage);
    expect(history).toBeInstanceOf(BaseChatMessageHistory);
  });

  it("rejects clear() with a not_implemented error naming the class until a subclass overrides it", async () => {
    const error = await new ListHistory().clear().then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(RivuletError.isInstance(error) && error.code).toBe("not_implemented");
    expect(String(error)).toMatch(/ListHistory.*override clear\(\)/);
  });
});

describe("BaseChatMessageHistory", () => {
  it("adds messages one by one through addMessage by default, in order", async () => {
    const calls: string[] = [];
    class Recording extends BaseChatMessageHistory {
      async getMessages() {
        return [];
      }
      async addMessage(message: BaseMessage) {
        await new Promise((resolve) => setTimeout(resolve, calls.length === 0 ? 5 : 0));
        calls.push(message.text);
      }
      async addUserMessage() {}
      async addAIMessage() {}
      async clear() {}
    }
    await new Recording().addMessages([new HumanMessage("one"), new AIMessage("two")]);
    expect(calls).toEqual(["one", "two"]);
  });
});

describe("FakeListChatMessageHistory", () => {
  it("exposes its messages array, takes seed messages and clears", async () => {
    const history = new FakeListChatMessageHistory([new HumanMessage("seed")]);
    await history.addAIMessage("reply");
    expect(texts(history.messages)).toEqual(["human:seed", "ai:reply"]);
    expect(await history.getMessages()).toBe(history.messages);
    await history.clear();
    expect(history.messages).toEqual([]);
  });
});

import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  ChatPromptTemplate,
  HumanMessage,
  InMemoryChatMessageHistory,
  InvalidConfigError,
  InvalidInputError,
  MessagesPlaceholder,
  RunnableLambda,
  RunnableWithMessageHistory,
} from "rivulet";
import { FakeListChatMessageHistory, FakeListChatModel, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const texts = (messages: readonly BaseMessage[]) => messages.map((m) => `${m.getType()}:${m.text}`);
const session = (sessionId: string) => ({ configurable: { sessionId } });

/** A store of histories by session id, recording which ids were asked for. */
function store() {
  const histories = new Map<string, InMemoryChatMessageHistory>();
  const asked: string[] = [];
  const get = (id: string) => {
    asked.push(id);
    let history = histories.get(id);
    if (history === undefined) {
      history = new InMemoryChatMessageHistory();
      histories.set(id, history);
    }
    return history;
  };
  const messagesOf = async (id: string) => texts((await histories.get(id)?.getMessages()) ?? []);
  return { get, asked, messagesOf };
}

describe("RunnableWithMessageHistory: keys", () => {
  it("puts the history under historyMessagesKey and saves the new message and the reply", async () => {
    const { get, messagesOf } = store();
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You are terse."],
      new MessagesPlaceholder("history"),
      ["human", "{question}"],
    ]);
    const seen: string[][] = [];
    const spy = RunnableLambda.from((value: { toChatMessages(): BaseMessage[] }) => {
      seen.push(texts(value.toChatMessages()));
      return value;
    });
    const model = new FakeListChatModel({ responses: ["Hello Ada.", "You are Ada."] });
    const chat = new RunnableWithMessageHistory({
      runnable: prompt.pipe(spy).pipe(model),
      getMessageHistory: get,
      inputMessagesKey: "question",
      historyMessagesKey: "history",
    });
    const first = await chat.invoke({ question: "I am Ada." }, session("s1"));
    const second = await chat.invoke({ question: "Who am I?" }, session("s1"));
    expect([first.text, second.text]).toEqual(["Hello Ada.", "You are Ada."]);
    expect(seen[1]).toEqual(["system:You are terse.", "human:I am Ada.", "ai:Hello Ada.", "human:Who am I?"]);
    expect(await messagesOf("s1")).toEqual([
      "human:I am Ada.",
      "ai:Hello Ada.",
      "human:Who am I?",
      "ai:You are Ada.",
    ]);
  });

  it("without keys, gives the runnable the history followed by the new messages", async () => {
    const { get, messagesOf } = store();
    const received: string[][] = [];
    const echo = RunnableLambda.from((messages: BaseMessage[]) => {
      received.push(texts(messages));
      return `got ${messages.length}`;
    });
    const chat = new RunnableWithMessageHistory({ runnable: echo, getMessageHistory: get });
    await chat.invoke("one", session("s"));
    await chat.invoke([new HumanMessage("two"), new HumanMessage("three")], session("s"));
    await chat.invoke(new HumanMessage("four"), session("s"));
    expect(received).toEqual([
      ["human:one"],
      ["human:one", "ai:got 1", "human:two", "human:three"],
      ["human:one", "ai:got 1", "human:two", "human:three", "ai:got 4", "human:four"],
    ]);
    expect(await messagesOf("s")).toHaveLength(7);
    expect((await messagesOf("s"))[6]).toBe("ai:got 6");
  });

  it("with inputMessagesKey only, replaces that key with the history plus the new message", async () => {
    const { get } = store();
    const received: unknown[] = [];
    const runnable = RunnableLambda.from((input: { question: unknown; lang: string }) => {
      received.push(input);
      return "ok";
    });
    const chat = new RunnableWithMessageHistory({
      runnable,
      getMessageHistory: get,
      inputMessagesKey: "question",
    });
    await chat.invoke({ question: "q1", lang: "en" }, session("k"));
    await chat.invoke({ question: "q2", lang: "en" }, session("k"));
    const last = received[1] as { question: BaseMessage[]; lang: string };
    expect(last.lang).toBe("en");
    expect(texts(last.question)).toEqual(["human:q1", "ai:ok", "human:q2"]);
  });

  it("reads an object's only key, else 'input'; and the output at outputMessagesKey, the only key, else 'output'", async () => {
    const { get, messagesOf } = store();
    // Without a history key the runnable gets the messages: it answers by the last one.
    const reply = RunnableLambda.from((messages: BaseMessage[]) =>
      messages.at(-1)?.text === "q1"
        ? { answer: new AIMessage("A"), sources: [] }
        : { output: "B", score: 1 },
    );
    const withKey = new RunnableWithMessageHistory({
      runnable: reply,
      getMessageHistory: get,
      outputMessagesKey: "answer",
    });
    await withKey.invoke({ input: "q1", extra: true }, session("o"));
    const defaults = new RunnableWithMessageHistory({ runnable: reply, getMessageHistory: get });
    await defaults.invoke({ text: "q2" }, session("o"));
    expect(await messagesOf("o")).toEqual(["human:q1", "ai:A", "human:q2", "ai:B"]);
  });

  it("rejects an input or output it cannot read messages from with an InvalidInputError, saving nothing", async () => {
    const { get, messagesOf } = store();
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from(() => 42),
      getMessageHistory: get,
    });
    await expect(chat.invoke({ a: 1, b: 2 }, session("bad"))).rejects.toThrow(InvalidInputError);
    await expect(chat.invoke({ a: 1, b: 2 }, session("bad"))).rejects.toThrow(
      /"input" key.*inputMessagesKey/,
    );
    await expect(chat.invoke("fine", session("bad"))).rejects.toThrow(/outputMessagesKey/);
    expect(await messagesOf("bad")).toEqual([]);
  });

  it("with a history key, rejects an input that is not an object of variables", async () => {
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from(() => "x"),
      getMessageHistory: store().get,
      historyMessagesKey: "history",
    });
    await expect(chat.invoke("just text", session("s"))).rejects.toThrow(
      /under "history" of the input, so the input must be an object of variables, got a string/,
    );
    await expect(toArray(chat.stream("just text", session("s")))).rejects.toThrow(InvalidInputError);
  });
});

describe("RunnableWithMessageHistory: sessions", () => {
  it("keeps sessions apart and accepts an async getMessageHistory", async () => {
    const { get, asked, messagesOf } = store();
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from((messages: BaseMessage[]) => `n=${messages.length}`),
      getMessageHistory: async (id) => get(id),
    });
    await chat.invoke("a", session("x"));
    await chat.invoke("b", session("y"));
    await chat.invoke("c", session("x"));
    expect(asked).toEqual(["x", "y", "x"]);
    expect(await messagesOf("x")).toEqual(["human:a", "ai:n=1", "human:c", "ai:n=3"]);
    expect(await messagesOf("y")).toEqual(["human:b", "ai:n=1"]);
  });

  it("without a session id throws an InvalidConfigError showing the config to pass, before any run starts", async () => {
    const { get, asked } = store();
    const recorder = new RunRecorder();
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from(() => "x"),
      getMessageHistory: get,
      inputMessagesKey: "question",
    });
    const error = await chat.invoke({ question: "hi" }, { callbacks: [recorder] }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidConfigError);
    expect(String(error)).toContain(
      'chain.invoke({"question":"..."}, { configurable: { sessionId: "user-123" } })',
    );
    await expect(toArray(chat.stream({ question: "hi" }))).rejects.toThrow(InvalidConfigError);
    await expect(chat.invoke({ question: "hi" }, { configurable: { sessionId: 7 } })).rejects.toThrow(
      /non-empty string, got number 7/,
    );
    expect(recorder.lines()).toEqual([]);
    expect(asked).toEqual([]);
  });

  it("takes the session id from its bound config, and shows the history to steps as configurable.messageHistory", async () => {
    const history = new FakeListChatMessageHistory([new HumanMessage("earlier")]);
    let seen: unknown;
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from((_messages: BaseMessage[], config) => {
        seen = config.configurable?.messageHistory;
        return "done";
      }),
      getMessageHistory: () => history,
      config: { configurable: { sessionId: "bound" } },
    });
    await chat.invoke("now");
    expect(seen).toBe(history);
    expect(texts(history.messages)).toEqual(["human:earlier", "human:now", "ai:done"]);
  });

  it("rejects a getMessageHistory that returns no history", async () => {
    const chat = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from(() => "x"),
      getMessageHistory: () => ({}) as InMemoryChatMessageHistory,
    });
    await expect(chat.invoke("hi", session("s"))).rejects.toThrow(/getMessageHistory, got an object/);
  });

  it("rejects a history whose getMessages gives something other than a list of messages", async () => {
    const broken = (messages: unknown) => {
      const history = new InMemoryChatMessageHistory();
      history.getMessages = async () => messages as BaseMessage[];
      return history;
    };
    const bare = (messages: unknown) =>
      new RunnableWithMessageHistory({
        runnable: RunnableLambda.from(() => "x"),
        getMessageHistory: () => broken(messages),
      });
    const keyed = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from(() => "x"),
      getMessageHistory: () => broken([["human", "hello"], 42]),
      inputMessagesKey: "question",
      historyMessagesKey: "history",
    });
    await expect(bare(undefined).invoke("hi", session("s"))).rejects.toThrow(
      /getMessages\(\) to give a list of messages, got nothing/,
    );
    await expect(toArray(bare({ messages: [] }).stream("hi", session("s")))).rejects.toThrow(
      InvalidInputError,
    );
    const seen: unknown[] = [];
    const tolerant = new RunnableWithMessageHistory({
      runnable: RunnableLambda.from((messages: BaseMessage[]) => {
        seen.push(texts(messages));
        return "x";
      }),
      getMessageHistory: () => broken(["earlier", ["ai", "reply"]]),
    });
    await tolerant.invoke("hi", session("s"));
    expect(seen).toEqual([["human:earlier", "ai:reply", "human:hi"]]);
    await expect(keyed.invoke({ question: "hi" }, session("s"))).rejects.toThrow(
      /item 1 of getMessages\(\)'s list is not a message/,
    );
  });
});

describe("RunnableWithMessageHistory: streaming", () => {
  it("streams the runnable's chunks and saves the folded reply as an AIMessage once the stream ends", async () => {
    const history = new InMemoryChatMessageHistory();
    const chat = new RunnableWithMessageHistory({
      runnable: new FakeListChatModel({ responses: ["abc"] }),
      getMessageHistory: () => history,
    });
    const stream = await chat.stream("hi", session("s"));
    const chunks: string[] = [];
    for await (const chunk of stream) {
      expect(chunk).toBeInstanceOf(AIMessageChunk);
      chunks.push(chunk.text);
      // Nothing is saved while the reply is still streaming.
      expect(await history.getMessages()).toEqual([]);
    }
    expect(chunks).toEqual(["a", "b", "c"]);
    const saved = await history.getMessages();
    expect(texts(saved)).toEqual(["human:hi", "ai:abc"]);
    expect(saved[1]).toBeInstanceOf(AIMessage);
    expect(saved[1]).not.toBeInstanceOf(AIMessageChunk);
  });

  it("saves nothing when the reader stops early", async () => {
    const history = new InMemoryChatMessageHistory();
    const chat = new RunnableWithMessageHistory({
      runnable: new FakeListChatModel({ responses: ["abcdef"] }),
      getMessageHistory: () => history,
    });
    for await (const chunk of await chat.stream("hi", session("s"))) {
      expect(chunk.text).toBe("a");
      break;
    }
    expect(await history.getMessages()).toEqual([]);
  });

  it("saves nothing when the runnable fails mid-stream", async () => {
    const history = new InMemoryChatMessageHistory();
    const failing = RunnableLambda.from(async function* () {
      yield "part";
      throw new Error("model went away");
    });
    const chat = new RunnableWithMessageHistory({ runnable: failing, getMessageHistory: () => history });
    const seen: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of await chat.stream("hi", session("s"))) seen.push(String(chunk));
      })(),
    ).rejects.toThrow("model went away");
    expect(seen).toEqual(["part"]);
    expect(await history.getMessages()).toEqual([]);
  });

  it("saves nothing when the call is aborted", async () => {
    const history = new InMemoryChatMessageHistory();
    const controller = new AbortController();
    const chat = new RunnableWithMessageHistory({
      runnable: new FakeListChatModel({ responses: ["abcdef"] }),
      getMessageHistory: () => history,
    });
    const reading = (async () => {
      for await (const chunk of await chat.stream("hi", { ...session("s"), signal: controller.signal })) {
        if (chunk.text === "b") controller.abort();
      }
    })();
    await expect(reading).rejects.toThrow();
    expect(await history.getMessages()).toEqual([]);
  });
});

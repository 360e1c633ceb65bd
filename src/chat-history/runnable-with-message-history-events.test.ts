// Transcript test of streamEvents v2 through RunnableWithMessageHistory: the whole ordered event
// list, ids normalised and messages written as "type:text", so order, nesting, tags and data
// are all checked. The run tree is @langchain/core's: the wrapper, then insertHistory (step 1,
// an assign whose loadHistory branch reads the history) and the wrapped chain (step 2).
import {
  AIMessage,
  ChatPromptTemplate,
  HumanMessage,
  InMemoryChatMessageHistory,
  isBaseMessage,
  isBaseMessageChunk,
  MessagesPlaceholder,
  RunnableWithMessageHistory,
} from "rivulet";
import { FakeListChatModel, normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { ev, R, S1, S2, S3, S4 } from "../events/test-support/expected-event.js";

/** Messages as "type:text" (chunks as "type-chunk:text"), prompt values as their messages. */
function plain(value: unknown): unknown {
  if (isBaseMessage(value))
    return `${value.getType()}${isBaseMessageChunk(value) ? "-chunk" : ""}:${value.text}`;
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value !== "object" || value === null) return value;
  if ("toChatMessages" in value && typeof value.toChatMessages === "function") {
    return { promptValue: plain(value.toChatMessages()) };
  }
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
}

describe("streamEvents v2 through RunnableWithMessageHistory", () => {
  it("loads the history, streams the chain's events and chunks, and saves the turn after the chain ends", async () => {
    const history = new InMemoryChatMessageHistory([new HumanMessage("I am Ada."), new AIMessage("Hello.")]);
    const prompt = ChatPromptTemplate.fromMessages([
      new MessagesPlaceholder("history"),
      ["human", "{question}"],
    ]);
    const model = new FakeListChatModel({ responses: ["Ada"], chunking: "char" });
    const chat = new RunnableWithMessageHistory({
      runnable: prompt.pipe(model),
      getMessageHistory: () => history,
      inputMessagesKey: "question",
      historyMessagesKey: "history",
    });
    const events = await toArray(
      chat.streamEvents({ question: "Who am I?" }, { version: "v2", configurable: { sessionId: "s1" } }),
    );
    const PROMPT = "<id:5>";
    const MODEL = "<id:6>";
    const meta = { ls_provider: "FakeListChatModel", ls_model_type: "chat" };
    const modelEvent = (event: string, data: unknown) => ({
      ...ev(event, "FakeListChatModel", MODEL, [R, S4], ["seq:step:2"], data),
      metadata: meta,
    });
    const earlier = ["human:I am Ada.", "ai:Hello."];
    const question = { question: "Who am I?" };
    const prepared = { question: "Who am I?", history: earlier };
    const sent = { messages: [[...earlier, "human:Who am I?"]] };
    const t1 = ["seq:step:1"];
    const t2 = ["seq:step:2"];
    const key = ["map:key:history"];
    const stream = (chunk: string) => [
      modelEvent("on_chat_model_stream", { chunk: `ai-chunk:${chunk}` }),
      ev("on_chain_stream", "RunnableSequence", S4, [R], t2, { chunk: `ai-chunk:${chunk}` }),
      ev("on_chain_stream", "RunnableWithMessageHistory", R, [], [], { chunk: `ai-chunk:${chunk}` }),
    ];
    expect(plain(normalizeIds(events))).toStrictEqual([
      ev("on_chain_start", "RunnableWithMessageHistory", R, [], [], { input: question }),
      ev("on_chain_start", "insertHistory", S1, [R], t1, { input: question }),
      ev("on_chain_start", "RunnableParallel<history>", S2, [R, S1], [], {}),
      ev("on_chain_stream", "insertHistory", S1, [R], t1, { chunk: question }),
      ev("on_chain_start", "loadHistory", S3, [R, S1, S2], key, {}),
      ev("on_chain_start", "RunnableSequence", S4, [R], t2, {}),
      ev("on_chain_stream", "loadHistory", S3, [R, S1, S2], key, { chunk: earlier }),
      ev("on_chain_stream", "RunnableParallel<history>", S2, [R, S1], [], { chunk: { history: earlier } }),
      ev("on_chain_stream", "insertHistory", S1, [R], t1, { chunk: { history: earlier } }),
      ev("on_chain_end", "loadHistory", S3, [R, S1, S2], key, { output: earlier, input: question }),
      ev("on_chain_end", "RunnableParallel<history>", S2, [R, S1], [], {
        output: { history: earlier },
        input: question,
      }),
      ev("on_chain_end", "insertHistory", S1, [R], t1, { output: prepared, input: question }),
      ev("on_prompt_start", "ChatPromptTemplate", PROMPT, [R, S4], t1, { input: prepared }),
      ev("on_prompt_end", "ChatPromptTemplate", PROMPT, [R, S4], t1, {
        output: { promptValue: sent.messages[0] },
        input: prepared,
      }),
      modelEvent("on_chat_model_start", { input: sent }),
      ...stream("A"),
      ...stream("d"),
      ...stream("a"),
      modelEvent("on_chat_model_end", { output: "ai-chunk:Ada", input: sent }),
      ev("on_chain_end", "RunnableSequence", S4, [R], t2, { output: "ai-chunk:Ada", input: prepared }),
      ev("on_chain_end", "RunnableWithMessageHistory", R, [], [], { output: "ai-chunk:Ada" }),
    ]);
    const saved = await history.getMessages();
    expect(saved.map(plain)).toEqual([...earlier, "human:Who am I?", "ai:Ada"]);
  });

  it("names the run of a runnable that takes messages loadHistory (no insertHistory), as step 1", async () => {
    const history = new InMemoryChatMessageHistory([new HumanMessage("before")]);
    const chat = new RunnableWithMessageHistory({
      runnable: new FakeListChatModel({ responses: ["ok"], chunking: "word" }),
      getMessageHistory: () => history,
    });
    const events = normalizeIds(
      await toArray(chat.streamEvents("now", { version: "v2", configurable: { sessionId: "s" } })),
    );
    const sent = { messages: [["human:before", "human:now"]] };
    const meta = { ls_provider: "FakeListChatModel", ls_model_type: "chat" };
    const model = (event: string, data: unknown) => ({
      ...ev(event, "FakeListChatModel", S2, [R], ["seq:step:2"], data),
      metadata: meta,
    });
    expect(plain(events)).toStrictEqual([
      ev("on_chain_start", "RunnableWithMessageHistory", R, [], [], { input: "now" }),
      ev("on_chain_start", "loadHistory", S1, [R], ["seq:step:1"], { input: "now" }),
      ev("on_chain_stream", "loadHistory", S1, [R], ["seq:step:1"], { chunk: sent.messages[0] }),
      ev("on_chain_end", "loadHistory", S1, [R], ["seq:step:1"], { output: sent.messages[0], input: "now" }),
      model("on_chat_model_start", { input: sent }),
      model("on_chat_model_stream", { chunk: "ai-chunk:ok" }),
      ev("on_chain_stream", "RunnableWithMessageHistory", R, [], [], { chunk: "ai-chunk:ok" }),
      model("on_chat_model_end", { output: "ai-chunk:ok", input: sent }),
      ev("on_chain_end", "RunnableWithMessageHistory", R, [], [], { output: "ai-chunk:ok" }),
    ]);
    expect((await history.getMessages()).map(plain)).toEqual(["human:before", "human:now", "ai:ok"]);
  });
});

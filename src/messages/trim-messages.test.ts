import { describe, expect, it } from "vitest";
import type { BaseMessage } from "./index.js";
import {
  AIMessage,
  defaultTextSplitter,
  HumanMessage,
  SystemMessage,
  ToolMessage,
  trimMessages,
} from "./index.js";

const text = "This is a 4 token text. The full message is 10 tokens.";
const messages = [
  new SystemMessage(text),
  new HumanMessage({ content: text, id: "first" }),
  new AIMessage({
    content: [
      { type: "text", text: "This is the FIRST 4 token block." },
      { type: "text", text: "This is the SECOND 4 token block." },
    ],
    id: "second",
  }),
  new HumanMessage({ content: text, id: "third" }),
  new AIMessage({ content: text, id: "fourth" }),
];

/** The counter of LangChain's examples: 3 tokens around each message, 4 per string or per block. */
function dummyTokenCounter(list: BaseMessage[]): number {
  return list.reduce(
    (sum, message) => sum + 6 + 4 * (typeof message.content === "string" ? 1 : message.content.length),
    0,
  );
}
const ids = (list: readonly BaseMessage[]): Array<string | undefined> =>
  list.map((message) => message.id ?? message.type);

describe("trimMessages, strategy first", () => {
  it("keeps the first whole messages within the budget", async () => {
    const kept = await trimMessages(messages, {
      maxTokens: 30,
      tokenCounter: dummyTokenCounter,
      strategy: "first",
    });
    expect(ids(kept)).toEqual(["system", "first"]);
  });

  it("with allowPartial keeps the first blocks of the message at the edge", async () => {
    const kept = await trimMessages(messages, {
      maxTokens: 30,
      tokenCounter: dummyTokenCounter,
      strategy: "first",
      allowPartial: true,
    });
    expect(ids(kept)).toEqual(["system", "first", "second"]);
    expect(kept[2]?.content).toEqual([{ type: "text", text: "This is the FIRST 4 token block." }]);
    expect(kept[2]).toBeInstanceOf(AIMessage);
    expect(messages[2]?.content).toHaveLength(2);
  });

  it("with endOn drops trailing messages until one of that kind", async () => {
    const kept = await trimMessages(messages, {
      maxTokens: 30,
      tokenCounter: dummyTokenCounter,
      strategy: "first",
      allowPartial: true,
      endOn: "human",
    });
    expect(ids(kept)).toEqual(["system", "first"]);
  });
});

describe("trimMessages, strategy last (the default)", () => {
  it("keeps the last messages, and a leading system message with includeSystem", async () => {
    const options = { maxTokens: 30, tokenCounter: dummyTokenCounter };
    expect(ids(await trimMessages(messages, options))).toEqual(["third", "fourth"]);
    expect(ids(await trimMessages(messages, { ...options, includeSystem: true }))).toEqual([
      "system",
      "third",
      "fourth",
    ]);
  });

  it("with allowPartial keeps the last blocks of the message at the edge", async () => {
    const kept = await trimMessages(messages, {
      maxTokens: 40,
      tokenCounter: dummyTokenCounter,
      allowPartial: true,
      includeSystem: true,
    });
    expect(ids(kept)).toEqual(["system", "second", "third", "fourth"]);
    expect(kept[1]?.content).toEqual([{ type: "text", text: "This is the SECOND 4 token block." }]);
  });

  it("applies endOn before trimming and startOn after", async () => {
    const endOnHuman = await trimMessages(messages, {
      maxTokens: 30,
      tokenCounter: dummyTokenCounter,
      endOn: "human",
      includeSystem: true,
      allowPartial: true,
    });
    expect(ids(endOnHuman)).toEqual(["system", "second", "third"]);
    const startOnHuman = await trimMessages(messages, {
      maxTokens: 40,
      tokenCounter: dummyTokenCounter,
      includeSystem: true,
      allowPartial: true,
      startOn: HumanMessage,
    });
    expect(ids(startOnHuman)).toEqual(["system", "third", "fourth"]);
  });

  it("counts messages with a length counter, keeping whole tool exchanges by startOn", async () => {
    const history = [
      new SystemMessage("sys"),
      new HumanMessage("q1"),
      new AIMessage({ content: "", tool_calls: [{ id: "c", name: "f", args: {} }] }),
      new ToolMessage("r", "c"),
      new AIMessage("a1"),
      new HumanMessage("q2"),
      new AIMessage("a2"),
    ];
    const kept = await trimMessages(history, {
      maxTokens: 4,
      tokenCounter: (list) => list.length,
      includeSystem: true,
      startOn: "human",
    });
    expect(kept.map((message) => message.text)).toEqual(["sys", "q2", "a2"]);
    expect(await trimMessages(history, { maxTokens: 0, tokenCounter: (list) => list.length })).toEqual([]);
  });

  it("cuts text at newlines with allowPartial, or with a custom textSplitter", async () => {
    const long = [new HumanMessage("one\ntwo\nthree"), new AIMessage("x")];
    const chars = (list: BaseMessage[]): number =>
      list.reduce((sum, message) => sum + message.text.length, 0);
    const kept = await trimMessages(long, { maxTokens: 11, tokenCounter: chars, allowPartial: true });
    expect(kept.map((message) => message.text)).toEqual(["two\nthree", "x"]);
    const first = await trimMessages(long, {
      maxTokens: 8,
      tokenCounter: chars,
      strategy: "first",
      allowPartial: true,
    });
    expect(first.map((message) => message.text)).toEqual(["one\ntwo\n"]);
    const words = await trimMessages(long, {
      maxTokens: 6,
      tokenCounter: chars,
      allowPartial: true,
      textSplitter: { splitText: async (value) => value.split(/(?<=\n)/) },
    });
    expect(words.map((message) => message.text)).toEqual(["three", "x"]);
    expect(long[0]?.content).toBe("one\ntwo\nthree");
    expect(await defaultTextSplitter("a\nb\n")).toEqual(["a\n", "b\n", ""]);
  });

  it("sums a model's getNumTokens over the contents", async () => {
    const model = { getNumTokens: async (content: BaseMessage["content"]) => String(content).length };
    const kept = await trimMessages([new HumanMessage("aaaa"), new AIMessage("bb")], {
      maxTokens: 3,
      tokenCounter: model,
    });
    expect(kept.map((message) => message.text)).toEqual(["bb"]);
  });
});

describe("trimMessages options", () => {
  it("reject bad combinations and values with typed errors", async () => {
    const counter = (list: BaseMessage[]): number => list.length;
    await expect(
      trimMessages(messages, { maxTokens: 1, tokenCounter: counter, strategy: "first", startOn: "human" }),
    ).rejects.toThrow(/`startOn` applies only to strategy "last"/);
    await expect(
      trimMessages(messages, { maxTokens: 1, tokenCounter: counter, strategy: "first", includeSystem: true }),
    ).rejects.toThrow(/`includeSystem` applies only/);
    await expect(
      // @ts-expect-error: not a strategy
      trimMessages(messages, { maxTokens: 1, tokenCounter: counter, strategy: "middle" }),
    ).rejects.toThrow(/strategy must be "first" or "last"; got "middle"/);
    await expect(trimMessages(messages, { maxTokens: -1, tokenCounter: counter })).rejects.toThrow(
      /maxTokens/,
    );
    // @ts-expect-error: no counter
    await expect(trimMessages(messages, { maxTokens: 1 })).rejects.toThrow(/needs `tokenCounter`/);
    // @ts-expect-error: options are required with messages
    await expect(trimMessages(messages)).rejects.toThrow(/needs its options/);
    expect(() => trimMessages({ maxTokens: Number.NaN, tokenCounter: counter })).toThrow(/maxTokens/);
  });
});

// Messages and documents cross between @langchain/core 1.4 and Rivulet with nothing lost: every
// message class with tool calls, call fragments, invalid calls, usage, ids, metadata, artifacts,
// status and content blocks, both ways; and Rivulet's own APIs take LangChain's messages as they
// are (instances, lc:1 JSON, stored records).
import { Document as LangChainDocument } from "@langchain/core/documents";
import * as lc from "@langchain/core/messages";
import {
  AIMessage,
  AIMessageChunk,
  type BaseMessage,
  ChatMessage,
  ChatPromptTemplate,
  Document,
  FunctionMessage,
  HumanMessage,
  HumanMessageChunk,
  InvalidInputError,
  RemoveMessage,
  SystemMessage,
  ToolMessage,
} from "rivulet";
import {
  fromLangChainDocuments,
  fromLangChainMessage,
  fromLangChainMessages,
  toLangChainDocuments,
  toLangChainMessage,
  toLangChainMessages,
} from "rivulet/langchain";
import { FakeEchoChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const paris = { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" as const };
const calls = [paris, { name: "weather", args: { city: "Rome" }, id: "call_2", type: "tool_call" as const }];
const usage = {
  input_tokens: 12,
  output_tokens: 7,
  total_tokens: 19,
  input_token_details: { cache_read: 4 },
};

/** Every message class, with every field it can carry. */
const OURS: Array<[string, BaseMessage]> = [
  ["human", new HumanMessage({ content: "hi", id: "h1", name: "ada", additional_kwargs: { k: 1 } })],
  [
    "human with content blocks",
    new HumanMessage({
      content: [
        { type: "text", text: "look" },
        { type: "image_url", image_url: { url: "https://example.test/a.png" } },
      ],
    }),
  ],
  [
    "ai with tool calls, invalid calls and usage",
    new AIMessage({
      content: "Checking.",
      id: "a1",
      tool_calls: calls,
      invalid_tool_calls: [
        { name: "weather", args: '{"city":', id: "call_3", error: "bad JSON", type: "invalid_tool_call" },
      ],
      usage_metadata: usage,
      response_metadata: { finish_reason: "tool_calls", model_name: "gpt-4o-mini" },
    }),
  ],
  [
    "ai chunk with call fragments and usage",
    new AIMessageChunk({
      content: "",
      id: "run-1",
      tool_call_chunks: [
        { name: "weather", args: '{"city": "Pa', id: "call_1", index: 0, type: "tool_call_chunk" },
        { name: "weather", args: '{"city": "Rome"}', id: "call_2", index: 1, type: "tool_call_chunk" },
      ],
      usage_metadata: usage,
    }),
  ],
  ["system", new SystemMessage({ content: "Be brief.", id: "s1" })],
  [
    "tool with artifact and error status",
    new ToolMessage({
      content: "down",
      tool_call_id: "call_2",
      name: "weather",
      artifact: { raw: [1, 2] },
      status: "error",
      id: "t1",
    }),
  ],
  ["chat", new ChatMessage({ content: "hm", role: "critic" })],
  ["function", new FunctionMessage({ content: "42", name: "answer" })],
  ["human chunk", new HumanMessageChunk({ content: "par", id: "hc1" })],
  ["remove", new RemoveMessage({ id: "m1" })],
];

describe("messages, both ways", () => {
  it.each(OURS)("%s: Rivulet -> LangChain -> Rivulet gives the same message", (_name, message) => {
    const theirs = toLangChainMessage(message);
    expect(theirs).toBeInstanceOf(lc.BaseMessage);
    expect(fromLangChainMessage(theirs)).toEqual(message);
  });

  it.each(OURS)("%s: the LangChain message is of the same class with the same fields", (_name, message) => {
    const theirs = toLangChainMessage(message);
    expect(theirs.getType()).toBe(message.getType() === "generic" ? "generic" : message.getType());
    expect(theirs.content).toEqual(message.content);
    for (const field of [
      "id",
      "name",
      "tool_call_id",
      "artifact",
      "status",
      "usage_metadata",
      "tool_call_chunks",
      "role",
    ]) {
      expect({ field, value: Reflect.get(theirs, field) }).toEqual({
        field,
        value: Reflect.get(message, field),
      });
    }
  });

  it("LangChain -> Rivulet -> LangChain keeps a LangChain AI message's parsed calls, usage and metadata", () => {
    const theirs = new lc.AIMessage({
      content: "x",
      tool_calls: calls,
      response_metadata: { finish_reason: "stop" },
      id: "a9",
    });
    const back = toLangChainMessage(fromLangChainMessage(theirs));
    expect(JSON.parse(JSON.stringify(back))).toEqual(JSON.parse(JSON.stringify(theirs)));
    const chunk = new lc.AIMessageChunk({
      content: "y",
      tool_call_chunks: [
        { name: "weather", args: '{"city":"Paris"}', id: "call_1", index: 0, type: "tool_call_chunk" },
      ],
    });
    const chunkBack = toLangChainMessage(fromLangChainMessage(chunk));
    expect(chunkBack).toBeInstanceOf(lc.AIMessageChunk);
    expect(Reflect.get(chunkBack, "tool_calls")).toEqual(chunk.tool_calls);
  });

  it("lists convert in order", () => {
    const messages = OURS.map(([, message]) => message);
    expect(fromLangChainMessages(toLangChainMessages(messages))).toEqual(messages);
  });

  it("refuses what is not a message, saying so", () => {
    expect(() => fromLangChainMessage(42)).toThrow(InvalidInputError);
  });
});

describe("Rivulet's APIs take LangChain's messages as they are", () => {
  const history = [
    new lc.SystemMessage("Be brief."),
    new lc.HumanMessage("Weather?"),
    new lc.AIMessage({ content: "", tool_calls: [paris] }),
    new lc.ToolMessage({ content: "18C", tool_call_id: "call_1" }),
  ];

  it("a prompt's placeholder and a chat model take LangChain instances, their lc:1 JSON and stored records", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["placeholder", "{history}"],
      ["human", "{q}"],
    ]);
    const fromInstances = await prompt.invoke({ history, q: "And Rome?" });
    const fromJson = await prompt.invoke({ history: JSON.parse(JSON.stringify(history)), q: "And Rome?" });
    const fromStored = await prompt.invoke({
      history: lc.mapChatMessagesToStoredMessages(history),
      q: "And Rome?",
    });
    expect(fromJson.toChatMessages()).toEqual(fromInstances.toChatMessages());
    expect(fromStored.toChatMessages()).toEqual(fromInstances.toChatMessages());
    expect(fromInstances.toChatMessages().map((message) => message.getType())).toEqual([
      "system",
      "human",
      "ai",
      "tool",
      "human",
    ]);
    const reply = await new FakeEchoChatModel().invoke(history);
    expect(reply.text).toContain("18C");
  });
});

describe("documents, both ways", () => {
  it("carry page content, metadata and id", () => {
    const ours = [
      new Document({ pageContent: "p", metadata: { source: "a.txt", page: 2 }, id: "d1" }),
      new Document({ pageContent: "q" }),
    ];
    const theirs = toLangChainDocuments(ours);
    expect(theirs[0]).toBeInstanceOf(LangChainDocument);
    expect(theirs.map((document) => [document.pageContent, document.metadata, document.id])).toEqual([
      ["p", { source: "a.txt", page: 2 }, "d1"],
      ["q", {}, undefined],
    ]);
    expect(fromLangChainDocuments(theirs)).toEqual(ours);
    expect(fromLangChainDocuments(JSON.parse(JSON.stringify(theirs)))).toEqual(ours);
    expect(() => fromLangChainDocuments([{ page_content: "x" }])).toThrow(
      /document 0 needs a string pageContent/,
    );
  });
});

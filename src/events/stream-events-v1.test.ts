// streamEvents v1 with @langchain/core 1.4's v1 shapes (issue 12 item 5): a chat model reports
// as on_llm_* (start with its messages, AIMessageChunk chunks, an LLM result at the end, matched
// by the filters as type llm), a retriever ends with { documents }. v2 keeps on_chat_model_*.
import {
  AIMessageChunk,
  BaseChatModel,
  type BaseMessage,
  ChatPromptTemplate,
  Document,
  HumanMessage,
  RunnableLambda,
  StringOutputParser,
} from "rivulet";
import {
  FakeListChatModel,
  FakeRetriever,
  FakeStreamingChatModel,
  normalizeIds,
  toArray,
} from "rivulet/testing";
import { describe, expect, it } from "vitest";

const CHAT_METADATA = { ls_model_type: "chat" };

/** `{ generations: [[{ text, generationInfo, message }]], llmOutput }` as LangChain's v1 ends a chat model. */
function llmResult(text: string, generationInfo: Record<string, unknown>, llmOutput?: unknown) {
  return {
    generations: [[{ text, generationInfo, message: expect.objectContaining({ content: text }) }]],
    llmOutput,
  };
}

describe("streamEvents v1: chat models report as on_llm_*", () => {
  const prompt = ChatPromptTemplate.fromMessages([["human", "{q}"]]);

  it("a nested chat model: on_llm_start with its messages, on_llm_stream chunks, on_llm_end with an LLM result", async () => {
    const chain = prompt.pipe(new FakeListChatModel({ responses: ["ab"] })).pipe(new StringOutputParser());
    const events = await toArray(chain.streamEvents({ q: "x" }, { version: "v1" }));
    expect(events.filter((e) => e.event.startsWith("on_chat_model"))).toStrictEqual([]);
    const model = events.filter((e) => e.name === "FakeListChatModel");
    expect(model.map((e) => e.event)).toStrictEqual([
      "on_llm_start",
      "on_llm_stream",
      "on_llm_stream",
      "on_llm_end",
    ]);
    for (const e of model) {
      expect(e).not.toHaveProperty("parent_ids");
      expect(e.metadata).toMatchObject(CHAT_METADATA);
    }
    const [start, first, second, end] = model;
    expect(start!.data).toStrictEqual({ input: { messages: [[new HumanMessage("x")]] } });
    expect(first!.data).toStrictEqual({ chunk: expect.any(AIMessageChunk) });
    expect([first, second].map((e) => (e!.data as { chunk: AIMessageChunk }).chunk.text)).toStrictEqual([
      "a",
      "b",
    ]);
    expect(end!.data).toStrictEqual({
      output: llmResult("ab", {}),
      input: { messages: [[new HumanMessage("x")]] },
    });
    const output = (end!.data as { output: { generations: { message: unknown }[][] } }).output;
    expect(output.generations[0]![0]!.message).toBeInstanceOf(AIMessageChunk);
    expect(output).toHaveProperty("llmOutput", undefined);
  });

  it("a root chat model: on_llm_start with the raw input, on_llm_end with { output } only", async () => {
    const model = new FakeListChatModel({ responses: ["hi"] });
    const events = normalizeIds(await toArray(model.streamEvents("hello", { version: "v1" })));
    expect(events.map((e) => e.event)).toStrictEqual([
      "on_llm_start",
      "on_llm_stream",
      "on_llm_stream",
      "on_llm_end",
    ]);
    expect(events[0]!.data).toStrictEqual({ input: "hello" });
    expect(events.at(-1)!.data).toStrictEqual({ output: llmResult("hi", {}) });
  });

  it("llmOutput.tokenUsage comes from usage_metadata; generationInfo is the response metadata", async () => {
    const model = new FakeStreamingChatModel({
      chunks: [
        new AIMessageChunk({ content: "a" }),
        new AIMessageChunk({
          content: "b",
          response_metadata: { finish_reason: "stop" },
          usage_metadata: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
        }),
      ],
    });
    const events = await toArray(model.streamEvents([new HumanMessage("q")], { version: "v1" }));
    expect(events.at(-1)).toMatchObject({ event: "on_llm_end", name: "FakeStreamingChatModel" });
    expect(events.at(-1)!.data).toStrictEqual({
      output: llmResult(
        "ab",
        { finish_reason: "stop" },
        { tokenUsage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
      ),
    });
  });

  it("a chat model invoked inside a lambda streams as on_llm_stream too", async () => {
    const model = new FakeListChatModel({ responses: ["ok"] });
    const outer = RunnableLambda.from(async (x: string) => (await model.invoke(x)).text, { name: "outer" });
    const events = await toArray(outer.streamEvents("q", { version: "v1" }));
    expect(events.map((e) => `${e.event} ${e.name}`)).toStrictEqual([
      "on_chain_start outer",
      "on_llm_start FakeListChatModel",
      "on_llm_stream FakeListChatModel",
      "on_llm_stream FakeListChatModel",
      "on_llm_end FakeListChatModel",
      "on_chain_stream outer",
      "on_chain_end outer",
    ]);
  });

  it("a failing chat model ends with on_llm_error", async () => {
    class DownModel extends BaseChatModel {
      _llmType() {
        return "down";
      }
      // biome-ignore lint/correctness/useYield: fails before its first chunk
      override async *_streamChunks(_messages: BaseMessage[]): AsyncGenerator<AIMessageChunk> {
        throw new Error("down");
      }
    }
    const events: { event: string; data: unknown }[] = [];
    await expect(async () => {
      for await (const e of new DownModel().streamEvents("q", { version: "v1" })) events.push(e);
    }).rejects.toThrow("down");
    expect(events.map((e) => e.event)).toStrictEqual(["on_llm_start", "on_llm_error"]);
  });

  it("the filters match a chat model as type llm in v1 (chat_model in v2)", async () => {
    const chain = prompt.pipe(new FakeListChatModel({ responses: ["ab"] }));
    type Filters = { includeTypes?: string[]; excludeTypes?: string[] };
    const names = async (version: "v1" | "v2", filters: Filters): Promise<string[]> => {
      const events =
        version === "v1"
          ? await toArray(chain.streamEvents({ q: "x" }, { version: "v1" }, filters))
          : await toArray(chain.streamEvents({ q: "x" }, { version: "v2" }, filters));
      return events.map((e) => e.event);
    };
    expect(await names("v1", { includeTypes: ["llm"] })).toStrictEqual([
      "on_llm_start",
      "on_llm_stream",
      "on_llm_stream",
      "on_llm_end",
    ]);
    expect(await names("v1", { includeTypes: ["chat_model"] })).toStrictEqual([]);
    expect(await names("v1", { excludeTypes: ["llm"] })).not.toContain("on_llm_start");
    expect(await names("v2", { includeTypes: ["llm"] })).toStrictEqual([]);
    expect(await names("v2", { includeTypes: ["chat_model"] })).toStrictEqual([
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_stream",
      "on_chat_model_end",
    ]);
  });

  it("v2 still names chat model events on_chat_model_* and ends with the message", async () => {
    const model = new FakeListChatModel({ responses: ["hi"] });
    const events = await toArray(model.streamEvents("hello", { version: "v2" }));
    expect(events.map((e) => e.event)).toStrictEqual([
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_stream",
      "on_chat_model_end",
    ]);
    expect(events.at(-1)!.data).toStrictEqual({ output: expect.any(AIMessageChunk) });
  });
});

describe("streamEvents v1: a retriever ends with { documents }", () => {
  const documents = [new Document({ pageContent: "a" })];

  it("nested: on_retriever_end is { output: { documents }, input: { query } }", async () => {
    const chain = RunnableLambda.from((x: string) => x, { name: "pick" }).pipe(
      new FakeRetriever({ documents }),
    );
    const events = await toArray(chain.streamEvents("q", { version: "v1" }));
    const end = events.find((e) => e.event === "on_retriever_end");
    expect(end!.data).toStrictEqual({ output: { documents }, input: { query: "q" } });
    // The chain's own output is still the list.
    expect(events.at(-1)!.data).toStrictEqual({ output: documents });
  });

  it("root: on_retriever_end is { output: { documents } }; v2 keeps the list", async () => {
    const retriever = new FakeRetriever({ documents });
    const v1 = await toArray(retriever.streamEvents("q", { version: "v1" }));
    expect(v1.at(-1)).toMatchObject({ event: "on_retriever_end", data: { output: { documents } } });
    expect(v1.at(-1)!.data).toStrictEqual({ output: { documents } });
    const v2 = await toArray(retriever.streamEvents("q", { version: "v2" }));
    expect(v2.at(-1)!.data).toStrictEqual({ output: documents });
  });
});

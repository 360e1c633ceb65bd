// A model's constructor `callbacks`, `tags`, `metadata`, `verbose` and `cache`, as
// @langchain/core's models take them (they were refused with "pass it in the call's config").
import {
  AIMessageChunk,
  BaseChatModel,
  type BaseChatModelFields,
  type BaseMessage,
  InvalidConfigError,
  type LLMResult,
} from "rivulet";
import { ChatOpenAI } from "rivulet/providers/openai";
import { toArray } from "rivulet/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readFixture } from "../providers/test-support/loopback-server.js";

class EchoModel extends BaseChatModel {
  constructor(fields: BaseChatModelFields = {}) {
    super(fields);
  }

  override _llmType(): string {
    return "echo";
  }

  override async *_streamChunks(messages: BaseMessage[]): AsyncIterable<AIMessageChunk> {
    yield new AIMessageChunk(`echo: ${messages.at(-1)?.text ?? ""}`);
  }
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("a model's own callbacks, tags and metadata", () => {
  it("tells the model's handlers about every call, next to the call's own handlers", async () => {
    const seen: string[] = [];
    const own = {
      handleChatModelStart: () => void seen.push("own:start"),
      handleLLMEnd: (output: LLMResult) => void seen.push(`own:end:${output.generations[0]?.[0]?.text}`),
    };
    const call = { handleChatModelStart: () => void seen.push("call:start") };
    const model = new EchoModel({ callbacks: [own] });
    await model.invoke("hi");
    await model.invoke("again", { callbacks: [call] });
    expect(seen).toEqual(["own:start", "own:end:echo: hi", "call:start", "own:start", "own:end:echo: again"]);
  });

  it("puts its tags after the call's, and its metadata next to ls_* keys, on its events", async () => {
    const model = new EchoModel({ tags: ["model-tag"], metadata: { team: "search" } });
    const events = await toArray(model.streamEvents("hi", { version: "v2", tags: ["call-tag"] }));
    const start = events[0];
    expect(start?.event).toBe("on_chat_model_start");
    expect(start?.tags).toEqual(["call-tag", "model-tag"]);
    expect(start?.metadata).toMatchObject({ team: "search", ls_model_type: "chat" });
  });

  it("in a chain, its tags and metadata are on the model's run only", async () => {
    const model = new EchoModel({ tags: ["model-tag"], metadata: { team: "search" } });
    const chain = model.pipe((message: AIMessageChunk) => message.text);
    const events = await toArray(chain.streamEvents("hi", { version: "v2" }));
    const root = events.find(
      (event) => event.event === "on_chain_start" && event.name === "RunnableSequence",
    );
    expect(root?.tags).toEqual([]);
    expect(root?.metadata).toEqual({});
    const modelStart = events.find((event) => event.event === "on_chat_model_start");
    expect(modelStart?.tags).toEqual(["seq:step:1", "model-tag"]);
  });

  it("logs its runs with verbose: true", async () => {
    const lines: string[] = [];
    vi.spyOn(console, "log").mockImplementation((entry: unknown) => void lines.push(String(entry)));
    await new EchoModel({ verbose: true }).invoke("hi");
    expect(lines.some((line) => line.includes("[llm/start]"))).toBe(true);
    expect(lines.some((line) => line.includes("[llm/end]"))).toBe(true);
  });

  it("refuses values of the wrong kind with an InvalidConfigError naming the field", () => {
    const untyped = (fields: Record<string, unknown>): BaseChatModelFields => fields;
    expect(() => new EchoModel(untyped({ tags: "a" }))).toThrow(InvalidConfigError);
    expect(() => new EchoModel(untyped({ tags: "a" }))).toThrow(/"tags" is a list of strings/);
    expect(() => new EchoModel(untyped({ metadata: [1] }))).toThrow(/"metadata" is a plain object/);
    expect(() => new EchoModel(untyped({ callbacks: {} }))).toThrow(/"callbacks" is a list of handlers/);
    expect(() => new EchoModel(untyped({ verbose: "yes" }))).toThrow(/"verbose" is true or false/);
  });
});

describe("a provider model's constructor options", () => {
  const body = readFixture(new URL("../providers/openai/fixtures/text.sse", import.meta.url));

  function countingFetch() {
    let calls = 0;
    const fetch = async () => {
      calls += 1;
      return new Response(body, { headers: { "content-type": "text/event-stream" } });
    };
    return { fetch, calls: () => calls };
  }

  it("ChatOpenAI takes callbacks, tags and metadata (they were refused)", async () => {
    const { fetch } = countingFetch();
    const starts: string[] = [];
    const model = new ChatOpenAI({
      apiKey: "sk-test",
      fetch,
      callbacks: [{ handleChatModelStart: () => void starts.push("start") }],
      tags: ["billing"],
      metadata: { team: "search" },
    });
    const events = await toArray(model.streamEvents("hi", { version: "v2" }));
    expect(starts).toEqual(["start"]);
    expect(events[0]?.tags).toEqual(["billing"]);
    expect(events[0]?.metadata).toMatchObject({ team: "search", ls_provider: "openai" });
  });

  it("ChatOpenAI with cache: true answers a repeated prompt without a request", async () => {
    const { fetch, calls } = countingFetch();
    const model = new ChatOpenAI({ apiKey: "sk-test", fetch, cache: true, model: "gpt-4o-mini-cache-test" });
    const first = await model.invoke("the same prompt");
    const second = await model.invoke("the same prompt");
    expect(calls()).toBe(1);
    expect(second.text).toBe(first.text);
  });
});

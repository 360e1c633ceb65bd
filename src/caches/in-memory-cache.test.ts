import {
  AIMessage,
  AIMessageChunk,
  BaseCache,
  BaseChatModel,
  type BaseMessage,
  type Generation,
  InMemoryCache,
  InvalidConfigError,
  LLM,
} from "rivulet";
import { FakeLLM, normalizeIds, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** A model that counts its calls and answers "<n>: <prompt>" in two chunks, with usage. */
class CountingModel extends BaseChatModel {
  calls = 0;
  _llmType() {
    return "counting";
  }
  override async *_streamChunks(messages: BaseMessage[]): AsyncIterable<AIMessageChunk> {
    this.calls++;
    yield new AIMessageChunk(`${this.calls}: `);
    yield new AIMessageChunk({
      content: messages.at(-1)?.text ?? "",
      usage_metadata: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
    });
  }
}

describe("InMemoryCache", () => {
  it("stores and looks up by prompt and model key, null when absent", async () => {
    const cache = new InMemoryCache();
    expect(await cache.lookup("p", "k")).toBeNull();
    await cache.update("p", "k", [{ text: "v" }]);
    expect(await cache.lookup("p", "k")).toEqual([{ text: "v" }]);
    expect(await cache.lookup("p", "other")).toBeNull();
    // Joining with a separator would make these two pairs collide; the default key does not.
    await cache.update("a_b", "c", [{ text: "1" }]);
    expect(await cache.lookup("a", "b_c")).toBeNull();
  });

  it("global() instances share one map; new instances do not", async () => {
    await InMemoryCache.global().update("shared-prompt", "k", [{ text: "g" }]);
    expect(await InMemoryCache.global().lookup("shared-prompt", "k")).toEqual([{ text: "g" }]);
    expect(await new InMemoryCache().lookup("shared-prompt", "k")).toBeNull();
  });

  it("takes a custom key encoder (makeDefaultKeyEncoder)", async () => {
    const cache = new InMemoryCache();
    cache.makeDefaultKeyEncoder((prompt) => prompt.toLowerCase());
    await cache.update("HELLO", "k1", [{ text: "x" }]);
    expect(await cache.lookup("hello", "k2")).toEqual([{ text: "x" }]);
  });
});

describe("chat models with cache", () => {
  it("answers a repeated prompt from the cache, as one chunk with zero usage", async () => {
    const model = new CountingModel({ cache: new InMemoryCache() });
    const first = await model.invoke("hi");
    expect(first.content).toBe("1: hi");
    const chunks = await toArray(model.stream("hi"));
    expect(model.calls).toBe(1);
    expect(chunks.map((chunk) => chunk.content)).toEqual(["1: hi"]);
    expect(chunks[0]?.usage_metadata).toEqual({ input_tokens: 0, output_tokens: 0, total_tokens: 0 });
    expect((await model.invoke("hi")).content).toBe("1: hi");
    expect((await model.invoke("other")).content).toBe("2: other");
  });

  it("a cached answer still emits the model's events", async () => {
    const model = new CountingModel({ cache: new InMemoryCache() });
    await model.invoke("hi");
    const events = [];
    for await (const event of model.streamEvents("hi", { version: "v2" })) events.push(event);
    expect(normalizeIds(events.map((event) => event.event))).toEqual([
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_end",
    ]);
    const streamed = events[1];
    expect(streamed?.event === "on_chat_model_stream" && streamed.data.chunk.content).toBe("1: hi");
    const recorder = new RunRecorder();
    await model.invoke("hi", { callbacks: [recorder] });
    expect(recorder.lines()).toEqual(["start:CountingModel", "stream:CountingModel", "end:CountingModel"]);
    expect(model.calls).toBe(1);
  });

  it("keys on the model's parameters and call options, not on run config", async () => {
    const cache = new InMemoryCache();
    const cold = new CountingModel({ cache, temperature: 0 });
    const warm = new CountingModel({ cache, temperature: 1 });
    await cold.invoke("hi");
    await warm.invoke("hi");
    expect(warm.calls).toBe(1); // another temperature: another entry
    await cold.invoke("hi", { stop: ["\n"] });
    expect(cold.calls).toBe(2); // another stop: another entry
    await cold.invoke("hi", { tags: ["x"], metadata: { y: 1 }, runName: "named" });
    expect(cold.calls).toBe(2); // run config is not part of the key
    expect(cold._getSerializedCacheKeyParametersForCall({ stop: ["\n"], tags: ["t"] })).toBe(
      '_model:"base_chat_model",_type:"counting",stop:["\\n"],temperature:0',
    );
  });

  it("stores nothing when the stream is left early", async () => {
    const model = new CountingModel({ cache: new InMemoryCache() });
    for await (const _chunk of await model.stream("hi")) break;
    await model.invoke("hi");
    expect(model.calls).toBe(2);
  });

  it("cache: true uses InMemoryCache.global()", async () => {
    const prompt = `global-${Math.random()}`;
    const model = new CountingModel({ cache: true });
    await model.invoke(prompt);
    const stored = await InMemoryCache.global().lookup(
      `Human: ${prompt}`,
      model._getSerializedCacheKeyParametersForCall({}),
    );
    expect(stored?.[0]?.text).toBe(`1: ${prompt}`);
    expect(new CountingModel({ cache: false }).cache).toBeUndefined();
  });

  it("replays an entry stored as text only, and a custom BaseCache subclass", async () => {
    class RecordingCache extends BaseCache {
      readonly seen: string[] = [];
      override async lookup(prompt: string): Promise<Generation[] | null> {
        this.seen.push(prompt);
        return [{ text: "from text" }];
      }
      override async update(): Promise<void> {}
    }
    const cache = new RecordingCache();
    const model = new CountingModel({ cache });
    const answer = await model.invoke([new AIMessage("before"), ["human", "now"]]);
    expect(answer.content).toBe("from text");
    expect(cache.seen).toEqual(["AI: before\nHuman: now"]); // the prompt is the messages' buffer string
    expect(model.calls).toBe(0);
  });

  it("rejects a cache option that is not a cache", () => {
    const cache: BaseCache = JSON.parse('{"lookup": 1}');
    expect(() => new CountingModel({ cache })).toThrow(InvalidConfigError);
    expect(() => new CountingModel({ cache })).toThrow(/^cache must be true, false or a BaseCache/);
  });
});

describe("text-completion models with cache", () => {
  it("complete a repeated prompt from the cache, as one chunk, still observed", async () => {
    let calls = 0;
    class CountingLLM extends LLM {
      _llmType() {
        return "counting-llm";
      }
      async _call(prompt: string) {
        calls++;
        return `${calls}:${prompt}`;
      }
    }
    const cache = new InMemoryCache();
    const llm = new CountingLLM({ cache });
    expect(await llm.invoke("p")).toBe("1:p");
    expect(await toArray(llm.stream("p"))).toEqual(["1:p"]);
    const events = [];
    for await (const event of llm.streamEvents("p", { version: "v2" })) events.push(event.event);
    expect(events).toEqual(["on_llm_start", "on_llm_stream", "on_llm_end"]);
    expect(calls).toBe(1);
    expect(await cache.lookup("p", llm._getSerializedCacheKeyParametersForCall({}))).toEqual([
      { text: "1:p" },
    ]);
    expect(llm._getSerializedCacheKeyParametersForCall({ stop: ["x"] })).toBe(
      '_model:"base_llm",_type:"counting-llm",stop:["x"]',
    );
    expect(await new FakeLLM({ response: "r", cache }).invoke("q")).toBe("r");
  });
});

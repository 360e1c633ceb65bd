import {
  AIMessageChunk,
  BaseChatModel,
  type BaseChatModelFields,
  BaseLLM,
  type ChatModelCallOptions,
  InvalidConfigError,
  RunnableLambda,
  type StreamEvent,
} from "rivulet";
import { FakeListChatModel, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { ChatOpenAI } from "../providers/openai/index.js";

/** The smallest chat model: answers "ok". */
class OkModel extends BaseChatModel {
  _llmType(): string {
    return "ok";
  }
  override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    yield new AIMessageChunk("ok");
  }
}

describe("BaseChatModel checks its numeric fields at construction", () => {
  const nan = Number.NaN;
  const infinity = Number.POSITIVE_INFINITY;
  const cases: [BaseChatModelFields, RegExp][] = [
    [{ temperature: nan }, /^temperature must be a non-negative finite number/],
    [{ temperature: -1 }, /^temperature must be a non-negative finite number/],
    [{ temperature: infinity }, /^temperature must be a non-negative finite number/],
    [{ maxTokens: nan }, /^maxTokens must be a positive integer/],
    [{ maxTokens: -1 }, /^maxTokens must be a positive integer/],
    [{ maxTokens: 0 }, /^maxTokens must be a positive integer/],
    [{ maxTokens: 1.5 }, /^maxTokens must be a positive integer/],
    [{ maxTokens: infinity }, /^maxTokens must be a positive integer/],
  ];
  it.each(cases)("rejects %o", (fields, message) => {
    expect(() => new OkModel(fields)).toThrow(InvalidConfigError);
    expect(() => new OkModel(fields)).toThrow(message);
  });

  it("accepts temperature 0 and 1.5, maxTokens 1, and reports them as ls_ params", () => {
    expect(new OkModel({ temperature: 0, maxTokens: 1 }).getLsParams()).toMatchObject({
      ls_temperature: 0,
      ls_max_tokens: 1,
    });
    expect(() => new OkModel({ temperature: 1.5 })).not.toThrow();
  });
});

/** A custom model named the way LangChain's integrations are. */
class ChatFooBar extends OkModel {}

/** A custom LLM. */
class EchoLLM extends BaseLLM {
  _llmType(): string {
    return "echo";
  }
  async *_streamText(prompt: string): AsyncIterable<string> {
    yield prompt;
  }
}

async function startMetadata(runnable: RunnableLambda<string, unknown>): Promise<Record<string, unknown>> {
  const events: StreamEvent[] = await toArray(runnable.streamEvents("hi", { version: "v2" }));
  const start = events.find((e) => e.event === "on_chat_model_start" || e.event === "on_llm_start");
  return start?.metadata ?? {};
}

describe("default ls_* metadata follows @langchain/core's derivation", () => {
  it("ls_provider is the name without a leading Chat; ls_model_name only when the model has one", () => {
    // @langchain/core 1.4: BaseChatModel.getLsParams gives ls_provider "FooBar" for ChatFooBar,
    // the class name for FakeListChatModel, a given name as it is, and no ls_model_name.
    expect(new ChatFooBar().getLsParams()).toEqual({ ls_provider: "FooBar", ls_model_type: "chat" });
    expect(new FakeListChatModel({ responses: ["a"] }).getLsParams()).toEqual({
      ls_provider: "FakeListChatModel",
      ls_model_type: "chat",
    });
    expect(new ChatFooBar({ name: "custom" }).getLsParams().ls_provider).toBe("custom");
    expect(new ChatFooBar({ model: "foo-1", temperature: 0.5 }).getLsParams({ stop: ["\n"] })).toEqual({
      ls_provider: "FooBar",
      ls_model_type: "chat",
      ls_model_name: "foo-1",
      ls_temperature: 0.5,
      ls_stop: ["\n"],
    });
    // Providers report their own identifier, as LangChain's ChatOpenAI reports "openai".
    const openai = new ChatOpenAI({ apiKey: "k", model: "gpt-4o", temperature: 0, maxTokens: 5 });
    expect(openai.getLsParams({ stop: ["x"] })).toEqual({
      ls_provider: "openai",
      ls_model_name: "gpt-4o",
      ls_model_type: "chat",
      ls_temperature: 0,
      ls_max_tokens: 5,
      ls_stop: ["x"],
    });
  });

  it("runs carry them, with the call's stop (given or bound) as ls_stop", async () => {
    const model = new FakeListChatModel({ responses: ["a"] });
    const viaCall = RunnableLambda.from((x: string, config) => {
      const options: ChatModelCallOptions = { ...config, stop: ["!"] };
      return model.invoke(x, options);
    });
    expect(await startMetadata(viaCall)).toEqual({
      ls_provider: "FakeListChatModel",
      ls_model_type: "chat",
      ls_stop: ["!"],
    });
    const stopAtQuestion: ChatModelCallOptions = { stop: ["?"] };
    const bound = model.withConfig(stopAtQuestion);
    const viaBinding = RunnableLambda.from((x: string) => bound.invoke(x));
    expect((await startMetadata(viaBinding)).ls_stop).toEqual(["?"]);
    const llm = RunnableLambda.from((x: string) => new EchoLLM().invoke(x));
    expect(await startMetadata(llm)).toEqual({ ls_provider: "EchoLLM", ls_model_type: "llm" });
  });

  it("a binding's getName is the bound model's name, not its runName", () => {
    const model = new FakeListChatModel({ responses: ["a"] });
    expect(model.withConfig({ runName: "rn", tags: ["t"] }).getName()).toBe("FakeListChatModel");
  });
});

// LangChain.js's "How to create a custom chat model" guide, ported by changing imports: a
// SimpleChatModel answering with the first n characters of the first message (with and without
// _streamResponseChunks), and a BaseChatModel with _generate and response metadata.
import {
  AIMessage,
  AIMessageChunk,
  BaseChatModel,
  type BaseChatModelParams,
  type BaseMessage,
  type CallbackManagerForLLMRun,
  ChatGenerationChunk,
  type ChatResult,
  HumanMessage,
  InvalidConfigError,
  InvalidInputError,
  SimpleChatModel,
} from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

interface CustomChatModelInput extends BaseChatModelParams {
  n: number;
}

/** The guide's first model: echoes the first n characters, in one piece. */
class CustomChatModel extends SimpleChatModel {
  n: number;

  constructor(fields: CustomChatModelInput) {
    super(fields);
    this.n = fields.n;
  }

  _llmType() {
    return "custom";
  }

  async _call(
    messages: BaseMessage[],
    _options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<string> {
    const first = messages[0];
    if (first === undefined) throw new Error("No messages provided.");
    if (typeof first.content !== "string") throw new Error("Multimodal messages are not supported.");
    return first.content.slice(0, this.n);
  }
}

/** The same model streaming one letter per chunk and reporting tokens as the guide does. */
class StreamingCustomChatModel extends CustomChatModel {
  calls: string[] = [];

  override async _call(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<string> {
    this.calls.push("_call");
    return super._call(messages, options, runManager);
  }

  override async *_streamResponseChunks(
    messages: BaseMessage[],
    _options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<ChatGenerationChunk> {
    this.calls.push("_streamResponseChunks");
    const first = messages[0];
    if (first === undefined || typeof first.content !== "string") throw new Error("Bad input.");
    for (const letter of first.content.slice(0, this.n)) {
      yield new ChatGenerationChunk({ message: new AIMessageChunk({ content: letter }), text: letter });
      await runManager?.handleLLMNewToken(letter);
    }
  }
}

/** The guide's "richer outputs" model: BaseChatModel with _generate, metadata and usage. */
class AdvancedCustomChatModel extends BaseChatModel {
  n: number;

  constructor(fields: CustomChatModelInput) {
    super(fields);
    this.n = fields.n;
  }

  _llmType() {
    return "advanced_custom_chat_model";
  }

  override async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    _runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const content = messages[0]?.text.slice(0, this.n) ?? "";
    const tokenUsage = { usedTokens: this.n };
    return {
      generations: [
        {
          message: new AIMessage({ content, response_metadata: { tokenUsage } }),
          text: content,
          generationInfo: { finish_reason: options.stop === undefined ? "stop" : "stop_sequence" },
        },
      ],
      llmOutput: { tokenUsage },
    };
  }
}

describe("a SimpleChatModel ported from LangChain's guide", () => {
  it("answers with _call's string and streams it as one chunk", async () => {
    const model = new CustomChatModel({ n: 4 });
    const answer = await model.invoke([new HumanMessage("I am an LLM")]);
    expect(answer.content).toBe("I am");
    expect(AIMessageChunk.isInstance(answer)).toBe(true);
    const chunks = await toArray(model.stream([new HumanMessage("I am an LLM")]));
    expect(chunks.map((chunk) => chunk.content)).toEqual(["I am"]);
  });

  it("streams _streamResponseChunks letter by letter; an unobserved invoke still uses _call", async () => {
    const model = new StreamingCustomChatModel({ n: 4 });
    const chunks = await toArray(model.stream([new HumanMessage("I am an LLM")]));
    expect(chunks.map((chunk) => chunk.content)).toEqual(["I", " ", "a", "m"]);
    expect((await model.invoke([new HumanMessage("I am an LLM")])).content).toBe("I am");
    expect(model.calls).toEqual(["_streamResponseChunks", "_call"]);
  });

  it("shows each letter once as on_chat_model_stream (handleLLMNewToken does not repeat it)", async () => {
    const model = new StreamingCustomChatModel({ n: 3 });
    const events = [];
    for await (const event of model.streamEvents("hello", { version: "v2" })) events.push(event);
    const transcript = normalizeIds(
      events.map((event) => ({
        event: event.event,
        name: event.name,
        chunk: event.event === "on_chat_model_stream" ? event.data.chunk.content : undefined,
      })),
    );
    expect(transcript).toEqual([
      { event: "on_chat_model_start", name: "StreamingCustomChatModel", chunk: undefined },
      { event: "on_chat_model_stream", name: "StreamingCustomChatModel", chunk: "h" },
      { event: "on_chat_model_stream", name: "StreamingCustomChatModel", chunk: "e" },
      { event: "on_chat_model_stream", name: "StreamingCustomChatModel", chunk: "l" },
      { event: "on_chat_model_end", name: "StreamingCustomChatModel", chunk: undefined },
    ]);
    expect(events[0]?.metadata).toMatchObject({
      ls_provider: "StreamingCustomChatModel",
      ls_model_type: "chat",
    });
    expect(model.calls).toEqual(["_streamResponseChunks"]); // observed invoke streams, as in LangChain
  });

  it("pipes like any chat model and takes the run's messages", async () => {
    const model = new CustomChatModel({ n: 2 });
    const chain = model.pipe((message) => message.text.toUpperCase());
    expect(await chain.invoke("hello")).toBe("HE");
  });
});

describe("a BaseChatModel with _generate ported from LangChain's guide", () => {
  it("returns the generation's message, with the generation info merged into response_metadata", async () => {
    const model = new AdvancedCustomChatModel({ n: 3 });
    const answer = await model.invoke([new HumanMessage("I am an LLM")]);
    expect(answer.content).toBe("I a");
    expect(answer.response_metadata).toEqual({ finish_reason: "stop", tokenUsage: { usedTokens: 3 } });
    const stopped = await model.invoke("I am an LLM", { stop: ["\n"] });
    expect(stopped.response_metadata.finish_reason).toBe("stop_sequence");
  });

  it("streams the generated answer as one chunk, with the run's id", async () => {
    const chunks = await toArray(new AdvancedCustomChatModel({ n: 5 }).stream("I am an LLM"));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]?.content).toBe("I am ");
    expect(chunks[0]?.id).toMatch(/^run-/);
  });
});

describe("custom models that break the hooks' contract fail with a message naming the fix", () => {
  it("a BaseChatModel implementing no hook", async () => {
    class Empty extends BaseChatModel {
      _llmType() {
        return "empty";
      }
    }
    await expect(new Empty().invoke("x")).rejects.toThrow(InvalidConfigError);
    await expect(new Empty().invoke("x")).rejects.toThrow(/implement one of them/);
  });

  it("a _generate without generations, and one answering with a human message", async () => {
    class NoGenerations extends BaseChatModel {
      _llmType() {
        return "none";
      }
      override async _generate(): Promise<ChatResult> {
        return { generations: [] };
      }
    }
    class Human extends BaseChatModel {
      _llmType() {
        return "human";
      }
      override async _generate(): Promise<ChatResult> {
        return { generations: [{ text: "x", message: new HumanMessage("x") }] };
      }
    }
    await expect(new NoGenerations().invoke("x")).rejects.toThrow(/returned no generations/);
    await expect(new Human().invoke("x")).rejects.toThrow(InvalidInputError);
    await expect(new Human().invoke("x")).rejects.toThrow(/must return an AIMessage/);
  });

  it("a _streamResponseChunks yielding bare messages", async () => {
    class Bare extends BaseChatModel {
      _llmType() {
        return "bare";
      }
      override async *_streamResponseChunks(): AsyncGenerator<ChatGenerationChunk> {
        const notAChunk: ChatGenerationChunk = JSON.parse('{"text": "x"}');
        yield notAChunk;
      }
    }
    await expect(toArray(new Bare().stream("x"))).rejects.toThrow(/must yield ChatGenerationChunk/);
  });
});

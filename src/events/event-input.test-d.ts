// Type tests of the inputs events carry: a chat model's, an LLM's and a retriever's are typed
// (presented in nested runs, as called at the root), not `unknown`.
import type {
  BaseLanguageModelInput,
  BaseMessage,
  ChatModelInput,
  LLMInput,
  RetrieverInput,
  StreamEvent,
  StreamEventV1,
} from "rivulet";
import { describe, expectTypeOf, it } from "vitest";

type DataOf<E extends StreamEvent["event"]> = Extract<StreamEvent, { event: E }>["data"];

describe("event inputs", () => {
  it("a chat model's: { messages } nested, what it was called with at the root", () => {
    expectTypeOf<DataOf<"on_chat_model_start">["input"]>().toEqualTypeOf<
      ChatModelInput | BaseLanguageModelInput | undefined
    >();
    expectTypeOf<DataOf<"on_chat_model_end">["input"]>().toEqualTypeOf<
      ChatModelInput | BaseLanguageModelInput | undefined
    >();
    const messagesOf = (e: StreamEvent) => {
      if (e.event !== "on_chat_model_start" || e.data.input === undefined) return undefined;
      const input = e.data.input;
      if (typeof input === "object" && "messages" in input) return input.messages;
      return undefined;
    };
    expectTypeOf(messagesOf).returns.toEqualTypeOf<BaseMessage[][] | undefined>();
  });

  it("an LLM's and a retriever's", () => {
    expectTypeOf<DataOf<"on_llm_start">["input"]>().toEqualTypeOf<
      LLMInput | BaseLanguageModelInput | undefined
    >();
    expectTypeOf<DataOf<"on_retriever_start">["input"]>().toEqualTypeOf<
      RetrieverInput | string | undefined
    >();
    expectTypeOf<DataOf<"on_retriever_error">["input"]>().toEqualTypeOf<
      RetrieverInput | string | undefined
    >();
  });

  it("v1 events type them the same way; chains' inputs stay unknown", () => {
    type V1Start = Extract<StreamEventV1, { event: "on_llm_start" }>["data"]["input"];
    expectTypeOf<V1Start>().toEqualTypeOf<ChatModelInput | LLMInput | BaseLanguageModelInput | undefined>();
    expectTypeOf<DataOf<"on_chain_start">["input"]>().toBeUnknown();
  });
});

// Type tests of StreamEvent (docs/events.md rule 11): a union discriminated on `event`, so narrowing gives
// the right `data`; v1 events have no parent_ids and @langchain/core's v1 shapes (a chat model's
// events are on_llm_* with an LLM result at the end, a retriever ends with { documents }); the
// SSE overload yields bytes.
import {
  type AIMessageChunk,
  type ChatModelOutputV1,
  type GenerationChunk,
  type IterableReadableStream,
  type LLMOutput,
  type RetrieverOutputV1,
  RunnableLambda,
  type StreamEvent,
  type StreamEventNameV1,
  type StreamEventV1,
  type TokenUsageV1,
} from "rivulet";
import { describe, expectTypeOf, it } from "vitest";

const lambda = RunnableLambda.from((x: number) => x + 1);

describe("StreamEvent narrowing", () => {
  it("switch (e.event) narrows data per event", () => {
    const handle = (e: StreamEvent) => {
      switch (e.event) {
        case "on_chat_model_stream":
          expectTypeOf(e.data.chunk).toEqualTypeOf<AIMessageChunk>();
          break;
        case "on_chat_model_end":
          expectTypeOf(e.data.output).toEqualTypeOf<AIMessageChunk>();
          break;
        case "on_chain_end":
          expectTypeOf(e.data).toHaveProperty("output");
          expectTypeOf(e.data.output).toBeUnknown();
          break;
        case "on_chain_start":
          expectTypeOf(e.data).toHaveProperty("input");
          break;
        case "on_chain_error":
          expectTypeOf(e.data.error).toBeUnknown();
          break;
        case "on_custom_event":
          expectTypeOf(e.name).toBeString();
          expectTypeOf(e.data).toBeUnknown();
          break;
        case "on_llm_stream":
          expectTypeOf(e.data.chunk).toEqualTypeOf<GenerationChunk>();
          expectTypeOf(e.data.chunk.text).toBeString();
          break;
        case "on_llm_end":
          expectTypeOf(e.data.output).toEqualTypeOf<LLMOutput>();
          expectTypeOf(e.data.output.generations[0]![0]!.generationInfo).toEqualTypeOf<
            Record<string, unknown>
          >();
          expectTypeOf(e.data.output.llmOutput).toEqualTypeOf<Record<string, unknown>>();
          break;
        case "on_retriever_end":
          expectTypeOf(e.data.output).toEqualTypeOf<unknown[]>();
          break;
      }
    };
    expectTypeOf(handle).parameter(0).toEqualTypeOf<StreamEvent>();
  });

  it("on_chain_stream data has no output; on_chain_end data has no chunk", () => {
    const check = (e: StreamEvent) => {
      if (e.event === "on_chain_stream") expectTypeOf(e.data).not.toHaveProperty("output");
      if (e.event === "on_chain_end") expectTypeOf(e.data).not.toHaveProperty("chunk");
    };
    expectTypeOf(check).returns.toBeVoid();
  });

  it("every event has the envelope fields", () => {
    expectTypeOf<StreamEvent["run_id"]>().toBeString();
    expectTypeOf<StreamEvent["parent_ids"]>().toEqualTypeOf<string[]>();
    expectTypeOf<StreamEvent["tags"]>().toEqualTypeOf<string[]>();
    expectTypeOf<StreamEvent["metadata"]>().toEqualTypeOf<Record<string, unknown>>();
  });
});

describe("streamEvents overloads", () => {
  it("v2 (default or explicit) yields StreamEvent", () => {
    expectTypeOf(lambda.streamEvents(1)).toEqualTypeOf<IterableReadableStream<StreamEvent>>();
    expectTypeOf(lambda.streamEvents(1, { version: "v2" })).toEqualTypeOf<
      IterableReadableStream<StreamEvent>
    >();
  });

  it("v1 yields StreamEventV1, which has no parent_ids but still narrows", () => {
    const events = lambda.streamEvents(1, { version: "v1" });
    expectTypeOf(events).toEqualTypeOf<IterableReadableStream<StreamEventV1>>();
    expectTypeOf<StreamEventV1>().not.toHaveProperty("parent_ids");
    expectTypeOf<StreamEventV1>().toHaveProperty("run_id");
    const handle = (e: StreamEventV1) => {
      if (e.event === "on_chain_stream") expectTypeOf(e.data.chunk).toBeUnknown();
    };
    expectTypeOf(handle).returns.toBeVoid();
  });

  it("the SSE overload returns a stream of Uint8Array", () => {
    const bytes = lambda.streamEvents(1, { version: "v2", encoding: "text/event-stream" });
    expectTypeOf(bytes).toEqualTypeOf<IterableReadableStream<Uint8Array>>();
    const v1Bytes = lambda.streamEvents(1, { version: "v1", encoding: "text/event-stream" });
    expectTypeOf(v1Bytes).toEqualTypeOf<IterableReadableStream<Uint8Array>>();
  });

  it("the input type is checked", () => {
    // @ts-expect-error a number lambda does not take a string
    lambda.streamEvents("one");
  });
});

describe("StreamEventV1 (@langchain/core's v1 shapes)", () => {
  it("has no on_chat_model_* event: chat models report as on_llm_*", () => {
    expectTypeOf<Extract<StreamEventNameV1, `on_chat_model_${string}`>>().toBeNever();
    expectTypeOf<Extract<StreamEventV1, { event: "on_chat_model_stream" }>>().toBeNever();
    expectTypeOf<
      "on_llm_start" | "on_llm_stream" | "on_llm_end" | "on_llm_error"
    >().toMatchTypeOf<StreamEventNameV1>();
    const handle = (e: StreamEventV1) => {
      // @ts-expect-error v1 has no on_chat_model_stream event
      if (e.event === "on_chat_model_stream") return;
    };
    expectTypeOf(handle).returns.toBeVoid();
  });

  it("on_llm_stream's chunk is a chat model's AIMessageChunk or an LLM's text (v1 keeps LangChain v1's strings)", () => {
    const handle = (e: StreamEventV1) => {
      if (e.event === "on_llm_stream") expectTypeOf(e.data.chunk).toEqualTypeOf<AIMessageChunk | string>();
    };
    expectTypeOf(handle).returns.toBeVoid();
  });

  it("on_llm_end's output is an LLM result: a chat model's generations carry the message", () => {
    const handle = (e: StreamEventV1) => {
      if (e.event !== "on_llm_end") return;
      expectTypeOf(e.data.output).toEqualTypeOf<ChatModelOutputV1 | LLMOutput>();
      expectTypeOf(e.data.output.generations[0]![0]!.text).toBeString();
      if ("message" in e.data.output.generations[0]![0]!) {
        expectTypeOf(e.data.output.generations[0]![0]!.message).toEqualTypeOf<AIMessageChunk>();
      }
    };
    expectTypeOf(handle).returns.toBeVoid();
    expectTypeOf<ChatModelOutputV1["llmOutput"]>().toEqualTypeOf<{ tokenUsage: TokenUsageV1 } | undefined>();
    expectTypeOf<TokenUsageV1>().toEqualTypeOf<{
      promptTokens: number;
      completionTokens: number;
      totalTokens: number;
    }>();
  });

  it("on_retriever_end's output is { documents }; v2's is the list", () => {
    const v1 = (e: StreamEventV1) => {
      if (e.event === "on_retriever_end") expectTypeOf(e.data.output).toEqualTypeOf<RetrieverOutputV1>();
    };
    const v2 = (e: StreamEvent) => {
      if (e.event === "on_retriever_end") expectTypeOf(e.data.output).toEqualTypeOf<unknown[]>();
    };
    expectTypeOf(v1).returns.toBeVoid();
    expectTypeOf(v2).returns.toBeVoid();
    expectTypeOf<RetrieverOutputV1>().toEqualTypeOf<{ documents: unknown[] }>();
  });
});

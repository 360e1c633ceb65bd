import type {
  AIMessage,
  ChatModelStream,
  ChatModelStreamEvent,
  IterableReadableStream,
  StreamEvent,
  StreamEventV1,
  StreamToolCallBlock,
  ToolCallArgsDelta,
  UsageMetadata,
} from "rivulet";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expectTypeOf, it } from "vitest";

const model = new FakeListChatModel({ responses: ["hi"] });

describe("BaseChatModel.streamEvents overloads", () => {
  it("gives a ChatModelStream without a version, with call options", () => {
    expectTypeOf(model.streamEvents("hi")).toEqualTypeOf<ChatModelStream>();
    expectTypeOf(
      model.streamEvents("hi", { stop: ["\n"], signal: AbortSignal.timeout(1) }),
    ).toEqualTypeOf<ChatModelStream>();
  });

  it("keeps the run-event streams for v1, v2 and SSE", () => {
    expectTypeOf(model.streamEvents("hi", { version: "v2" })).toEqualTypeOf<
      IterableReadableStream<StreamEvent>
    >();
    expectTypeOf(model.streamEvents("hi", { version: "v1" })).toEqualTypeOf<
      IterableReadableStream<StreamEventV1>
    >();
    expectTypeOf(model.streamEvents("hi", { version: "v2", encoding: "text/event-stream" })).toEqualTypeOf<
      IterableReadableStream<Uint8Array>
    >();
  });

  it("types the stream, its views and what they resolve to", async () => {
    const stream = model.streamEvents("hi");
    expectTypeOf(stream).toExtend<AsyncIterable<ChatModelStreamEvent>>();
    expectTypeOf(await stream).toEqualTypeOf<AIMessage>();
    expectTypeOf(await stream.output).toEqualTypeOf<AIMessage>();
    expectTypeOf(await stream.text).toEqualTypeOf<string>();
    expectTypeOf(stream.text).toExtend<AsyncIterable<string>>();
    expectTypeOf(stream.text.full).toEqualTypeOf<AsyncIterable<string>>();
    expectTypeOf(await stream.reasoning).toEqualTypeOf<string>();
    expectTypeOf(await stream.toolCalls).toEqualTypeOf<StreamToolCallBlock[]>();
    expectTypeOf(stream.toolCalls).toExtend<AsyncIterable<StreamToolCallBlock>>();
    expectTypeOf(stream.toolCalls.deltas).toEqualTypeOf<AsyncIterable<ToolCallArgsDelta>>();
    expectTypeOf(await stream.usage).toEqualTypeOf<UsageMetadata | undefined>();
  });

  it("narrows events on `event` and deltas on `type`", () => {
    const event = {} as ChatModelStreamEvent;
    if (event.event === "content-block-delta" && event.delta.type === "tool-call-delta") {
      expectTypeOf(event.delta.args).toEqualTypeOf<string>();
    }
    if (event.event === "content-block-finish" && event.content.type === "tool_call") {
      expectTypeOf(event.content.args).toEqualTypeOf<Record<string, unknown>>();
    }
    if (event.event === "message-finish") {
      expectTypeOf(event.reason).toEqualTypeOf<
        "stop" | "length" | "tool_use" | "content_filter" | undefined
      >();
    }
  });
});

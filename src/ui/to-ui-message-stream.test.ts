// Transcript tests: the whole ordered chunk list for fake-model chains, ids normalised, and the
// real `ai` client (DefaultChatTransport's schema check, then readUIMessageStream) reading our Response.
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from "ai";
import { AIMessageChunk, RunnableLambda, type StreamEvent, ToolMessage } from "rivulet";
import { FakeStreamingChatModel, fromArray, toArray } from "rivulet/testing";
import { toUIMessageStream, toUIMessageStreamResponse, type UIMessageChunk } from "rivulet/ui";
import { describe, expect, expectTypeOf, it } from "vitest";
import { AbortError } from "../errors/abort-error.js";
import { tool } from "../tools/tool.js";

const weather = tool(async ({ city }: { city: string }) => `sunny in ${city}`, {
  name: "weather",
  description: "Weather of a city",
  schema: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
});
/** A model that says "Hi", then asks for two weather calls with fragmented args. */
function toolCallingModel(): FakeStreamingChatModel {
  return new FakeStreamingChatModel({
    chunks: [
      new AIMessageChunk("Hi"),
      new AIMessageChunk({
        content: "",
        tool_call_chunks: [{ index: 0, id: "call_a", name: "weather", args: '{"ci' }],
      }),
      new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: 'ty":"Paris"}' }] }),
      new AIMessageChunk({
        content: "",
        tool_call_chunks: [{ index: 1, id: "call_b", name: "weather", args: '{"city":"Rome"}' }],
      }),
    ],
  });
}

/** model -> every tool call run with its ToolCall (so the tool answers with a ToolMessage carrying the call id). */
function chainOf(model: FakeStreamingChatModel, tools: Record<string, typeof weather>) {
  return RunnableLambda.from(
    async (question: string) => {
      const message = await model.invoke(question);
      const results: ToolMessage[] = [];
      for (const call of message.tool_calls) {
        const chosen = tools[call.name];
        if (chosen === undefined) continue;
        const answer: unknown = await chosen
          .invoke({ ...call, type: "tool_call" })
          .catch(
            (error: unknown) =>
              new ToolMessage({ content: String(error), tool_call_id: call.id ?? "", status: "error" }),
          );
        if (ToolMessage.isInstance(answer)) results.push(answer);
      }
      return results.map((result) => result.text);
    },
    { name: "agent" },
  );
}

async function chunksOf(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const out: UIMessageChunk[] = [];
  const reader = stream.getReader();
  for (;;) {
    const step = await reader.read();
    if (step.done) return out;
    out.push(step.value);
  }
}

describe("toUIMessageStream", () => {
  it("maps text, a step and two tool calls with fragmented args to the client's chunks", async () => {
    const chain = chainOf(toolCallingModel(), { weather });
    const chunks = await chunksOf(
      toUIMessageStream(chain.streamEvents("go", { version: "v2" }), { messageId: "m1" }),
    );
    const textId = chunks.find((chunk) => chunk.type === "text-start");
    const id = textId?.type === "text-start" ? textId.id : "";
    expect(chunks).toEqual([
      { type: "start", messageId: "m1" },
      { type: "start-step" },
      { type: "text-start", id },
      { type: "text-delta", id, delta: "Hi" },
      { type: "text-end", id },
      { type: "tool-input-start", toolCallId: "call_a", toolName: "weather" },
      { type: "tool-input-delta", toolCallId: "call_a", inputTextDelta: '{"ci' },
      { type: "tool-input-delta", toolCallId: "call_a", inputTextDelta: 'ty":"Paris"}' },
      { type: "tool-input-start", toolCallId: "call_b", toolName: "weather" },
      { type: "tool-input-delta", toolCallId: "call_b", inputTextDelta: '{"city":"Rome"}' },
      { type: "tool-input-available", toolCallId: "call_a", toolName: "weather", input: { city: "Paris" } },
      { type: "tool-input-available", toolCallId: "call_b", toolName: "weather", input: { city: "Rome" } },
      { type: "finish-step" },
      { type: "tool-output-available", toolCallId: "call_a", output: "sunny in Paris" },
      { type: "tool-output-available", toolCallId: "call_b", output: "sunny in Rome" },
      { type: "finish", finishReason: "tool-calls" },
    ]);
  });

  it("shows reasoning blocks before text, and usage as message metadata", async () => {
    const model = new FakeStreamingChatModel({
      chunks: [
        new AIMessageChunk({ content: [{ type: "thinking", thinking: "hmm" }] }),
        new AIMessageChunk({ content: "", additional_kwargs: { reasoning_content: " ok" } }),
        new AIMessageChunk({
          content: "Yes",
          usage_metadata: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
        }),
      ],
    });
    const chunks = await chunksOf(
      toUIMessageStream(model.streamEvents("q", { version: "v2" }), { messageId: "m" }),
    );
    expect(chunks.map((chunk) => chunk.type)).toEqual([
      "start",
      "start-step",
      "reasoning-start",
      "reasoning-delta",
      "reasoning-delta",
      "reasoning-end",
      "text-start",
      "text-delta",
      "text-end",
      "message-metadata",
      "finish-step",
      "finish",
    ]);
    expect(chunks).toContainEqual({
      type: "message-metadata",
      messageMetadata: { usage: { input_tokens: 3, output_tokens: 2, total_tokens: 5 } },
    });
  });

  it("joins a tool's error to its call by the tool_call_id an agent puts in data, masked by default", async () => {
    // The model's part from a real fake-model run; the tool events as an agent emits them.
    const modelEvents = await toArray(toolCallingModel().streamEvents("go", { version: "v2" }));
    const envelope = { name: "weather", parent_ids: [], tags: [], metadata: {} };
    // An agent's start data carries the call id beside the input.
    const agentStart: Record<string, unknown> = { input: { city: "Paris" }, tool_call_id: "call_a" };
    const toolEvents: StreamEvent[] = [
      { ...envelope, event: "on_tool_start", run_id: "t1", data: agentStart },
      {
        ...envelope,
        event: "on_tool_error",
        run_id: "t1",
        data: { error: new Error("secret host db.internal unreachable") },
      },
      { ...envelope, event: "on_tool_start", run_id: "t2", data: { input: { city: "Rome" } } },
      {
        ...envelope,
        event: "on_tool_end",
        run_id: "t2",
        data: { output: new ToolMessage({ content: "no data", tool_call_id: "call_b", status: "error" }) },
      },
    ];
    const chunks = await chunksOf(toUIMessageStream(fromArray([...modelEvents, ...toolEvents])));
    expect(chunks.slice(-3)).toEqual([
      { type: "tool-output-error", toolCallId: "call_a", errorText: "Internal error" },
      { type: "tool-output-error", toolCallId: "call_b", errorText: "no data" },
      { type: "finish", finishReason: "tool-calls" },
    ]);
    expect(JSON.stringify(chunks)).not.toContain("db.internal");
  });

  it("sends custom events as data parts and drops an output for a call the client never saw", async () => {
    const events: StreamEvent[] = [
      {
        event: "on_custom_event",
        name: "progress",
        run_id: "c",
        parent_ids: [],
        tags: [],
        metadata: {},
        data: { pct: 50 },
      },
      {
        event: "on_tool_end",
        name: "weather",
        run_id: "t",
        parent_ids: [],
        tags: [],
        metadata: {},
        data: { output: new ToolMessage("x", "call_unknown") },
      },
    ];
    const dropped: string[] = [];
    const chunks = await chunksOf(
      toUIMessageStream(fromArray(events), { messageId: "m", onDrop: (reason) => dropped.push(reason) }),
    );
    expect(chunks).toEqual([
      { type: "start", messageId: "m" },
      { type: "data-progress", data: { pct: 50 } },
      { type: "finish", finishReason: "stop" },
    ]);
    expect(dropped).toEqual([
      'on_tool_end of "weather" dropped: no model tool call has the id "call_unknown"',
    ]);
  });

  it("ends with abort when the source is aborted, and with a masked error when it fails", async () => {
    async function* failing(error: Error): AsyncGenerator<StreamEvent> {
      yield* [];
      throw error;
    }
    expect(await chunksOf(toUIMessageStream(failing(new AbortError("stop")), { messageId: "m" }))).toEqual([
      { type: "start", messageId: "m" },
      { type: "abort" },
    ]);
    const failed = await chunksOf(
      toUIMessageStream(failing(new Error("password=hunter2")), { messageId: "m" }),
    );
    expect(failed).toEqual([
      { type: "start", messageId: "m" },
      { type: "error", errorText: "Internal error" },
      { type: "finish", finishReason: "error" },
    ]);
    const exposed = await chunksOf(toUIMessageStream(failing(new Error("boom")), { exposeErrors: true }));
    expect(exposed[1]).toEqual({ type: "error", errorText: "boom" });
  });

  it("closes the source when the output is cancelled", async () => {
    let closed = false;
    async function* endless(): AsyncGenerator<StreamEvent> {
      try {
        for (;;)
          yield {
            event: "on_custom_event",
            name: "tick",
            run_id: "c",
            parent_ids: [],
            tags: [],
            metadata: {},
            data: 1,
          };
      } finally {
        closed = true;
      }
    }
    const reader = toUIMessageStream(endless()).getReader();
    await reader.read();
    await reader.read();
    await reader.cancel();
    expect(closed).toBe(true);
  });

  it("types chunks as a union discriminated on type", () => {
    expectTypeOf<Extract<UIMessageChunk, { type: "tool-input-delta" }>>().toEqualTypeOf<{
      type: "tool-input-delta";
      toolCallId: string;
      inputTextDelta: string;
    }>();
    expectTypeOf<Extract<UIMessageChunk, { type: `data-${string}` }>["data"]>().toBeUnknown();
    expectTypeOf<{ type: "data-weather"; data: 1 }>().toExtend<UIMessageChunk>();
  });
});

describe("toUIMessageStreamResponse with the real ai client", () => {
  it("writes the protocol's headers and framing, which the AI SDK accepts chunk by chunk and folds into the expected parts", async () => {
    const chain = chainOf(toolCallingModel(), { weather });
    const response = toUIMessageStreamResponse(chain.streamEvents("go", { version: "v2" }), {
      messageId: "m1",
    });
    expect(response.headers.get("content-type")).toBe("text/event-stream");
    expect(response.headers.get("cache-control")).toBe("no-cache");
    expect(response.headers.get("x-vercel-ai-ui-message-stream")).toBe("v1");
    expect(response.headers.get("x-accel-buffering")).toBe("no");
    const [forClient, forText] = response.body?.tee() ?? [];
    const text = await new Response(forText).text();
    expect(text.startsWith('data: {"type":"start","messageId":"m1"}\n\n')).toBe(true);
    expect(text.endsWith("data: [DONE]\n\n")).toBe(true);
    const transport = new DefaultChatTransport({
      api: "http://test/api/chat",
      fetch: async () => new Response(forClient, { headers: response.headers }),
    });
    const stream = await transport.sendMessages({
      chatId: "c",
      messages: [],
      trigger: "submit-message",
      messageId: undefined,
      abortSignal: undefined,
    });
    const errors: unknown[] = [];
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({
      stream,
      onError: (error) => errors.push(error),
      terminateOnError: true,
    })) {
      last = message;
    }
    expect(errors).toEqual([]);
    expect(last?.id).toBe("m1");
    expect(last?.parts).toEqual([
      { type: "step-start" },
      { type: "text", text: "Hi", state: "done", providerMetadata: undefined },
      expect.objectContaining({
        type: "tool-weather",
        toolCallId: "call_a",
        state: "output-available",
        input: { city: "Paris" },
        output: "sunny in Paris",
      }),
      expect.objectContaining({
        type: "tool-weather",
        toolCallId: "call_b",
        state: "output-available",
        input: { city: "Rome" },
        output: "sunny in Rome",
      }),
    ]);
  });
});

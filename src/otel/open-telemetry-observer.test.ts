// Runs become OpenTelemetry spans with the GenAI conventions' names and attributes, nested as
// the run tree is, under the application's active span; errors are recorded; content only on
// opt-in; no span is left open. Captured with the SDK's in-memory exporter.
import { context, SpanKind, SpanStatusCode, trace } from "@opentelemetry/api";
import { AsyncLocalStorageContextManager } from "@opentelemetry/context-async-hooks";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  type ReadableSpan,
  SimpleSpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { AIMessageChunk, ChatPromptTemplate, StringOutputParser, tool } from "rivulet";
import { OpenTelemetryObserver, registerOpenTelemetry } from "rivulet/otel";
import { FakeStreamingChatModel } from "rivulet/testing";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { z } from "zod";

let exporter: InMemorySpanExporter;
let provider: BasicTracerProvider;

const contextManager = new AsyncLocalStorageContextManager();

beforeEach(() => {
  context.setGlobalContextManager(contextManager.enable());
  exporter = new InMemorySpanExporter();
  provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter)] });
});

afterEach(async () => {
  context.disable();
  await provider.shutdown();
});

function observer(captureContent = false): OpenTelemetryObserver {
  return new OpenTelemetryObserver({ tracer: provider.getTracer("test"), captureContent });
}

function model(): FakeStreamingChatModel {
  return new FakeStreamingChatModel({
    model: "fake-gpt",
    provider: "openai",
    temperature: 0.2,
    chunks: [
      new AIMessageChunk({ content: "Hello", id: "resp-1" }),
      new AIMessageChunk({
        content: " there",
        usage_metadata: { input_tokens: 12, output_tokens: 3, total_tokens: 15 },
        response_metadata: { finish_reason: "stop", model_name: "fake-gpt-0613" },
      }),
    ],
  });
}

function byName(spans: readonly ReadableSpan[], name: string): ReadableSpan {
  const found = spans.find((span) => span.name === name);
  if (found === undefined)
    throw new Error(`no span ${name} among ${spans.map((span) => span.name).join(", ")}`);
  return found;
}

function parentOf(span: ReadableSpan): string | undefined {
  return span.parentSpanContext?.spanId;
}

const prompt = ChatPromptTemplate.fromMessages([
  ["system", "Be brief."],
  ["human", "Say hi to {name}"],
]);

describe("OpenTelemetryObserver", () => {
  it("makes one span per run of a chain, nested as the runs are, under the active span", async () => {
    const tracing = observer();
    const chain = prompt.pipe(model()).pipe(new StringOutputParser());
    const tracer = provider.getTracer("app");
    const answer = await tracer.startActiveSpan("request", async (request) => {
      try {
        return await chain.invoke({ name: "Ada" }, { callbacks: [tracing] });
      } finally {
        request.end();
      }
    });
    expect(answer).toBe("Hello there");
    const spans = exporter.getFinishedSpans();
    expect(spans.map((span) => span.name).sort()).toEqual(
      ["ChatPromptTemplate", "RunnableSequence", "StrOutputParser", "chat fake-gpt", "request"].sort(),
    );
    const root = byName(spans, "RunnableSequence");
    expect(parentOf(root)).toBe(byName(spans, "request").spanContext().spanId);
    for (const child of ["ChatPromptTemplate", "chat fake-gpt", "StrOutputParser"]) {
      expect(parentOf(byName(spans, child))).toBe(root.spanContext().spanId);
      expect(byName(spans, child).spanContext().traceId).toBe(root.spanContext().traceId);
    }
    expect(byName(spans, "chat fake-gpt").kind).toBe(SpanKind.CLIENT);
    expect(root.kind).toBe(SpanKind.INTERNAL);
    expect(root.status.code).toBe(SpanStatusCode.OK);
    expect(root.attributes["rivulet.run.type"]).toBe("chain");
    expect(tracing.openSpanCount).toBe(0);
  });

  it("records a model call's request, usage, finish reason and response, without content by default", async () => {
    await model().invoke("Hi", { callbacks: [observer()] });
    const [span] = exporter.getFinishedSpans();
    expect(span?.attributes).toMatchObject({
      "gen_ai.operation.name": "chat",
      "gen_ai.provider.name": "openai",
      "gen_ai.request.model": "fake-gpt",
      "gen_ai.request.temperature": 0.2,
      "gen_ai.usage.input_tokens": 12,
      "gen_ai.usage.output_tokens": 3,
      "gen_ai.response.finish_reasons": ["stop"],
      "gen_ai.response.model": "fake-gpt-0613",
    });
    expect(Object.keys(span?.attributes ?? {}).filter((key) => key.includes("messages"))).toEqual([]);
  });

  it("records prompts and completions in the conventions' shape when asked to", async () => {
    await model().invoke(
      [
        ["system", "Be brief."],
        ["human", "Hi"],
      ],
      { callbacks: [observer(true)] },
    );
    const [span] = exporter.getFinishedSpans();
    expect(JSON.parse(String(span?.attributes["gen_ai.input.messages"]))).toEqual([
      { role: "system", parts: [{ type: "text", content: "Be brief." }] },
      { role: "user", parts: [{ type: "text", content: "Hi" }] },
    ]);
    expect(JSON.parse(String(span?.attributes["gen_ai.output.messages"]))).toEqual([
      { role: "assistant", parts: [{ type: "text", content: "Hello there" }], finish_reason: "stop" },
    ]);
  });

  it("turns a tool call into an execute_tool span with its call id, and records its error", async () => {
    const divide = tool(
      ({ a, b }: { a: number; b: number }) => {
        if (b === 0) throw new Error("division by zero");
        return a / b;
      },
      { name: "divide", description: "Divide a by b", schema: z.object({ a: z.number(), b: z.number() }) },
    );
    const tracing = observer(true);
    await divide.invoke(
      { type: "tool_call", id: "call_7", name: "divide", args: { a: 6, b: 3 } },
      { callbacks: [tracing] },
    );
    await expect(
      divide.invoke(
        { type: "tool_call", id: "call_8", name: "divide", args: { a: 1, b: 0 } },
        { callbacks: [tracing] },
      ),
    ).rejects.toThrow("division by zero");
    const [ok, failed] = exporter.getFinishedSpans();
    expect(ok?.name).toBe("execute_tool divide");
    expect(ok?.attributes).toMatchObject({
      "gen_ai.operation.name": "execute_tool",
      "gen_ai.tool.name": "divide",
      "gen_ai.tool.call.id": "call_7",
      "gen_ai.tool.call.result": "2",
    });
    expect(failed?.attributes["gen_ai.tool.call.id"]).toBe("call_8");
    expect(failed?.status).toEqual({ code: SpanStatusCode.ERROR, message: "division by zero" });
    expect(failed?.attributes["error.type"]).toBe("Error");
    expect(failed?.events.map((event) => event.name)).toEqual(["exception"]);
    expect(tracing.openSpanCount).toBe(0);
  });

  it("sets error.type to Rivulet's stable code for Rivulet errors", async () => {
    const failing = new FakeStreamingChatModel({ model: "fake-gpt", thrownErrorString: "boom" });
    await expect(failing.invoke("Hi", { callbacks: [observer()] })).rejects.toThrow();
    const badInput = model();
    await expect(badInput.invoke(42 as never, { callbacks: [observer()] })).rejects.toThrow();
    const types = exporter.getFinishedSpans().map((span) => span.attributes["error.type"]);
    expect(types[0]).toBe("Error");
    expect(types[1]).toBe("invalid_input");
  });

  it("ends every span when a reader breaks out of a stream", async () => {
    const tracing = observer();
    const chain = prompt.pipe(model()).pipe(new StringOutputParser());
    for await (const _chunk of await chain.stream({ name: "Ada" }, { callbacks: [tracing] })) break;
    expect(tracing.openSpanCount).toBe(0);
    const spans = exporter.getFinishedSpans();
    expect(byName(spans, "RunnableSequence").status.code).toBe(SpanStatusCode.ERROR);
    expect(byName(spans, "RunnableSequence").attributes["error.type"]).toBe("aborted");
  });
});

describe("registerOpenTelemetry", () => {
  it("traces every call in the process until stopped, under the global tracer provider", async () => {
    trace.setGlobalTracerProvider(provider);
    const stop = registerOpenTelemetry();
    try {
      await model().invoke("Hi");
    } finally {
      stop();
      trace.disable();
    }
    await model().invoke("Hi");
    expect(exporter.getFinishedSpans().map((span) => span.name)).toEqual(["chat fake-gpt"]);
  });
});

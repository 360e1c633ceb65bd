// Review: instrumentation never breaks the application. A span processor that throws (a
// misconfigured SDK) is reported through OpenTelemetry's diagnostic logger; the calls succeed.
import { type DiagLogger, DiagLogLevel, diag } from "@opentelemetry/api";
import {
  BasicTracerProvider,
  InMemorySpanExporter,
  SimpleSpanProcessor,
  type SpanProcessor,
} from "@opentelemetry/sdk-trace-base";
import { AIMessageChunk, RunnableLambda } from "rivulet";
import { OpenTelemetryObserver } from "rivulet/otel";
import { FakeStreamingChatModel, toArray } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";

const broken: SpanProcessor = {
  onStart() {
    throw new Error("processor broke on start");
  },
  onEnd() {
    throw new Error("processor broke on end");
  },
  forceFlush: async () => undefined,
  shutdown: async () => undefined,
};

afterEach(() => diag.disable());

describe("OpenTelemetryObserver with a failing SDK", () => {
  it("lets the runs succeed and reports the failures through diag", async () => {
    const reported: string[] = [];
    const record = (message: string) => reported.push(message);
    const logger: DiagLogger = { error: record, warn: record, info: record, debug: record, verbose: record };
    diag.setLogger(logger, DiagLogLevel.ERROR);
    const exporter = new InMemorySpanExporter();
    const provider = new BasicTracerProvider({ spanProcessors: [new SimpleSpanProcessor(exporter), broken] });
    const observer = new OpenTelemetryObserver({ tracer: provider.getTracer("test") });
    const model = new FakeStreamingChatModel({ chunks: [new AIMessageChunk("Hi"), new AIMessageChunk("!")] });
    const chain = RunnableLambda.from((text: string) => text).pipe(model);

    expect((await chain.invoke("Hello", { callbacks: [observer] })).text).toBe("Hi!");
    const chunks = await toArray(await chain.stream("Hello", { callbacks: [observer] }));
    expect(chunks.map((chunk) => chunk.text).join("")).toBe("Hi!");
    await expect(
      RunnableLambda.from(() => {
        throw new Error("the step's own error");
      }).invoke(1, { callbacks: [observer] }),
    ).rejects.toThrow("the step's own error");
    expect(reported.some((message) => message.includes("OpenTelemetry span start failed"))).toBe(true);
    expect(observer.openSpanCount).toBe(0);
    await provider.shutdown();
  });
});

// The spans reach a collector over OTLP/HTTP through the SDK's own exporter: a loopback
// server stands in for the collector (LangSmith, Langfuse, Phoenix, Datadog and Jaeger all
// ingest this protocol) and reads the JSON the exporter posts.
import { once } from "node:events";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { OTLPTraceExporter } from "@opentelemetry/exporter-trace-otlp-http";
import { BasicTracerProvider, SimpleSpanProcessor } from "@opentelemetry/sdk-trace-base";
import { AIMessageChunk } from "rivulet";
import { OpenTelemetryObserver } from "rivulet/otel";
import { FakeStreamingChatModel } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";

interface ExportedAttribute {
  key: string;
  value: {
    stringValue?: string;
    intValue?: string | number;
    arrayValue?: { values: Array<{ stringValue?: string }> };
  };
}
interface ExportedSpan {
  name: string;
  attributes: ExportedAttribute[];
}
interface ExportRequest {
  resourceSpans: Array<{ scopeSpans: Array<{ spans: ExportedSpan[] }> }>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const parts: Buffer[] = [];
  for await (const part of request) parts.push(Buffer.isBuffer(part) ? part : Buffer.from(String(part)));
  return Buffer.concat(parts).toString("utf8");
}

const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0).reverse()) await close();
});

async function collector(): Promise<{
  url: string;
  requests: Array<{ path: string; type: string; body: string }>;
}> {
  const requests: Array<{ path: string; type: string; body: string }> = [];
  const server = createServer((request, response) => {
    void readBody(request).then((body) => {
      requests.push({ path: request.url ?? "", type: request.headers["content-type"] ?? "", body });
      response.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
  });
  server.listen(0, "127.0.0.1");
  await once(server, "listening");
  closers.push(() => new Promise((resolve) => server.close(() => resolve())));
  const { port } = server.address() as AddressInfo;
  return { url: `http://127.0.0.1:${port}/v1/traces`, requests };
}

function attribute(span: ExportedSpan, key: string): unknown {
  const value = span.attributes.find((each) => each.key === key)?.value;
  if (value?.arrayValue !== undefined) return value.arrayValue.values.map((each) => each.stringValue);
  return value?.stringValue ?? (value?.intValue === undefined ? undefined : Number(value.intValue));
}

describe("OTLP/HTTP export", () => {
  it("posts a model call's span with the GenAI attributes to a collector", async () => {
    const receiver = await collector();
    const provider = new BasicTracerProvider({
      spanProcessors: [new SimpleSpanProcessor(new OTLPTraceExporter({ url: receiver.url }))],
    });
    closers.push(() => provider.shutdown());
    const model = new FakeStreamingChatModel({
      model: "fake-gpt",
      provider: "openai",
      chunks: [
        new AIMessageChunk({
          content: "Hi",
          usage_metadata: { input_tokens: 5, output_tokens: 1, total_tokens: 6 },
          response_metadata: { finish_reason: "stop" },
        }),
      ],
    });
    await model.invoke("Hello", {
      callbacks: [new OpenTelemetryObserver({ tracer: provider.getTracer("test") })],
    });
    await provider.forceFlush();
    expect(receiver.requests).toHaveLength(1);
    const [request] = receiver.requests;
    expect(request?.path).toBe("/v1/traces");
    expect(request?.type).toContain("application/json");
    const exported: ExportRequest = JSON.parse(request?.body ?? "{}");
    const spans = exported.resourceSpans.flatMap((resource) =>
      resource.scopeSpans.flatMap((scope) => scope.spans),
    );
    expect(spans.map((span) => span.name)).toEqual(["chat fake-gpt"]);
    const [span] = spans;
    if (span === undefined) throw new Error("no span exported");
    expect(attribute(span, "gen_ai.operation.name")).toBe("chat");
    expect(attribute(span, "gen_ai.request.model")).toBe("fake-gpt");
    expect(attribute(span, "gen_ai.usage.input_tokens")).toBe(5);
    expect(attribute(span, "gen_ai.usage.output_tokens")).toBe(1);
    expect(attribute(span, "gen_ai.response.finish_reasons")).toEqual(["stop"]);
  });
});

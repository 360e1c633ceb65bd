import { addGlobalObserver } from "../callbacks/global-observers.js";
import { OpenTelemetryObserver, type OpenTelemetryOptions } from "./open-telemetry-observer.js";

/**
 * Turns every Rivulet run in this process into an OpenTelemetry span (see
 * {@link OpenTelemetryObserver}), without passing callbacks to each call. Register your SDK
 * first (its tracer provider and exporter: OTLP to LangSmith, Langfuse, Phoenix, Datadog,
 * Jaeger...), then call this once. Returns a function that stops it; runs already started keep
 * reporting until they end.
 *
 * @example
 * ```ts
 * const provider = new NodeTracerProvider({ spanProcessors: [new BatchSpanProcessor(new OTLPTraceExporter())] });
 * provider.register();
 * const stop = registerOpenTelemetry();
 * ```
 */
export function registerOpenTelemetry(options: OpenTelemetryOptions = {}): () => void {
  return addGlobalObserver(new OpenTelemetryObserver(options));
}

import {
  type Context,
  context as contextApi,
  diag,
  type Span,
  SpanKind,
  SpanStatusCode,
  type Tracer,
  trace,
} from "@opentelemetry/api";
import type { Run } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";
import { RivuletError } from "../errors/rivulet-error.js";
import { readEnv } from "../internal/read-env.js";
import { endAttributes, operationName, spanName, startAttributes } from "./gen-ai-attributes.js";

/** The environment variable the GenAI conventions name for opting in to message content. */
export const CAPTURE_CONTENT_ENV = "OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT";

/** Options of {@link OpenTelemetryObserver} and `registerOpenTelemetry`. */
export interface OpenTelemetryOptions {
  /**
   * The tracer spans are made with. Default: the global provider's tracer named `rivulet`
   * (whatever SDK the application registered; a no-op one when none is).
   */
  readonly tracer?: Tracer | undefined;
  /**
   * Record prompts, completions, tool arguments and results as span attributes. Off by
   * default: they may hold personal data. When not given, the environment variable
   * `OTEL_INSTRUMENTATION_GENAI_CAPTURE_MESSAGE_CONTENT=true` turns it on.
   */
  readonly captureContent?: boolean | undefined;
}

function captureFromEnvironment(): boolean {
  return readEnv(CAPTURE_CONTENT_ENV)?.trim().toLowerCase() === "true";
}

function errorType(error: unknown): string {
  if (RivuletError.isInstance(error)) return error.code;
  if (error instanceof Error) return error.name;
  return "_OTHER"; // the conventions' value when the type is not known
}

/**
 * Runs one step of tracing. Instrumentation must not break the application: a failing span
 * processor, sampler or exporter is reported through OpenTelemetry's diagnostic logger, and the
 * run goes on untraced rather than failing.
 */
function guarded(step: string, work: () => void): void {
  try {
    work();
  } catch (error) {
    diag.error(`rivulet: OpenTelemetry ${step} failed`, error);
  }
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A run observer that turns every run into an OpenTelemetry span, named and attributed after
 * the GenAI semantic conventions: model calls are `chat <model>` client spans with
 * `gen_ai.request.model`, token usage and finish reasons; tools are `execute_tool <name>` with
 * the call id; other runs are internal spans named after the run. Parents follow the run tree;
 * a root run's parent is the active OpenTelemetry context, so Rivulet's spans nest under the
 * application's own (an HTTP server span, say). Errors are recorded with `error.type` set to
 * Rivulet's stable error code. Spans end with the runs' own start and end times.
 *
 * @example
 * ```ts
 * const observer = new OpenTelemetryObserver({ tracer: provider.getTracer("my-app") });
 * await chain.invoke(input, { callbacks: [observer] });
 * ```
 */
export class OpenTelemetryObserver implements RunObserver {
  readonly #tracer: Tracer;
  readonly #captureContent: boolean;
  // Open spans by run id; an entry leaves when its run ends, so a long process keeps none.
  readonly #spans = new Map<string, Span>();

  constructor(options: OpenTelemetryOptions = {}) {
    this.#tracer = options.tracer ?? trace.getTracer("rivulet");
    this.#captureContent = options.captureContent ?? captureFromEnvironment();
  }

  /** The number of runs whose spans are open (for tests and leak checks). */
  get openSpanCount(): number {
    return this.#spans.size;
  }

  onRunStart(run: Run): void {
    guarded("span start", () => this.#start(run));
  }

  onRunEnd(run: Run): void {
    const span = this.#take(run);
    if (span !== undefined) guarded("span end", () => this.#end(run, span));
  }

  onRunError(run: Run, error: unknown): void {
    const span = this.#take(run);
    if (span !== undefined) guarded("span end", () => this.#fail(span, run, error));
  }

  #start(run: Run): void {
    const span = this.#tracer.startSpan(
      spanName(run),
      {
        kind:
          operationName(run) === "chat" || operationName(run) === "text_completion"
            ? SpanKind.CLIENT
            : SpanKind.INTERNAL,
        startTime: run.startTime,
        attributes: startAttributes(run, this.#captureContent),
      },
      this.#parentContext(run),
    );
    this.#spans.set(run.id, span);
  }

  #end(run: Run, span: Span): void {
    span.setAttributes(endAttributes(run, this.#captureContent));
    span.setStatus({ code: SpanStatusCode.OK });
    span.end(run.endTime);
  }

  #fail(span: Span, run: Run, error: unknown): void {
    span.setAttribute("error.type", errorType(error));
    if (error instanceof Error) span.recordException(error);
    else span.recordException(errorMessage(error));
    span.setStatus({ code: SpanStatusCode.ERROR, message: errorMessage(error) });
    span.end(run.endTime);
  }

  #take(run: Run): Span | undefined {
    const span = this.#spans.get(run.id);
    this.#spans.delete(run.id);
    return span;
  }

  #parentContext(run: Run): Context {
    const active = contextApi.active();
    const parent = run.parentRunId === undefined ? undefined : this.#spans.get(run.parentRunId);
    return parent === undefined ? active : trace.setSpan(active, parent);
  }
}

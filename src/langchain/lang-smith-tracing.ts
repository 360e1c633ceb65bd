import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { Client } from "langsmith";
import { addGlobalObserver } from "../callbacks/global-observers.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { readEnv } from "../internal/read-env.js";

/** 16 MiB: LangSmith's client drops runs beyond this much queued payload (its default is 1 GiB). */
const DEFAULT_MAX_QUEUE_BYTES = 16 * 1024 * 1024;
const DEFAULT_TIMEOUT_MS = 10_000;

/** Options of {@link registerLangSmith} and {@link langSmithTracer}. */
export interface LangSmithTracingOptions {
  /** The LangSmith project runs go to. Default: `LANGSMITH_PROJECT`, else LangSmith's "default". */
  readonly projectName?: string | undefined;
  /** Default: `LANGSMITH_ENDPOINT` (or LangSmith's cloud endpoint). */
  readonly apiUrl?: string | undefined;
  /** Default: `LANGSMITH_API_KEY`. */
  readonly apiKey?: string | undefined;
  /**
   * Most payload bytes waiting to be sent; past it LangSmith's client drops runs and warns, so
   * a slow or unreachable endpoint costs bounded memory. Default 16 MiB.
   */
  readonly maxQueueBytes?: number | undefined;
  /** Per request to the endpoint, in milliseconds. Default 10,000. */
  readonly timeoutMs?: number | undefined;
  /** The fetch the client sends with (a test seam; default the global fetch). */
  readonly fetch?: typeof fetch | undefined;
  /** A client you built yourself; the options above (but `projectName`) are then ignored. */
  readonly client?: Client | undefined;
}

/** What {@link registerLangSmith} returns. */
export interface LangSmithTracing {
  /** The tracer every run reports to. */
  readonly tracer: LangChainTracer;
  /** Waits until every queued run has been sent (call before a serverless function returns). */
  flush(): Promise<void>;
  /** Stops tracing new runs; runs already started still report. */
  stop(): void;
}

function positive(option: {
  name: string;
  unit: string;
  value: number | undefined;
  fallback: number;
}): number {
  const { name, unit, value, fallback } = option;
  if (value === undefined) return fallback;
  if (!Number.isFinite(value) || value <= 0) {
    throw new InvalidConfigError(`${name} must be a positive number of ${unit}, got ${String(value)}`);
  }
  return value;
}

function buildClient(options: LangSmithTracingOptions): Client {
  if (options.client !== undefined) return options.client;
  const apiUrl = options.apiUrl ?? readEnv("LANGSMITH_ENDPOINT") ?? readEnv("LANGCHAIN_ENDPOINT");
  const apiKey = options.apiKey ?? readEnv("LANGSMITH_API_KEY") ?? readEnv("LANGCHAIN_API_KEY");
  return new Client({
    ...(apiUrl === undefined ? {} : { apiUrl }),
    ...(apiKey === undefined ? {} : { apiKey }),
    maxIngestMemoryBytes: positive({
      name: "maxQueueBytes",
      unit: "bytes",
      value: options.maxQueueBytes,
      fallback: DEFAULT_MAX_QUEUE_BYTES,
    }),
    timeout_ms: positive({
      name: "timeoutMs",
      unit: "milliseconds",
      value: options.timeoutMs,
      fallback: DEFAULT_TIMEOUT_MS,
    }),
    ...(options.fetch === undefined ? {} : { fetchImplementation: options.fetch }),
  });
}

/**
 * Waits until every run a tracer queued has been sent (LangSmith's client sends in the
 * background). Call it before a serverless function returns or a script exits.
 */
export async function flushLangSmith(tracer: LangChainTracer): Promise<void> {
  // By its method, not `instanceof Client`: @langchain/core may load another copy of langsmith
  // than ours (a nested install), and its client's queue must be flushed all the same.
  const client: unknown = tracer.client;
  if (typeof client !== "object" || client === null) return;
  const awaitPending: unknown = Reflect.get(client, "awaitPendingTraceBatches");
  if (typeof awaitPending === "function") await awaitPending.call(client);
}

/**
 * `@langchain/core`'s `LangChainTracer` (LangSmith) with a client whose queue is bounded and whose
 * requests time out, for a call's `callbacks` when only some calls should be traced. Rivulet gives
 * it the callback arguments LangChain would, so the runs in LangSmith look as LangChain's do.
 *
 * @example
 * ```ts
 * await chain.invoke(input, { callbacks: [langSmithTracer({ projectName: "checkout-bot" })] });
 * ```
 */
export function langSmithTracer(options: LangSmithTracingOptions = {}): LangChainTracer {
  const projectName = options.projectName ?? readEnv("LANGSMITH_PROJECT") ?? readEnv("LANGCHAIN_PROJECT");
  return new LangChainTracer({
    client: buildClient(options),
    ...(projectName === undefined ? {} : { projectName }),
  });
}

/**
 * Traces every run in the process to LangSmith through `LangChainTracer`, as setting
 * `LANGSMITH_TRACING=true` does for LangChain; it replaces the registration that variable made
 * when `rivulet/langchain` was imported, so runs are not posted twice. Runs report in the background: a stream never
 * waits for the endpoint, and a slow one costs at most `maxQueueBytes` of memory before runs are
 * dropped with a warning.
 *
 * @example
 * ```ts
 * const tracing = registerLangSmith({ projectName: "checkout-bot" });
 * await chain.invoke(input);
 * await tracing.flush();
 * ```
 */
export function registerLangSmith(options: LangSmithTracingOptions = {}): LangSmithTracing {
  // The one the environment made at import gives way: two would post every run twice.
  const fromEnvironment: unknown = Reflect.get(globalThis, REGISTERED);
  if (isLangSmithTracing(fromEnvironment)) fromEnvironment.stop();
  const tracer = langSmithTracer(options);
  const stop = addGlobalObserver(tracer);
  return { tracer, stop, flush: () => flushLangSmith(tracer) };
}

const TRACING_FLAGS = [
  "LANGSMITH_TRACING",
  "LANGSMITH_TRACING_V2",
  "LANGCHAIN_TRACING_V2",
  "LANGCHAIN_TRACING",
];

/** True when the environment turns LangSmith tracing on, by the variables LangChain reads. */
export function langSmithTracingEnabled(): boolean {
  return TRACING_FLAGS.some((name) => readEnv(name)?.trim().toLowerCase() === "true");
}

// One registration per process however many copies of this module load, as for the observers.
const REGISTERED = Symbol.for("rivulet.langSmithFromEnvironment");

/**
 * Registers LangSmith tracing when the environment asks for it (`LANGSMITH_TRACING=true`, with
 * `LANGSMITH_API_KEY`, `LANGSMITH_ENDPOINT`, `LANGSMITH_PROJECT` as LangChain reads them), once
 * per process; returns the registration, or undefined when tracing is off. Importing
 * `rivulet/langchain` calls it, so an application that already sets these variables for
 * LangChain traces its Rivulet runs too.
 */
export function registerLangSmithFromEnvironment(): LangSmithTracing | undefined {
  if (!langSmithTracingEnabled()) return undefined;
  const existing: unknown = Reflect.get(globalThis, REGISTERED);
  if (isLangSmithTracing(existing)) return existing;
  const registered = registerLangSmith();
  const tracing: LangSmithTracing = {
    ...registered,
    stop: () => {
      registered.stop();
      if (Reflect.get(globalThis, REGISTERED) === tracing) Reflect.deleteProperty(globalThis, REGISTERED);
    },
  };
  Reflect.set(globalThis, REGISTERED, tracing);
  return tracing;
}

function isLangSmithTracing(value: unknown): value is LangSmithTracing {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof Reflect.get(value, "flush") === "function" &&
    typeof Reflect.get(value, "stop") === "function"
  );
}

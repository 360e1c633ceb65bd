import type { RunType } from "../callbacks/run.js";
import { ensureConfig } from "../config/ensure-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { RivuletError } from "../errors/rivulet-error.js";
import type {
  EventFilters,
  RunLog,
  RunLogPatch,
  StreamEvent,
  StreamEventsOptions,
  StreamEventV1,
  StreamLogOptions,
} from "../events/observation-types.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { JsonSchemaObject } from "../schema/zod3-conversion.js";
import { type Aggregator, aggregateStream, ConcatAggregator } from "../streams/aggregator.js";
import type { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import type { AsToolFields, AsToolResult, AsToolSchema } from "../tools/runnable-tool-like.js";
import type { AssignMapping, AssignOutput } from "./assign-output.js";
import { type BatchOptions, runBatch } from "./batch.js";
import { type FallbackOptions, factories, optionalFactory, type RetryOptions } from "./factories.js";
import { foldOutput } from "./fold-output.js";
import type { LambdaChunk, LambdaOutput } from "./lambda-output.js";
import type { MapOutput } from "./map-output.js";
import { rootStream } from "./root-stream.js";
import type { RunListeners } from "./run-listeners.js";
import type { RunnableTypes, TypedChunk, TypedInput, TypedOutput } from "./runnable-types.js";

const BRAND = Symbol.for("rivulet.runnable");
const WHOLE_IN_WHOLE_OUT: RunnableShape = { input: "whole", output: "whole" };

/**
 * The unit of composition: prompts, models, parsers, retrievers, tools and every chain built
 * from them. `I` is the input, `O` the whole output, `C` one chunk of the streamed output.
 * Every Runnable can be invoked, batched, streamed (final output chunk by chunk), observed
 * (`streamEvents`, `streamLog`) and composed (`pipe`).
 *
 * To write one, extend it and implement `_invoke` (whole in, whole out) or `_stream` (whole
 * in, chunks out, with `shape` `{ input: "whole", output: "chunks" }`); a step that processes
 * its input chunk by chunk also implements `_transform` and declares `input: "chunks"`.
 *
 * @example
 * const chain = prompt.pipe(model).pipe(new StringOutputParser());
 * for await (const token of await chain.stream({ topic: "parrots" })) process.stdout.write(token);
 */
export abstract class Runnable<I = unknown, O = unknown, C = O> implements RunnableCore<I, O, C> {
  readonly [BRAND] = true;
  /** The name shown in events; `getName()` falls back to the class name. */
  name?: string;
  /** The run type shown in events (`on_<type>_start`). */
  get runType(): RunType {
    return "chain";
  }
  /**
   * Whether this runnable takes its input and produces its output whole or chunk by chunk
   * (default: whole in, whole out). A subclass that implements `_stream` declares
   * `output: "chunks"`; one that implements `_transform`, `input: "chunks"` too.
   */
  readonly shape: RunnableShape = WHOLE_IN_WHOLE_OUT;
  /**
   * @internal Engine member: true when every await in this runnable's output stream is on a
   * child run's stream (see `RunnableCore`). Hidden from the published types.
   */
  readonly awaitsOnlyChildRuns: boolean = false;

  /** True for any Runnable, even from another copy of the package. */
  static isRunnable(value: unknown): value is Runnable {
    return typeof value === "object" && value !== null && Reflect.get(value, BRAND) === true;
  }

  getName(suffix?: string): string {
    const name = this.name ?? this.constructor.name;
    return suffix ? `${name}${suffix}` : name;
  }

  /** @internal What this runnable's runs are called and tagged with (set `name` and `runType` instead). */
  runIdentity(): RunIdentity {
    return { name: this.getName(), runType: this.runType };
  }

  /** @internal A binding answers with what it wraps and the merged config; others undefined. */
  resolveBinding(_config: RunnableConfig): [RunnableCore<I, O, C>, RunnableConfig] | undefined {
    return undefined;
  }

  /**
   * The schema of this runnable's input when it is known (prompts: their variables; chat models:
   * text, messages or a prompt value; tools: their arguments; sequences: their first step's),
   * else `undefined` (lambdas, passthroughs: set one with `withTypes`). `serve` answers its JSON
   * Schema on `input_schema` and validates request inputs with it. Override it in a subclass.
   */
  getInputSchema(): RunnableSchema | undefined {
    return undefined;
  }

  /** The schema of this runnable's output when it is known, else `undefined` (see `getInputSchema`). */
  getOutputSchema(): RunnableSchema | undefined {
    return undefined;
  }

  /** The JSON Schema of this runnable's input, when known (`getInputSchema()`'s). */
  get inputSchema(): JsonSchemaObject | undefined {
    return this.getInputSchema()?.jsonSchema;
  }

  /** The JSON Schema of this runnable's output, when known (`getOutputSchema()`'s). */
  get outputSchema(): JsonSchemaObject | undefined {
    return this.getOutputSchema()?.jsonSchema;
  }

  /**
   * The same runnable declaring its input and/or output schema (a Standard Schema such as zod,
   * or a JSON Schema object): a binding whose `getInputSchema()`/`getOutputSchema()` answer them,
   * typed from a Standard Schema. Calls are not validated here; `serve` validates its inputs.
   *
   * @example
   * const answer = RunnableLambda.from(async (input: { question: string }) => ask(input.question))
   *   .withTypes({ input: z.object({ question: z.string() }), output: { type: "string" } });
   */
  // Typed through a `this` parameter, as `asTool` is: conditional types on `I`, `O` and `C` here
  // would make them unmeasurable and every Runnable invariant.
  withTypes<R extends Runnable<never, unknown, unknown>, T extends RunnableTypes>(
    this: R,
    types: T,
  ): Runnable<
    TypedInput<T, RunnableInput<R>>,
    TypedOutput<T, RunnableOutput<R>>,
    TypedChunk<T, RunnableOutput<R>, RunnableChunk<R>>
  >;
  withTypes(types: RunnableTypes): Runnable {
    return factories().typed(this, types);
  }

  /** How this runnable's output chunks fold into its output (default: `concat`). */
  createAggregator(): Aggregator<C, O> {
    return new ConcatAggregator<C, O>();
  }

  /**
   * Implementation hook (call `invoke` instead). Default: fold the output of `_stream`; a
   * stream that ends without a chunk is an `EmptyOutputError`.
   */
  async _invoke(input: I, scope: RunScope): Promise<O> {
    if (this._stream === Runnable.prototype._stream) {
      throw new RivuletError("invalid_runnable", `${this.getName()} must implement _invoke or _stream`);
    }
    return foldOutput(this._stream(input, scope), this.createAggregator(), this.getName());
  }

  /** Implementation hook (call `stream` instead). Default: one chunk, the whole output. */
  async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    yield (await this._invoke(input, scope)) as unknown as C;
  }

  /** Implementation hook (call `transform` instead). Default: fold the input, then `_stream`. */
  async *_transform(input: InputStream<I>, scope: RunScope): AsyncIterable<C> {
    const whole = (await aggregateStream(input.stream, input.aggregator())) as I;
    yield* this._stream(whole, scope);
  }

  /** Runs on one input and resolves with the whole output. */
  invoke(input: I, config?: RunnableConfig): Promise<O> {
    let c: RunnableConfig;
    try {
      c = ensureConfig(config);
    } catch (error) {
      return Promise.reject(error);
    }
    return invokeWithRun(this, input, c);
  }

  /**
   * Runs on many inputs with at most `maxConcurrency` at a time; results keep the input order.
   * With `returnExceptions`, a failed input yields its error in place instead of rejecting.
   */
  batch(
    inputs: I[],
    config?: RunnableConfig | RunnableConfig[],
    options?: BatchOptions & { returnExceptions?: false },
  ): Promise<O[]>;
  batch(
    inputs: I[],
    config: RunnableConfig | RunnableConfig[] | undefined,
    options: BatchOptions & { returnExceptions: true },
  ): Promise<(O | Error)[]>;
  batch(
    inputs: I[],
    config?: RunnableConfig | RunnableConfig[],
    options?: BatchOptions,
  ): Promise<(O | Error)[]>;
  batch(
    inputs: I[],
    config?: RunnableConfig | RunnableConfig[],
    options: BatchOptions = {},
  ): Promise<(O | Error)[]> {
    return runBatch({ runnable: this, inputs, config, options, call: (input, c) => this.invoke(input, c) });
  }

  /**
   * Streams the final output chunk by chunk. The promise resolves at once, before any work is
   * done; the work starts when the stream is read. Breaking out of the loop cancels it.
   */
  stream(input: I, config?: RunnableConfig): Promise<IterableReadableStream<C>> {
    let c: RunnableConfig;
    try {
      c = ensureConfig(config);
    } catch (error) {
      return Promise.reject(error);
    }
    return Promise.resolve(rootStream(this, input, c));
  }

  /** Streams the output for an input that itself arrives as a stream. */
  transform(input: AsyncIterable<I>, config?: RunnableConfig): AsyncIterableIterator<C> {
    const c = ensureConfig(config);
    const aggregator = () => new ConcatAggregator<I>();
    // The run's own stream, not a generator around it: closing it before the first read must
    // still close the input (an unstarted generator would skip that).
    return streamWithRun(this, { stream: input, aggregator }, c, { root: true });
  }

  /**
   * Streams the intermediate steps of every run inside this one as typed events (v2 by
   * default; `version: "v1"` for the older shape; `encoding: "text/event-stream"` for SSE
   * bytes). Filters keep events by name, run type or tag.
   *
   * @example
   * for await (const e of chain.streamEvents(input, { version: "v2" }, { includeTypes: ["chat_model"] })) {
   *   if (e.event === "on_chat_model_stream") process.stdout.write(e.data.chunk.text);
   * }
   */
  streamEvents(
    input: I,
    options: StreamEventsOptions & { version: "v1"; encoding?: undefined },
    filters?: EventFilters,
  ): IterableReadableStream<StreamEventV1>;
  streamEvents(
    input: I,
    options: StreamEventsOptions & { encoding: "text/event-stream" },
    filters?: EventFilters,
  ): IterableReadableStream<Uint8Array>;
  streamEvents(
    input: I,
    options?: StreamEventsOptions & { version?: "v2"; encoding?: undefined },
    filters?: EventFilters,
  ): IterableReadableStream<StreamEvent>;
  streamEvents(
    input: I,
    options?: StreamEventsOptions,
    filters?: EventFilters,
  ): IterableReadableStream<unknown> {
    return factories().streamEvents(this, input, options, filters);
  }

  /**
   * Streams the run log as JSON-Patch ops (`RunLogPatch`): the final output as it grows and an
   * entry per nested run. With `diff: false`, yields the accumulated `RunLog` each time.
   *
   * @example
   * let log: RunLog | undefined;
   * for await (const patch of chain.streamLog(input)) log = log ? log.concat(patch) : patch.concat();
   */
  streamLog(
    input: I,
    config: RunnableConfig | undefined,
    options: StreamLogOptions & { diff: false },
  ): AsyncGenerator<RunLog>;
  streamLog(
    input: I,
    config?: RunnableConfig,
    options?: StreamLogOptions & { diff?: true },
  ): AsyncGenerator<RunLogPatch>;
  streamLog(
    input: I,
    config?: RunnableConfig,
    options?: StreamLogOptions,
  ): AsyncGenerator<RunLogPatch | RunLog> {
    return factories().streamLog(this, input, config, options);
  }

  /**
   * Chains `next` after this runnable: its output becomes `next`'s input. `next` may be a
   * Runnable, a function (its parameter is typed from this output when left unannotated), an
   * async generator function, which receives the output stream (annotate its parameter,
   * `input: AsyncIterable<C>`: unannotated it is typed as a function's), or a map of those.
   */
  pipe<O2, C2 = O2>(next: Runnable<O, O2, C2>): Runnable<I, O2, C2>;
  pipe<R>(next: (input: O, config: RunnableConfig) => R): Runnable<I, LambdaOutput<R>, LambdaChunk<R>>;
  pipe<T>(next: (input: AsyncIterable<C>, config: RunnableConfig) => AsyncGenerator<T>): Runnable<I, T, T>;
  pipe<M extends Record<string, unknown>>(next: M): Runnable<I, MapOutput<M>, Partial<MapOutput<M>>>;
  pipe(next: unknown): Runnable<I, unknown, unknown> {
    const { sequence, coerce } = factories();
    return sequence(this, coerce(next));
  }

  /** The same runnable with config bound to every call (`runName`, `tags`, `metadata`...). */
  withConfig(config: RunnableConfig): Runnable<I, O, C> {
    return factories().binding(this, config);
  }

  /** Retries failed calls; a stream is retried only if it fails before its first chunk. */
  withRetry(options: RetryOptions<I> = {}): Runnable<I, O, C> {
    return factories().retry(this, options);
  }

  /** Tries the fallbacks in order when this runnable fails (before its first chunk, when streaming). */
  withFallbacks(
    fallbacks:
      | Runnable<I, O, C>[]
      | { fallbacks: Runnable<I, O, C>[]; handleIf?: (e: unknown) => boolean; name?: string },
  ): Runnable<I, O, C> {
    const options: FallbackOptions<I, O, C> = Array.isArray(fallbacks) ? { fallbacks } : fallbacks;
    return factories().fallbacks(this, options);
  }

  /**
   * This runnable, then a step that adds keys to its object output: each value of `mapping` (a
   * runnable or a function) gets the whole output, and its result goes under its key.
   *
   * @example
   * const withLength = retriever.assign({ count: (docs) => docs.length }); // { ...docs output, count }
   */
  // Typed through a `this` parameter, as `asTool` is (see there).
  assign<R extends Runnable<never, unknown, unknown>, M extends Record<string, unknown>>(
    this: R,
    mapping: M & AssignMapping<RunnableOutput<R>>,
  ): Runnable<RunnableInput<R>, AssignOutput<R, M>, Partial<AssignOutput<R, M>>>;
  assign(mapping: Record<string, unknown>): Runnable<I, unknown, unknown> {
    const { sequence, assign } = factories();
    return sequence(this, assign(mapping));
  }

  /** This runnable, then a step that keeps one key of its object output (its value) or several (an object). */
  pick<K extends keyof O & string>(keys: K): Runnable<I, O[K], O[K]>;
  pick<K extends keyof O & string>(keys: readonly K[]): Runnable<I, Pick<O, K>, Partial<Pick<O, K>>>;
  pick(keys: string | readonly string[]): Runnable<I, unknown, unknown> {
    const { sequence, pick } = factories();
    return sequence(this, pick(keys));
  }

  /**
   * A runnable that applies this one to each element of an array (`RunnableEach`), as a batch.
   *
   * @example
   * await RunnableLambda.from((n: number) => n * 2).map().invoke([1, 2]); // [2, 4]
   */
  map(): Runnable<I[], O[], O[]> {
    return factories().each(this);
  }

  /**
   * The same runnable with listeners for each of its runs: `onStart`, `onEnd` and `onError` get
   * the `Run` (input, output or error, times, tags, metadata) and the call's config. They are
   * awaited; one that throws is reported, and the run goes on.
   */
  withListeners(listeners: RunListeners): Runnable<I, O, C> {
    return factories().withListeners(this, listeners);
  }

  /**
   * A tool whose function invokes this runnable with the validated arguments: `name` (default
   * this runnable's name), `description` (default the schema's), `schema` (a Standard Schema
   * whose output is this runnable's input, or a JSON Schema). It runs as a tool run with this
   * runnable's run inside it; a model's `ToolCall` gets a `ToolMessage` back.
   *
   * @example
   * const tool = chain.asTool({ name: "summarize", description: "Summarizes text", schema: z.object({ text: z.string() }) });
   */
  // Typed through a `this` parameter rather than `I` and `O`: naming them here would make them
  // unmeasurable, and `Runnable<infer I, ...>` would stop inferring inputs.
  asTool<R extends Runnable<never, unknown, unknown>, S extends AsToolSchema<unknown>>(
    this: R,
    fields: AsToolFields<S> & { schema: AsToolSchema<RunnableInput<R>> },
  ): AsToolResult<S, RunnableInput<R>, RunnableOutput<R>>;
  asTool(fields: AsToolFields<AsToolSchema<unknown>>): Runnable {
    return optionalFactory("asTool", "'rivulet/tools'")(this, fields);
  }
}

/** The input type of a Runnable. */
export type RunnableInput<R> = R extends Runnable<infer I, unknown, unknown> ? I : never;
/** The output type of a Runnable. */
export type RunnableOutput<R> = R extends Runnable<never, infer O, unknown> ? O : never;
/** The chunk type of a Runnable's stream. */
export type RunnableChunk<R> = R extends Runnable<never, unknown, infer C> ? C : never;

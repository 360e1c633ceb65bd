import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { InputStream, RunInput } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { mergeKeyed } from "../internal/async-streams.js";
import { setOwnProperty } from "../internal/set-own-property.js";
import { tee } from "../internal/tee.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { type Aggregator, KeyedAggregator } from "../streams/aggregator.js";
import { factories } from "./factories.js";
import type { MapOutput } from "./map-output.js";
import { mapInputSchema, mapOutputSchema } from "./map-schemas.js";
import { Runnable } from "./runnable.js";
import type { MapInput } from "./step-types.js";

type Branches = Record<string, Runnable>;

/**
 * Runs several runnables on the same input at once and returns an object of their outputs.
 * Streaming yields `{ key: chunk }` as each branch produces a chunk. Object literals inside a
 * sequence become one. Branch K runs with the tag `map:key:K`; the run is named
 * `RunnableParallel<a,b>` unless a name is given.
 *
 * @example
 * const both = RunnableParallel.from({ context: retriever, question: new RunnablePassthrough() });
 */
export class RunnableParallel<
  I = unknown,
  O extends Record<string, unknown> = Record<string, unknown>,
> extends Runnable<I, O, Partial<O>> {
  readonly steps: Readonly<Branches>;
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };
  /** @internal */
  override readonly awaitsOnlyChildRuns = true;

  constructor(fields: { steps: Record<string, unknown>; name?: string | undefined }) {
    super();
    const coerce = factories().coerce;
    const steps: Branches = {};
    // Own properties, so a key named `__proto__` (from JSON) is a branch, not a prototype.
    for (const [key, value] of Object.entries(fields.steps)) setOwnProperty(steps, key, coerce(value));
    this.steps = steps;
    if (fields.name !== undefined) this.name = fields.name;
  }

  /**
   * Builds a map from runnables, functions or nested objects. Its types come from the branches:
   * the output is the object of their outputs, the input what every branch takes. Explicit type
   * arguments (`from<Input, Output>({...})`) set them instead.
   *
   * @example
   * const both = RunnableParallel.from({ upper: (s: string) => s.toUpperCase(), length: (s: string) => s.length });
   * // RunnableParallel<string, { upper: string; length: number }>
   */
  static from<M extends Record<string, unknown>>(
    steps: M,
    options?: { name?: string },
  ): RunnableParallel<MapInput<M>, MapOutput<M>>;
  static from<I = unknown, O extends Record<string, unknown> = Record<string, unknown>>(
    steps: Record<string, unknown>,
    options?: { name?: string },
  ): RunnableParallel<I, O>;
  static from(steps: Record<string, unknown>, options?: { name?: string }): RunnableParallel {
    return new RunnableParallel({ steps, name: options?.name });
  }

  override getName(suffix?: string): string {
    return this.name ?? `RunnableParallel<${Object.keys(this.steps).join(",")}>${suffix ?? ""}`;
  }

  /** What the branches that know their input take (see `mapInputSchema`). */
  override getInputSchema(): RunnableSchema | undefined {
    return mapInputSchema(this.steps);
  }

  /** An object of each branch's output (see `mapOutputSchema`). */
  override getOutputSchema(): RunnableSchema | undefined {
    return mapOutputSchema(this.steps);
  }

  override createAggregator(): Aggregator<Partial<O>, O> {
    return new KeyedAggregator((key) => this.steps[key]!.createAggregator()) as unknown as Aggregator<
      Partial<O>,
      O
    >;
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    const stop = scope.childStop();
    const keys = Object.keys(this.steps);
    const limit = scope.config.maxConcurrency ?? keys.length;
    const out: Record<string, unknown> = {};
    let next = 0;
    const worker = async () => {
      while (next < keys.length && !stop.signal.aborted) {
        const key = keys[next++]!;
        setOwnProperty(out, key, await invokeWithRun(this.steps[key]!, input, stop.config(`map:key:${key}`)));
      }
    };
    const workers = Array.from({ length: Math.min(limit, keys.length) }, worker);
    try {
      await Promise.all(workers);
    } catch (error) {
      // One branch failed: cancel the others and let their runs close before this one does.
      await stop.stop(error);
      await Promise.allSettled(workers);
      throw error;
    }
    const ordered: Record<string, unknown> = {};
    for (const key of keys) setOwnProperty(ordered, key, out[key]);
    return ordered as O;
  }

  async *#merge(
    inputs: (key: string, index: number) => RunInput<unknown>,
    scope: RunScope,
  ): AsyncIterable<Partial<O>> {
    const stop = scope.childStop();
    const sources = Object.keys(this.steps).map(
      (key, i) =>
        [key, streamWithRun(this.steps[key]!, inputs(key, i), stop.config(`map:key:${key}`))] as const,
    );
    let finished = false;
    try {
      for await (const [key, chunk] of mergeKeyed(sources, scope.signal)) {
        yield { [key]: chunk } as Partial<O>;
      }
      finished = true;
    } finally {
      // Stopped early or failed: cancel the branches still running; they close before the map.
      if (!finished) await stop.stop();
    }
  }

  override _stream(input: I, scope: RunScope): AsyncIterable<Partial<O>> {
    return this.#merge(() => ({ value: input }), scope);
  }

  override _transform(input: InputStream<I>, scope: RunScope): AsyncIterable<Partial<O>> {
    const copies = tee(input.stream, Object.keys(this.steps).length);
    return this.#merge((_, i) => ({ stream: copies[i]!, aggregator: input.aggregator }), scope);
  }
}

/** LangChain's other name for RunnableParallel. */
export const RunnableMap = RunnableParallel;

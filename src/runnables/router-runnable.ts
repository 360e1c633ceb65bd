import type { RunnableConfig } from "../config/runnable-config.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { BatchOptions } from "./batch.js";
import { Runnable, type RunnableChunk, type RunnableInput, type RunnableOutput } from "./runnable.js";

/** The runnables a {@link RouterRunnable} routes to, by key. */
export type RouterRunnables = Record<string, Runnable<never, unknown, unknown>>;

/** What a router takes: the key of a runnable and that runnable's input. */
export type RouterInput<R extends RouterRunnables> = {
  [K in keyof R & string]: { key: K; input: RunnableInput<R[K]> };
}[keyof R & string];

/** What a router gives: the output of whichever runnable the key named. */
export type RouterOutput<R extends RouterRunnables> = { [K in keyof R]: RunnableOutput<R[K]> }[keyof R];

/** What a router streams: the chunks of whichever runnable the key named. */
export type RouterChunk<R extends RouterRunnables> = { [K in keyof R]: RunnableChunk<R[K]> }[keyof R];

/**
 * Runs the runnable named by the input's `key` on the input's `input` (`{ key, input }`), and
 * streams its output through. A key with no runnable is an `InvalidInputError` naming the keys
 * there are; a batch checks every key before running any input. Unlike `@langchain/core`'s
 * router, which hands the call over without a run of its own, this one is a chain run (named
 * `RouterRunnable`) with the chosen runnable as its child, as `RunnableBranch` is.
 *
 * @example
 * const router = new RouterRunnable({ runnables: { upper: toUpperCase, reverse: reverseText } });
 * await router.invoke({ key: "reverse", input: "Hello" }); // "olleH"
 */
export class RouterRunnable<R extends RouterRunnables = RouterRunnables> extends Runnable<
  RouterInput<R>,
  RouterOutput<R>,
  RouterChunk<R>
> {
  readonly runnables: R;
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };

  constructor(fields: { runnables: R; name?: string | undefined }) {
    super();
    if (!isPlainObject(fields.runnables)) {
      throw new InvalidInputError("RouterRunnable needs `runnables`: an object of runnables by key");
    }
    this.runnables = fields.runnables;
    if (fields.name !== undefined) this.name = fields.name;
  }

  #route(input: RouterInput<R>): [Runnable<unknown, unknown, unknown>, unknown] {
    if (!isPlainObject(input) || typeof input.key !== "string") {
      throw new InvalidInputError(
        `${this.getName()} takes { key, input } with key one of ${this.#knownKeys()}`,
      );
    }
    const runnable = Object.hasOwn(this.runnables, input.key) ? this.runnables[input.key] : undefined;
    if (runnable === undefined) {
      throw new InvalidInputError(
        `No runnable associated with key "${input.key}" in ${this.getName()}: use one of ${this.#knownKeys()}`,
      );
    }
    // The key chose the runnable, so `input` is that runnable's input.
    return [runnable as Runnable<unknown, unknown, unknown>, input.input];
  }

  #knownKeys(): string {
    const keys = Object.keys(this.runnables);
    return keys.length === 0 ? "(none: the router has no runnables)" : keys.map((k) => `"${k}"`).join(", ");
  }

  override async _invoke(input: RouterInput<R>, scope: RunScope): Promise<RouterOutput<R>> {
    const [runnable, inner] = this.#route(input);
    return (await invokeWithRun(runnable, inner, scope.childConfig())) as RouterOutput<R>;
  }

  override async *_stream(input: RouterInput<R>, scope: RunScope): AsyncIterable<RouterChunk<R>> {
    const [runnable, inner] = this.#route(input);
    yield* streamWithRun(runnable, { value: inner }, scope.childConfig()) as AsyncIterable<RouterChunk<R>>;
  }

  override batch(
    inputs: RouterInput<R>[],
    config?: RunnableConfig | RunnableConfig[],
    options?: BatchOptions & { returnExceptions?: false },
  ): Promise<RouterOutput<R>[]>;
  override batch(
    inputs: RouterInput<R>[],
    config: RunnableConfig | RunnableConfig[] | undefined,
    options: BatchOptions & { returnExceptions: true },
  ): Promise<(RouterOutput<R> | Error)[]>;
  override batch(
    inputs: RouterInput<R>[],
    config?: RunnableConfig | RunnableConfig[],
    options?: BatchOptions,
  ): Promise<(RouterOutput<R> | Error)[]>;
  override batch(
    inputs: RouterInput<R>[],
    config?: RunnableConfig | RunnableConfig[],
    options: BatchOptions = {},
  ): Promise<(RouterOutput<R> | Error)[]> {
    // As in @langchain/core, an unknown key fails the batch before any input runs (unless
    // errors are returned in place, where it fails that input only).
    if (options.returnExceptions !== true && Array.isArray(inputs)) {
      try {
        for (const input of inputs) this.#route(input);
      } catch (error) {
        return Promise.reject(error);
      }
    }
    return super.batch(inputs, config, options);
  }
}

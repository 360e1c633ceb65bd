import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { mergeKeyed, once } from "../internal/async-streams.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { tee } from "../internal/tee.js";
import { ConcatAggregator } from "../streams/aggregator.js";
import { Runnable } from "./runnable.js";
import type { RunnableParallel } from "./runnable-parallel.js";

async function* passthroughKeys(
  stream: AsyncIterable<unknown>,
  exclude: ReadonlySet<string>,
): AsyncGenerator<Record<string, unknown>> {
  for await (const chunk of stream) {
    if (!isPlainObject(chunk)) continue;
    const kept: Record<string, unknown> = {};
    let any = false;
    for (const key of Object.keys(chunk)) {
      if (exclude.has(key)) continue;
      kept[key] = chunk[key];
      any = true;
    }
    if (any) yield kept;
  }
}

/**
 * Adds keys to an object input: the output is the input plus the outputs of `mapper`'s
 * branches, each computed from the whole input. Streaming passes the input's own keys on as
 * they come and the new keys as their branches produce them.
 *
 * @example
 * const withLength = RunnablePassthrough.assign({ length: (x: { text: string }) => x.text.length });
 */
export class RunnableAssign<
  I extends Record<string, unknown> = Record<string, unknown>,
  O = Record<string, unknown>,
> extends Runnable<I, O, Partial<O>> {
  readonly mapper: RunnableParallel;
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };
  /** @internal */
  override readonly awaitsOnlyChildRuns = true;

  constructor(mapper: RunnableParallel) {
    super();
    this.mapper = mapper;
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    const added = await invokeWithRun(this.mapper, input, scope.childConfig());
    return { ...input, ...added } as O;
  }

  override _stream(input: I, scope: RunScope): AsyncIterable<Partial<O>> {
    return this._transform({ stream: once(input), aggregator: () => new ConcatAggregator<I>() }, scope);
  }

  override async *_transform(input: InputStream<I>, scope: RunScope): AsyncIterable<Partial<O>> {
    const [forKeys, forMapper] = tee(input.stream, 2);
    const own = passthroughKeys(forKeys!, new Set(Object.keys(this.mapper.steps)));
    const stop = scope.childStop();
    const added = streamWithRun(
      this.mapper,
      { stream: forMapper!, aggregator: input.aggregator },
      stop.config(),
    );
    const merged = mergeKeyed<number, unknown>(
      [
        [0, own],
        [1, added],
      ],
      scope.signal,
    );
    let finished = false;
    try {
      for await (const [, chunk] of merged) yield chunk as Partial<O>;
      finished = true;
    } finally {
      // Stopped early or failed: cancel the mapper; its runs close before this one.
      if (!finished) await stop.stop();
    }
  }
}

import type { RunnableConfig } from "../config/runnable-config.js";
import { iterateWithContext } from "../engine/iterate-with-context.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { once } from "../internal/async-streams.js";
import { ConcatAggregator } from "../streams/aggregator.js";
import { Runnable } from "./runnable.js";

/** An async generator function over the input stream. */
export type GeneratorFunc<I, C> = (input: AsyncIterable<I>, config: RunnableConfig) => AsyncIterable<C>;

/**
 * Wraps an async generator function that receives the *input stream* and yields output as it
 * goes, so streaming passes through it (LangChain.js has no such step). A bare
 * `async function*` given to `pipe` or `RunnableSequence.from` becomes one.
 *
 * @example
 * async function* countryNames(input: AsyncIterable<{ countries?: { name?: string }[] }>) {
 *   const seen = new Set<string>();
 *   for await (const partial of input)
 *     for (const c of partial.countries ?? []) if (c.name && !seen.has(c.name)) { seen.add(c.name); yield c.name; }
 * }
 * const chain = model.pipe(new JsonOutputParser()).pipe(countryNames);
 */
export class RunnableGenerator<I = unknown, C = unknown> extends Runnable<I, C, C> {
  readonly generator: GeneratorFunc<I, C>;
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };

  constructor(fields: { generator: GeneratorFunc<I, C>; name?: string | undefined }) {
    super();
    this.generator = fields.generator;
    const name = fields.name ?? (fields.generator.name || undefined);
    if (name !== undefined) this.name = name;
  }

  /** Wraps an async generator function. */
  static from<I, C>(generator: GeneratorFunc<I, C>, options?: { name?: string }): RunnableGenerator<I, C> {
    return new RunnableGenerator<I, C>({ generator, name: options?.name });
  }

  override getName(suffix?: string): string {
    return this.name === undefined ? `RunnableGenerator${suffix ?? ""}` : super.getName(suffix);
  }

  override createAggregator() {
    return new ConcatAggregator<C>();
  }

  override _stream(input: I, scope: RunScope): AsyncIterable<C> {
    return this.#run(once(input), scope);
  }

  override _transform(input: InputStream<I>, scope: RunScope): AsyncIterable<C> {
    return this.#run(input.stream, scope);
  }

  #run(input: AsyncIterable<I>, scope: RunScope): AsyncIterable<C> {
    return iterateWithContext(scope.childConfig(), (c) => this.generator(input, c));
  }
}

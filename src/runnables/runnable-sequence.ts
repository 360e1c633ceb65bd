import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { InputStream, RunInput } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { InvalidInputError } from "../errors/input-errors.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { Aggregator } from "../streams/aggregator.js";
import { factories } from "./factories.js";
import { Runnable } from "./runnable.js";
import type { LastStep, StepChunk, StepInput, StepOutput } from "./step-types.js";

/** Options of `RunnableSequence.from`, as in `@langchain/core`. */
export interface SequenceOptions {
  name?: string | undefined;
  /** Run the steps without their `seq:step:N` tags (default false). */
  omitSequenceTags?: boolean | undefined;
}

/**
 * Runs steps one after the other, each on the previous one's output. Streaming is pipelined:
 * every step receives the previous step's output stream, so transform steps (parsers,
 * generators) pass chunks on as they come and a step starts at its first input chunk.
 * Step N runs with the tag `seq:step:N` (none with `omitSequenceTags`). Build one with `a.pipe(b)`
 * or `RunnableSequence.from`.
 *
 * @example
 * const chain = RunnableSequence.from([prompt, model, new StringOutputParser()], { name: "joke" });
 */
export class RunnableSequence<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly steps: readonly Runnable[];
  /** When true, steps run without their `seq:step:N` tag. */
  readonly omitSequenceTags: boolean;
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };
  /** @internal */
  override readonly awaitsOnlyChildRuns = true;

  constructor(fields: {
    steps: Runnable[];
    name?: string | undefined;
    omitSequenceTags?: boolean | undefined;
  }) {
    super();
    if (fields.steps.length < 2) {
      throw new InvalidInputError(`A RunnableSequence needs at least 2 steps, got ${fields.steps.length}`);
    }
    this.steps = fields.steps;
    this.omitSequenceTags = fields.omitSequenceTags === true;
    if (fields.name !== undefined) this.name = fields.name;
  }

  /**
   * Builds a sequence from runnables, functions, async generator functions and objects (maps).
   * Its types come from the steps: the first step's input, the last step's output and chunks
   * (annotate a function's parameter to type it). Explicit type arguments
   * (`from<string, string>([...])`) set them instead. `omitSequenceTags: true` runs the steps
   * without their `seq:step:N` tags (piping the sequence on builds a new one, which tags them).
   *
   * @example
   * const chain = RunnableSequence.from([prompt, model, new StringOutputParser()]);
   * // RunnableSequence<InputValues, string, string>
   */
  static from<S extends readonly [unknown, ...unknown[]]>(
    steps: S,
    options?: SequenceOptions | string,
  ): RunnableSequence<StepInput<S[0]>, StepOutput<LastStep<S>>, StepChunk<LastStep<S>>>;
  static from<I = unknown, O = unknown, C = O>(
    steps: readonly [unknown, ...unknown[]],
    options?: SequenceOptions | string,
  ): RunnableSequence<I, O, C>;
  static from(
    steps: readonly [unknown, ...unknown[]],
    options?: SequenceOptions | string,
  ): RunnableSequence<unknown, unknown, unknown> {
    const fields: SequenceOptions = typeof options === "string" ? { name: options } : (options ?? {});
    const { name, omitSequenceTags } = fields;
    const coerce = factories().coerce;
    return new RunnableSequence({ steps: flattenSteps(steps.map(coerce)), name, omitSequenceTags });
  }

  get first(): Runnable {
    return this.steps[0]!;
  }

  get last(): Runnable {
    return this.steps[this.steps.length - 1]!;
  }

  /** The first step's input schema. */
  override getInputSchema(): RunnableSchema | undefined {
    return this.first.getInputSchema();
  }

  /** The last step's output schema. */
  override getOutputSchema(): RunnableSchema | undefined {
    return this.last.getOutputSchema();
  }

  override createAggregator(): Aggregator<C, O> {
    return this.last.createAggregator() as unknown as Aggregator<C, O>;
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    let value: unknown = input;
    for (let i = 0; i < this.steps.length; i++) {
      value = await invokeWithRun(this.steps[i]!, value, scope.childConfig(this.#stepTag(i)));
    }
    return value as O;
  }

  #stepTag(index: number): string | undefined {
    return this.omitSequenceTags ? undefined : `seq:step:${index + 1}`;
  }

  #pipeline(first: RunInput<unknown>, scope: RunScope): AsyncIterable<C> {
    let current: RunInput<unknown> = first;
    for (let i = 0; i < this.steps.length; i++) {
      const step = this.steps[i]!;
      const out = streamWithRun(step, current, scope.childConfig(this.#stepTag(i)));
      current = { stream: out, aggregator: () => step.createAggregator() };
    }
    return current.stream as AsyncIterable<C>;
  }

  override _stream(input: I, scope: RunScope): AsyncIterable<C> {
    return this.#pipeline({ value: input }, scope);
  }

  override _transform(input: InputStream<I>, scope: RunScope): AsyncIterable<C> {
    return this.#pipeline(input, scope);
  }
}

/**
 * Unnamed sequences inside a sequence are spliced in: `a.pipe(b).pipe(c)` is one 3-step run. One
 * built with `omitSequenceTags` stays a step of its own, so its steps stay untagged.
 */
export function flattenSteps(steps: readonly Runnable[]): Runnable[] {
  const out: Runnable[] = [];
  for (const r of steps) {
    // A sequence that omits its step tags stays one step, or merging would tag its steps.
    if (r instanceof RunnableSequence && r.name === undefined && !r.omitSequenceTags) out.push(...r.steps);
    else out.push(r);
  }
  return out;
}

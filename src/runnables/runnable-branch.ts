import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { factories } from "./factories.js";
import { Runnable } from "./runnable.js";

type Branch = readonly [condition: Runnable, branch: Runnable];

/**
 * Picks one runnable by condition: the first `[condition, runnable]` pair whose condition is
 * truthy for the input runs, else the default. Conditions run with the tag `condition:N`, the
 * chosen runnable with `branch:N` (or `branch:default`), and its output streams through.
 *
 * @example
 * const route = RunnableBranch.from([
 *   [(x: { topic: string }) => x.topic === "math", mathChain],
 *   generalChain,
 * ]);
 */
export class RunnableBranch<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly branches: readonly Branch[];
  readonly defaultBranch: Runnable;
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };

  constructor(fields: { branches: Branch[]; default: Runnable; name?: string }) {
    super();
    this.branches = fields.branches;
    this.defaultBranch = fields.default;
    if (fields.name !== undefined) this.name = fields.name;
  }

  /** Builds a branch from `[condition, runnable]` pairs followed by the default runnable. */
  static from<I = unknown, O = unknown, C = O>(
    branches: [...[unknown, unknown][], unknown],
  ): RunnableBranch<I, O, C> {
    if (branches.length < 2) {
      throw new InvalidInputError(
        "RunnableBranch.from needs at least one [condition, runnable] pair and a default",
      );
    }
    const coerce = factories().coerce;
    const pairs = branches.slice(0, -1).map((pair, i) => {
      if (!Array.isArray(pair) || pair.length !== 2) {
        throw new InvalidInputError(`RunnableBranch.from: item ${i} must be a [condition, runnable] pair`);
      }
      return [coerce(pair[0]), coerce(pair[1])] as const;
    });
    return new RunnableBranch<I, O, C>({ branches: pairs, default: coerce(branches[branches.length - 1]) });
  }

  async #choose(input: I, scope: RunScope): Promise<[Runnable, string]> {
    for (let i = 0; i < this.branches.length; i++) {
      const [condition, branch] = this.branches[i]!;
      const ok = await invokeWithRun(condition, input, scope.childConfig(`condition:${i + 1}`));
      if (ok) return [branch, `branch:${i + 1}`];
    }
    return [this.defaultBranch, "branch:default"];
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    const [branch, tag] = await this.#choose(input, scope);
    return (await invokeWithRun(branch, input, scope.childConfig(tag))) as O;
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    const [branch, tag] = await this.#choose(input, scope);
    yield* streamWithRun(branch, { value: input }, scope.childConfig(tag)) as AsyncIterable<C>;
  }
}

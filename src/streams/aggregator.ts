import { setOwnProperty } from "../internal/set-own-property.js";
import { concat } from "./concat.js";
import { TextBuilder } from "./text-builder.js";

/**
 * Folds a run's output chunks into its output. Each Runnable picks the fold that fits its
 * chunks: deltas are added with `concat`; snapshots (a JSON parser's growing object) keep the
 * last one; a map folds each key with its branch's aggregator.
 */
export interface Aggregator<C, O = C> {
  add(chunk: C): void;
  /** The output so far; undefined when no chunk arrived. */
  result(): O | undefined;
}

/**
 * Adds chunks with `concat`, appending to arrays in place once it owns a copy, and joining string
 * chunks with a {@link TextBuilder} (no rope node per token), so the fold is O(n) in time and keeps
 * nothing per chunk beyond the output itself. `O` is what the chunks concatenate into: the chunk
 * type itself by default (a Runnable's default `C = O`); a caller whose chunks fold into another
 * type names it.
 */
export class ConcatAggregator<C, O = C> implements Aggregator<C, O> {
  #acc: unknown = undefined;
  #any = false;
  #ownsArray = false;
  /** While every chunk so far is a string: the text, built without a rope. */
  #text: TextBuilder | undefined;

  add(chunk: C): void {
    if (!this.#any) {
      this.#acc = chunk;
      this.#any = true;
      return;
    }
    if (typeof chunk === "string" && (this.#text !== undefined || typeof this.#acc === "string")) {
      if (this.#text === undefined) {
        this.#text = new TextBuilder();
        this.#text.append(String(this.#acc));
      }
      this.#text.append(chunk);
      return;
    }
    this.#settleText();
    if (Array.isArray(this.#acc) && Array.isArray(chunk)) {
      let items: unknown[] = this.#acc;
      if (!this.#ownsArray) {
        items = [...items];
        this.#acc = items;
        this.#ownsArray = true;
      }
      items.push(...chunk);
      return;
    }
    const next = concat(this.#acc, chunk);
    // A new accumulator may be one of the caller's chunks: never push into it.
    if (next !== this.#acc) this.#ownsArray = false;
    this.#acc = next;
  }

  result(): O | undefined {
    // What is handed out is never appended to later (a log patch may still hold it).
    this.#ownsArray = false;
    if (this.#text !== undefined) return this.#text.toString() as O;
    return this.#acc as O | undefined;
  }

  /** A non-string chunk after strings: the text becomes the accumulator again. */
  #settleText(): void {
    if (this.#text === undefined) return;
    this.#acc = this.#text.toString();
    this.#text = undefined;
  }
}

/** Keeps the last chunk: for streams of snapshots, where each chunk is the whole value so far. */
export class LastValueAggregator<C> implements Aggregator<C, C> {
  #last: C | undefined = undefined;
  add(chunk: C): void {
    this.#last = chunk;
  }
  result(): C | undefined {
    return this.#last;
  }
}

/** Folds `{ key: chunk }` objects, one aggregator per key (a RunnableParallel's output). */
export class KeyedAggregator implements Aggregator<Record<string, unknown>, Record<string, unknown>> {
  readonly #make: (key: string) => Aggregator<unknown, unknown>;
  readonly #byKey = new Map<string, Aggregator<unknown, unknown>>();
  constructor(make: (key: string) => Aggregator<unknown, unknown>) {
    this.#make = make;
  }
  add(chunk: Record<string, unknown>): void {
    for (const key of Object.keys(chunk)) {
      let agg = this.#byKey.get(key);
      if (agg === undefined) {
        agg = this.#make(key);
        this.#byKey.set(key, agg);
      }
      agg.add(chunk[key]);
    }
  }
  result(): Record<string, unknown> | undefined {
    if (this.#byKey.size === 0) return undefined;
    const out: Record<string, unknown> = {};
    for (const [key, agg] of this.#byKey) setOwnProperty(out, key, agg.result());
    return out;
  }
}

/**
 * Collects chunks and folds them all at once with `merge` when the result is asked for (cached
 * until the next chunk): for chunk types whose pairwise `concat` is costly (message chunks).
 */
export class BatchAggregator<C> implements Aggregator<C, C> {
  readonly #chunks: C[] = [];
  readonly #merge: (chunks: readonly C[]) => C | undefined;
  #cached: { value: C | undefined } | undefined;

  constructor(merge: (chunks: readonly C[]) => C | undefined) {
    this.#merge = merge;
  }

  add(chunk: C): void {
    this.#chunks.push(chunk);
    this.#cached = undefined;
  }

  result(): C | undefined {
    this.#cached ??= { value: this.#merge(this.#chunks) };
    return this.#cached.value;
  }
}

/** Reads a whole stream and folds it. */
export async function aggregateStream<C, O>(
  stream: AsyncIterable<C>,
  aggregator: Aggregator<C, O>,
): Promise<O | undefined> {
  for await (const chunk of stream) aggregator.add(chunk);
  return aggregator.result();
}

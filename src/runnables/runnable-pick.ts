import type { InputStream } from "../engine/run-input.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { Runnable } from "./runnable.js";

function pickFrom(value: unknown, keys: string | readonly string[]): unknown {
  if (!isPlainObject(value)) return undefined;
  if (typeof keys === "string") return value[keys];
  const out: Record<string, unknown> = {};
  for (const k of keys) if (k in value) out[k] = value[k];
  return out;
}

/**
 * Keeps some keys of an object input: one key gives its value, a list gives an object of those
 * keys. Streams chunk by chunk, skipping chunks without any of the keys.
 *
 * @example
 * const question = RunnablePassthrough.pick("question");
 */
export class RunnablePick<I = Record<string, unknown>, O = unknown> extends Runnable<I, O, O> {
  readonly keys: string | readonly string[];
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };
  /** @internal */
  override readonly awaitsOnlyChildRuns = true;

  constructor(keys: string | readonly string[]) {
    super();
    this.keys = keys;
  }

  override async _invoke(input: I): Promise<O> {
    return pickFrom(input, this.keys) as O;
  }

  override async *_transform(input: InputStream<I>): AsyncIterable<O> {
    for await (const chunk of input.stream) {
      const picked = pickFrom(chunk, this.keys);
      if (picked === undefined) continue;
      if (isPlainObject(picked) && Object.keys(picked).length === 0) continue;
      yield picked as O;
    }
  }
}

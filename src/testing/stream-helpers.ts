import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { sleep } from "../internal/sleep.js";

/**
 * An async stream of the given items, optionally `delayMs` apart (a test seam for slow
 * producers). `delayMs` (0 to 2^31 - 1) is checked at the call, not at the first read.
 */
export function fromArray<T>(items: Iterable<T>, options: { delayMs?: number } = {}): AsyncGenerator<T> {
  const delayMs = checkNumberOption("delayMs", options.delayMs, "non-negative-duration") ?? 0;
  if (delayMs === Number.POSITIVE_INFINITY) {
    throw new InvalidConfigError(
      "delayMs must be finite: fromArray has no signal that could end an endless wait",
    );
  }
  return delayed(items, delayMs);
}

async function* delayed<T>(items: Iterable<T>, delayMs: number): AsyncGenerator<T> {
  for (const item of items) {
    if (delayMs > 0) await sleep(delayMs);
    yield item;
  }
}

/** Reads a whole stream into an array. */
export async function toArray<T>(stream: AsyncIterable<T> | Promise<AsyncIterable<T>>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of await stream) out.push(item);
  return out;
}

/**
 * Replaces run ids (UUIDs) in a value with stable placeholders (`<id:0>`, `<id:1>`... in order
 * of first appearance), so transcripts can be compared exactly.
 */
export function normalizeIds<T>(value: T): T {
  const ids = new Map<string, string>();
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
  const walk = (v: unknown): unknown => {
    if (typeof v === "string") {
      const bare = v.startsWith("run-") ? v.slice(4) : v;
      if (!uuid.test(bare)) return v;
      if (!ids.has(bare)) ids.set(bare, `<id:${ids.size}>`);
      return v.startsWith("run-") ? `run-${ids.get(bare)}` : ids.get(bare);
    }
    if (Array.isArray(v)) return v.map(walk);
    if (isPlainObject(v)) {
      return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, walk(x)]));
    }
    return v;
  };
  return walk(value) as T;
}

import type { Runnable } from "./runnable.js";

/** What a lambda's return value makes its output: a returned Runnable's output, an iterable's items folded, or the value. */
export type LambdaOutput<R> =
  Awaited<R> extends Runnable<never, infer O, unknown>
    ? O
    : Awaited<R> extends AsyncIterable<infer T>
      ? T
      : Awaited<R>;
/** What a lambda streams: a returned Runnable's chunks, an iterable's items, or the value. */
export type LambdaChunk<R> =
  Awaited<R> extends Runnable<never, unknown, infer C>
    ? C
    : Awaited<R> extends AsyncIterable<infer T>
      ? T
      : Awaited<R>;

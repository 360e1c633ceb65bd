import type { Aggregator } from "../streams/aggregator.js";

/** A stream of input chunks, with the fold its producer uses (so a consumer aggregates it right). */
export interface InputStream<I> {
  readonly stream: AsyncIterable<I>;
  readonly aggregator: () => Aggregator<I, I>;
}

/** The input of a run: a whole value, or a stream that arrives chunk by chunk. */
export type RunInput<I> =
  | { readonly value: I; readonly stream?: undefined }
  | (InputStream<I> & { readonly value?: undefined });

/**
 * `T` with every property optional, at every depth, and arrays of partial elements: the type of
 * a value still being streamed (a JSON parser's snapshot before the model has finished).
 * Primitives stay as they are, since a partial string is still a string.
 *
 * @example
 * type Partial = DeepPartial<{ countries: { name: string }[] }>;
 * // { countries?: { name?: string }[] }
 */
export type DeepPartial<T> = T extends readonly (infer E)[]
  ? DeepPartial<E>[]
  : T extends object
    ? { [K in keyof T]?: DeepPartial<T[K]> }
    : T;

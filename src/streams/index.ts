export { type Aggregator, ConcatAggregator, KeyedAggregator, LastValueAggregator } from "./aggregator.js";
export { concat } from "./concat.js";
export { IterableReadableStream } from "./iterable-readable-stream.js";

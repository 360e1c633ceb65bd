export {
  type Aggregator,
  BatchAggregator,
  ConcatAggregator,
  KeyedAggregator,
  LastValueAggregator,
} from "./aggregator.js";
export { concat } from "./concat.js";
export { GenerationChunk, type GenerationChunkFields } from "./generation-chunk.js";
export { IterableReadableStream } from "./iterable-readable-stream.js";
export { TextBuilder } from "./text-builder.js";

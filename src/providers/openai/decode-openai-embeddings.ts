import { arrayOf, isRecord, recordOf } from "../internal/json-value.js";
import { makeProviderError } from "../internal/make-provider-error.js";
import type { ChunkDecoder } from "../internal/provider-transport.js";

interface EmbeddingItem {
  index: number;
  embedding: number[];
}

function isEmbeddingItem(value: unknown): value is EmbeddingItem {
  return isRecord(value) && Number.isInteger(value.index) && Array.isArray(value.embedding);
}

/** The vectors of an `/embeddings` answer in input order, or a `ProviderError` when it does not hold `expected` of them. */
function readEmbeddings(json: unknown, expected: number, status: number): number[][] {
  const data = arrayOf(recordOf(json).data);
  if (data.length !== expected || !data.every(isEmbeddingItem)) {
    throw makeProviderError(
      `openai returned ${data.length} embeddings for ${expected} inputs, or malformed data`,
      {
        provider: "openai",
        status,
        providerErrorType: "invalid_response",
        retryable: false,
        body: json,
      },
    );
  }
  // The API tags each vector with its input's index; do not rely on the list order.
  return [...data].sort((a, b) => a.index - b.index).map((d) => d.embedding);
}

/**
 * Decodes an `/embeddings` answer: reads the whole JSON body, checks it holds one vector per input
 * and yields them once, in input order. Since nothing is yielded before the body is read and
 * checked, a connection lost while reading it is retried like any failure before the first item.
 */
export function decodeOpenAIEmbeddings(expected: number): ChunkDecoder<number[][]> {
  return async function* decode(response) {
    yield readEmbeddings(await response.json(), expected, response.status);
  };
}

import { arrayOf, isNonArrayObject, recordOf } from "../internal/json-value.js";
import { makeProviderError } from "../internal/make-provider-error.js";
import { parseJsonPayload } from "../internal/parse-json-payload.js";
import type { ChunkDecoder } from "../internal/provider-transport.js";
import { describeOpenAIError } from "./describe-openai-error.js";

interface EmbeddingItem {
  index: number;
  embedding: number[];
}

function isEmbeddingItem(value: unknown): value is EmbeddingItem {
  return isNonArrayObject(value) && Number.isInteger(value.index) && Array.isArray(value.embedding);
}

/** A `200` whose body is an error payload (some gateways and compatible servers answer so): its message kept. */
function errorInBody(json: unknown, status: number): Error | undefined {
  if (!isNonArrayObject(json) || (json.error === undefined && json.object !== "error")) return undefined;
  const { message, type } = describeOpenAIError(json);
  return makeProviderError(
    `openai answered HTTP ${status} with an error: ${message ?? JSON.stringify(json)}`,
    {
      provider: "openai",
      status,
      providerErrorType: type,
      retryable: false,
      body: json,
    },
  );
}

/** The vectors of an `/embeddings` answer in input order, or a `ProviderError` when it does not hold `expected` of them. */
function readEmbeddings(json: unknown, expected: number, status: number): number[][] {
  const error = errorInBody(json, status);
  if (error !== undefined) throw error;
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
 * An error payload in a `200` body, or a body that is not JSON, is a non-retryable `ProviderError`
 * quoting what the server said.
 */
export function decodeOpenAIEmbeddings(expected: number): ChunkDecoder<number[][]> {
  return async function* decode(response) {
    const { status } = response;
    const json = parseJsonPayload(await response.text(), { provider: "openai", status, what: "a body" });
    yield readEmbeddings(json, expected, status);
  };
}

// Test support (not part of the public API): what the vector store conformance suites share,
// the store factory they run against, small fixed embeddings and error helpers.

import type { Document } from "../document.js";
import { Embeddings } from "../embeddings.js";
import type { MetadataFilter } from "../metadata-filter.js";
import type { SearchOptions, VectorStoreRetrieverOptions } from "../search-options.js";
import type { VectorStore } from "../vector-store.js";

/**
 * What the suites use of a store: every method, with metadata filters. (A store taking more
 * kinds of filter, such as MemoryVectorStore's functions, fits, except that its `asRetriever`
 * returns a retriever typed by its own filter, hence the looser `asRetriever` here.)
 */
export interface ConformanceStore
  extends Pick<
    VectorStore<MetadataFilter>,
    | "addDocuments"
    | "addVectors"
    | "delete"
    | "similaritySearch"
    | "similaritySearchWithScore"
    | "similaritySearchVectorWithScore"
    | "maxMarginalRelevanceSearch"
  > {
  asRetriever(options: VectorStoreRetrieverOptions<MetadataFilter>): {
    invoke(query: string, options?: SearchOptions): Promise<Document[]>;
  };
}

/** How a conformance suite gets a new, empty store of the kind under test. */
export interface VectorStoreFactory {
  /** The store kind, shown in test names. */
  name: string;
  /** A new, empty store over `embeddings` (vectors of length 3 unless the embeddings say otherwise). */
  create(embeddings: Embeddings): Promise<ConformanceStore>;
}

/** Options of {@link FixedEmbeddings}. */
export interface FixedEmbeddingsOptions {
  /** The vector of a text (default: `[1, 0, 0]` for every text). */
  vectorOf?: ((text: string, index: number) => number[]) | undefined;
  /** The length the embeddings announce (default 3). */
  dimensions?: number | undefined;
}

/** Embeddings with chosen vectors, so a suite controls every vector a store sees. */
export class FixedEmbeddings extends Embeddings {
  override readonly dimensions: number;
  readonly #vectorOf: (text: string, index: number) => number[];

  constructor(options: FixedEmbeddingsOptions = {}) {
    super();
    this.dimensions = options.dimensions ?? 3;
    this.#vectorOf = options.vectorOf ?? (() => [1, 0, 0]);
  }

  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((text, index) => this.#vectorOf(text, index));
  }

  override async embedQuery(text: string): Promise<number[]> {
    return this.#vectorOf(text, 0);
  }
}

/** What a call threw (or rejected with); fails when it did not. */
export async function caught(call: () => unknown): Promise<unknown> {
  try {
    await call();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
}

/** The message of an error, for matching. */
export function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** The code of a Rivulet error (`invalid_input`, `invalid_config`...), else undefined. */
export function codeOf(error: unknown): unknown {
  return typeof error === "object" && error !== null && "code" in error ? error.code : undefined;
}

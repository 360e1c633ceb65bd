import { randomUUID } from "node:crypto";
import { InvalidInputError } from "../errors/input-errors.js";
import { Document } from "./document.js";
import type { Embeddings } from "./embeddings.js";
import { maximalMarginalRelevance } from "./maximal-marginal-relevance.js";
import type {
  AddDocumentsOptions,
  MaxMarginalRelevanceSearchOptions,
  SearchOptions,
  VectorStoreRetrieverOptions,
} from "./search-options.js";
import { VectorStoreRetriever } from "./vector-store-retriever.js";

/** A stored document found by a search, with its vector (for MMR) and cosine similarity. */
export interface VectorSearchHit {
  doc: Document;
  vector: number[];
  score: number;
}

/**
 * Base of every vector store: documents stored with their embeddings, searched by cosine
 * similarity. Scores are cosine similarities, higher is closer (1 = same direction, 0 =
 * unrelated). `F` is the filter the store accepts: every store takes a `MetadataFilter`
 * (`{ source: "a" }`); `MemoryVectorStore` also takes a function `(doc) => boolean`.
 *
 * A store implements `addVectors`, `similaritySearchVectorWithScore`, `searchVectors` (the
 * hook MMR uses: nearest hits with their vectors) and `delete`; text search, MMR and
 * `asRetriever` are built here on top. Subclasses add static `fromTexts(texts, metadatas,
 * embeddings, options?)` and `fromDocuments(docs, embeddings, options?)`.
 *
 * @example
 * const store = await MemoryVectorStore.fromTexts(texts, [], new HashedNgramEmbeddings());
 * const [[doc, score]] = await store.similaritySearchWithScore("where did harrison work?", 1);
 */
export abstract class VectorStore<F = unknown> {
  readonly embeddings: Embeddings;

  constructor(embeddings: Embeddings) {
    this.embeddings = embeddings;
  }

  /** A short name of the store kind, e.g. `"memory"`. */
  abstract _vectorstoreType(): string;

  /** Stores documents with precomputed vectors (same order); returns their ids. Same id replaces. */
  abstract addVectors(
    vectors: number[][],
    docs: Document[],
    options?: AddDocumentsOptions,
  ): Promise<string[]>;

  /** The `k` nearest documents to a vector, with their cosine similarity, best first. */
  abstract similaritySearchVectorWithScore(
    vector: number[],
    k: number,
    filter?: F,
    options?: SearchOptions,
  ): Promise<[Document, number][]>;

  /** The `k` nearest hits to a vector with their stored vectors (the MMR hook). */
  protected abstract searchVectors(
    vector: number[],
    k: number,
    filter?: F,
    options?: SearchOptions,
  ): Promise<VectorSearchHit[]>;

  /** Deletes documents by id; unknown ids are ignored. */
  abstract delete(params: { ids: string[] }): Promise<void>;

  /** Embeds and stores documents; returns their ids (given, else the document's, else new UUIDs). */
  async addDocuments(docs: Document[], options: AddDocumentsOptions = {}): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(
      docs.map((d) => d.pageContent),
      { signal: options.signal },
    );
    return this.addVectors(vectors, docs, options);
  }

  /** The `k` documents most similar to `query`, best first. */
  async similaritySearch(query: string, k = 4, filter?: F, options: SearchOptions = {}): Promise<Document[]> {
    const scored = await this.similaritySearchWithScore(query, k, filter, options);
    return scored.map(([doc]) => doc);
  }

  /** The `k` documents most similar to `query` with their cosine similarity (higher is closer). */
  async similaritySearchWithScore(
    query: string,
    k = 4,
    filter?: F,
    options: SearchOptions = {},
  ): Promise<[Document, number][]> {
    const vector = await this.embeddings.embedQuery(query, { signal: options.signal });
    return this.similaritySearchVectorWithScore(vector, k, filter, options);
  }

  /**
   * Relevant but diverse documents: fetches the `fetchK` nearest, then picks `k` of them by
   * maximal marginal relevance (`lambda` 1 = relevance only, 0 = diversity only).
   */
  async maxMarginalRelevanceSearch(
    query: string,
    options: MaxMarginalRelevanceSearchOptions<F> = {},
  ): Promise<Document[]> {
    const k = options.k ?? 4;
    const fetchK = Math.max(options.fetchK ?? 20, k);
    const vector = await this.embeddings.embedQuery(query, { signal: options.signal });
    const hits = await this.searchVectors(vector, fetchK, options.filter, { signal: options.signal });
    const picked = maximalMarginalRelevance(
      vector,
      hits.map((h) => h.vector),
      k,
      options.lambda ?? 0.5,
    );
    return picked.map((i) => hits[i]!.doc);
  }

  /** A retriever over this store (`searchType` "similarity" by default, k = 4). */
  asRetriever(options: VectorStoreRetrieverOptions<F> = {}): VectorStoreRetriever<F> {
    return new VectorStoreRetriever<F>(this, options);
  }

  /** The ids to store `docs` under: given ids, else each document's own, else fresh UUIDs. */
  protected resolveIds(docs: readonly Document[], ids: readonly string[] | undefined): string[] {
    if (ids !== undefined && ids.length !== docs.length) {
      throw new InvalidInputError(`Got ${ids.length} ids for ${docs.length} documents`);
    }
    return docs.map((d, i) => ids?.[i] ?? d.id ?? randomUUID());
  }

  /** Checks that there is one vector per document. */
  protected checkVectors(vectors: readonly number[][], docs: readonly Document[]): void {
    if (vectors.length !== docs.length) {
      throw new InvalidInputError(`Got ${vectors.length} vectors for ${docs.length} documents`);
    }
  }

  /** Builds documents from texts and parallel metadata (a single object applies to all). */
  protected static textsToDocuments(
    texts: readonly string[],
    metadatas: Record<string, unknown>[] | Record<string, unknown> | undefined,
  ): Document[] {
    return texts.map((pageContent, i) => {
      const metadata = Array.isArray(metadatas) ? metadatas[i] : metadatas;
      return new Document({ pageContent, metadata: { ...metadata } });
    });
  }
}

import { randomUUID } from "node:crypto";
import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../messages/merge-objects.js";
import { checkMetadataFilter } from "./check-metadata-filter.js";
import { copyJsonValue } from "./copy-json-value.js";
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
  /** The stored vector; empty unless the search asked for vectors. */
  vector: number[];
  score: number;
}

/** One search a store runs, its inputs already checked by `VectorStore`. */
export interface VectorSearchRequest<F> {
  vector: number[];
  k: number;
  filter: F | undefined;
  /** Whether hits need their stored vectors (MMR does; plain searches do not). */
  withVectors: boolean;
  signal: AbortSignal | undefined;
}

/** One document to write, checked and copied by `VectorStore` (metadata is plain JSON). */
export interface StoredRecord {
  id: string;
  content: string;
  metadata: Record<string, unknown>;
  vector: number[];
}

/**
 * Base of every vector store: documents stored with their embeddings, searched by cosine
 * similarity. Scores are cosine similarities, higher is closer (1 = same direction, 0 =
 * unrelated). `F` is the filter the store accepts: every store takes a `MetadataFilter`
 * (`{ source: "a" }`); `MemoryVectorStore` also takes a function `(doc) => boolean`.
 *
 * The public methods check their inputs here, once for every store, so stores agree on what
 * they accept; a store implements only the hooks `writeRecords`, `searchVectors` (nearest hits,
 * with their vectors when MMR asks) and `delete`. Subclasses add static `fromTexts(texts,
 * metadatas, embeddings, options?)` and `fromDocuments(docs, embeddings, options?)`.
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

  /** Writes checked records (same id replaces); the store's only write hook. */
  protected abstract writeRecords(records: StoredRecord[], options: SearchOptions): Promise<void>;

  /** The `k` nearest hits to a vector, best first (the store's only search hook). */
  protected abstract searchVectors(request: VectorSearchRequest<F>): Promise<VectorSearchHit[]>;

  /** Deletes documents by id; unknown ids are ignored. */
  abstract delete(params: { ids: string[] }): Promise<void>;

  /** Whether the store runs function filters `(doc) => boolean` (only stores in this process can). */
  protected acceptsFunctionFilters(): boolean {
    return false;
  }

  /** Embeds and stores documents; returns their ids (given, else the document's, else new UUIDs). */
  async addDocuments(docs: Document[], options: AddDocumentsOptions = {}): Promise<string[]> {
    const vectors = await this.embeddings.embedDocuments(
      docs.map((d) => d.pageContent),
      { signal: options.signal },
    );
    return this.addVectors(vectors, docs, options);
  }

  /** Stores documents with precomputed vectors (same order); returns their ids. Same id replaces. */
  async addVectors(
    vectors: number[][],
    docs: Document[],
    options: AddDocumentsOptions = {},
  ): Promise<string[]> {
    this.checkVectors(vectors, docs);
    const ids = this.resolveIds(docs, options.ids);
    const records = docs.map((doc, i) => ({
      id: ids[i]!,
      content: doc.pageContent,
      metadata: checkMetadata(doc.metadata, `docs[${i}].metadata`),
      vector: vectors[i]!,
    }));
    await this.writeRecords(records, options);
    return ids;
  }

  /** The `k` nearest documents to a vector, with their cosine similarity, best first. */
  async similaritySearchVectorWithScore(
    vector: number[],
    k: number,
    filter?: F,
    options: SearchOptions = {},
  ): Promise<[Document, number][]> {
    this.checkFilter(filter);
    const hits = await this.searchVectors({ vector, k, filter, withVectors: false, signal: options.signal });
    return hits.map((h) => [h.doc, h.score]);
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
    // Checked before embedding, so a bad filter costs no embedding call.
    this.checkFilter(filter);
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
    this.checkFilter(options.filter);
    const vector = await this.embeddings.embedQuery(query, { signal: options.signal });
    const hits = await this.searchVectors({
      vector,
      k: fetchK,
      filter: options.filter,
      withVectors: true,
      signal: options.signal,
    });
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

  /**
   * Checks a filter before any search: a metadata object must hold JSON values only (an
   * `undefined` value is an error, never "match everything"); a function needs a store that
   * runs functions. Stores with another kind of filter override this.
   */
  protected checkFilter(filter: F | undefined): void {
    if (filter === undefined) return;
    if (typeof filter === "function") {
      if (this.acceptsFunctionFilters()) return;
      throw new InvalidInputError(
        `${this.constructor.name} filters by metadata objects only, not functions: ` +
          'pass an object such as { source: "a" }, or use MemoryVectorStore for function filters',
      );
    }
    checkMetadataFilter(filter);
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

/** A document's metadata as every store keeps it: a checked JSON copy (`-0` stored as `0`). */
function checkMetadata(metadata: unknown, path: string): Record<string, unknown> {
  const copied = metadata === undefined ? {} : copyJsonValue(metadata, path, "metadata");
  if (!isPlainObject(copied)) {
    throw new InvalidInputError(`${path} must be a plain object, got ${typeof metadata}: use {} for none`);
  }
  return copied;
}

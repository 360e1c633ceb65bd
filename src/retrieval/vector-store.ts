import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { checkMetadataFilter } from "./check-metadata-filter.js";
import { checkSearchOptions } from "./check-search-options.js";
import { checkVector } from "./check-vector.js";
import { Document } from "./document.js";
import type { Embeddings } from "./embeddings.js";
import { maximalMarginalRelevance } from "./maximal-marginal-relevance.js";
import { checkStoreIds, type PreparedDocument, prepareDocuments } from "./prepare-documents.js";
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
export interface StoredRecord extends PreparedDocument {
  vector: number[];
}

/** Where a vector came from, for the error it gets: the caller's input or the embeddings' output. */
type VectorSource = "input" | "embeddings";

/**
 * Base of every vector store: documents stored with their embeddings, searched by cosine
 * similarity. Scores are cosine similarities, higher is closer (1 = same direction, 0 =
 * unrelated). `F` is the filter the store accepts: every store takes a `MetadataFilter`
 * (`{ source: "a" }`); `MemoryVectorStore` also takes a function `(doc) => boolean`.
 *
 * The public methods check every input here, once for all stores, before a store sees it
 * (typed errors naming the field: `docs[2].pageContent`, `vectors[1]`, `filter.tenant`, `k`), so
 * stores agree on what they accept and a write is checked whole before any of it is stored. A
 * store implements the hooks `writeRecords` (all or nothing), `searchVectors`, `deleteRecords`
 * and `storedDimensions`. Subclasses add static `fromTexts(texts, metadatas, embeddings,
 * options?)` and `fromDocuments(docs, embeddings, options?)`.
 *
 * @example
 * const store = await MemoryVectorStore.fromTexts(texts, [], new HashedNgramEmbeddings());
 * const [[doc, score]] = await store.similaritySearchWithScore("where did harrison work?", 1);
 */
export abstract class VectorStore<F = unknown> {
  readonly embeddings: Embeddings;

  constructor(embeddings: Embeddings) {
    VectorStore.checkEmbeddings(embeddings);
    this.embeddings = embeddings;
  }

  /** Checks that `embeddings` can embed (stores that connect first call it before connecting). */
  protected static checkEmbeddings(embeddings: Embeddings): void {
    if (
      typeof embeddings !== "object" ||
      embeddings === null ||
      typeof embeddings.embedDocuments !== "function" ||
      typeof embeddings.embedQuery !== "function"
    ) {
      throw new InvalidConfigError(
        "A vector store needs embeddings with embedDocuments and embedQuery, e.g. new HashedNgramEmbeddings()",
      );
    }
    checkNumberOption("embeddings.dimensions", embeddings.dimensions, "positive-integer");
  }

  /** A short name of the store kind, e.g. `"memory"`. */
  abstract _vectorstoreType(): string;

  /** Writes checked records, all or none of them (same id replaces); the store's write hook. */
  protected abstract writeRecords(records: StoredRecord[], options: SearchOptions): Promise<void>;

  /** The `k` nearest hits to a vector, best first (the store's search hook). */
  protected abstract searchVectors(request: VectorSearchRequest<F>): Promise<VectorSearchHit[]>;

  /** Deletes checked ids, all or none; unknown ids are ignored (the store's delete hook). */
  protected abstract deleteRecords(ids: string[]): Promise<void>;

  /** The length of the store's vectors, when known (vectors of another length are refused). */
  protected abstract storedDimensions(): number | undefined;

  /** Whether the store runs function filters `(doc) => boolean` (only stores in this process can). */
  protected acceptsFunctionFilters(): boolean {
    return false;
  }

  /** Throws if the store can no longer be used (a closed connection); called by every method. */
  protected checkOpen(): void {}

  /** Embeds and stores documents; returns their ids (given, else the document's, else new UUIDs). */
  async addDocuments(docs: Document[], options: AddDocumentsOptions = {}): Promise<string[]> {
    this.checkOpen();
    // Checked before embedding, so a bad document costs no embedding call.
    const prepared = prepareDocuments(docs, options.ids);
    const vectors = await this.embeddings.embedDocuments(
      prepared.map((d) => d.content),
      { signal: options.signal },
    );
    return this.#write(prepared, vectors, options, "embeddings");
  }

  /** Stores documents with precomputed vectors (same order); returns their ids. Same id replaces. */
  async addVectors(
    vectors: number[][],
    docs: Document[],
    options: AddDocumentsOptions = {},
  ): Promise<string[]> {
    this.checkOpen();
    return this.#write(prepareDocuments(docs, options.ids), vectors, options, "input");
  }

  /** Deletes documents by id; unknown ids are ignored. */
  async delete(params: { ids: string[] }): Promise<void> {
    this.checkOpen();
    await this.deleteRecords(checkStoreIds(params.ids));
  }

  /** The `k` nearest documents to a vector, with their cosine similarity, best first. */
  async similaritySearchVectorWithScore(
    vector: number[],
    k: number,
    filter?: F,
    options: SearchOptions = {},
  ): Promise<[Document, number][]> {
    this.checkOpen();
    checkSearchOptions({ k });
    this.checkFilter(filter);
    return this.#searchScored(vector, k, filter, options, "input");
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
    // Everything is checked before embedding, so a bad argument costs no embedding call.
    this.checkOpen();
    checkQuery(query);
    checkSearchOptions({ k });
    this.checkFilter(filter);
    const vector = await this.embeddings.embedQuery(query, { signal: options.signal });
    return this.#searchScored(vector, k, filter, options, "embeddings");
  }

  /**
   * Relevant but diverse documents: fetches the `fetchK` nearest, then picks `k` of them by
   * maximal marginal relevance (`lambda` 1 = relevance only, 0 = diversity only).
   */
  async maxMarginalRelevanceSearch(
    query: string,
    options: MaxMarginalRelevanceSearchOptions<F> = {},
  ): Promise<Document[]> {
    this.checkOpen();
    checkQuery(query);
    checkSearchOptions(options);
    this.checkFilter(options.filter);
    const k = options.k ?? 4;
    const fetchK = Math.max(options.fetchK ?? 20, k);
    const embedded = await this.embeddings.embedQuery(query, { signal: options.signal });
    const vector = this.#checkQueryVector(embedded, "embeddings");
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

  async #write(
    prepared: PreparedDocument[],
    vectors: unknown,
    options: AddDocumentsOptions,
    source: VectorSource,
  ): Promise<string[]> {
    if (!Array.isArray(vectors) || vectors.length !== prepared.length) {
      const got = Array.isArray(vectors) ? `${vectors.length} vectors` : "no array of vectors";
      const message = `Got ${got} for ${prepared.length} documents`;
      if (source === "embeddings")
        throw new InvalidConfigError(`The embeddings returned ${message}: one per text`);
      throw new InvalidInputError(`${message}: pass one vector per document`);
    }
    // Every vector has the store's length, or (in a new store) the first one's.
    let dimensions = this.storedDimensions();
    const records = prepared.map((doc, i): StoredRecord => {
      const label = source === "embeddings" ? `docs[${i}] (id ${JSON.stringify(doc.id)})` : `vectors[${i}]`;
      const vector = checkVector(vectors[i], { label, dimensions, source });
      dimensions ??= vector.length;
      return { ...doc, vector };
    });
    await this.writeRecords(records, options);
    return prepared.map((d) => d.id);
  }

  #checkQueryVector(vector: unknown, source: VectorSource): number[] {
    const label = source === "embeddings" ? "the query" : "query vector";
    return checkVector(vector, { label, dimensions: this.storedDimensions(), source });
  }

  async #searchScored(
    given: unknown,
    k: number,
    filter: F | undefined,
    options: SearchOptions,
    source: VectorSource,
  ): Promise<[Document, number][]> {
    const vector = this.#checkQueryVector(given, source);
    const hits = await this.searchVectors({ vector, k, filter, withVectors: false, signal: options.signal });
    return hits.map((h) => [h.doc, h.score]);
  }

  /** Builds documents from texts and parallel metadata (a single object applies to all). */
  protected static textsToDocuments(
    texts: readonly string[],
    metadatas: Record<string, unknown>[] | Record<string, unknown> | undefined,
  ): Document[] {
    if (!Array.isArray(texts)) throw new InvalidInputError("texts must be an array of strings");
    if (Array.isArray(metadatas) && metadatas.length > 0 && metadatas.length !== texts.length) {
      throw new InvalidInputError(
        `Got ${metadatas.length} metadatas for ${texts.length} texts: give one per text, one object for all, or []`,
      );
    }
    return texts.map((pageContent, i) => {
      const metadata = Array.isArray(metadatas) ? metadatas[i] : metadatas;
      return new Document({ pageContent, metadata: { ...metadata } });
    });
  }
}

function checkQuery(query: unknown): void {
  if (typeof query !== "string") {
    const got = query === null ? "null" : typeof query;
    throw new InvalidInputError(
      `query must be a string, got ${got}: embed it yourself and call similaritySearchVectorWithScore for vectors`,
    );
  }
}

import { throwIfAborted } from "../internal/abort.js";
import { Document } from "./document.js";
import type { Embeddings } from "./embeddings.js";
import { type DocumentPredicate, type MetadataFilter, matchesFilter } from "./metadata-filter.js";
import type { AddDocumentsOptions, SearchOptions } from "./search-options.js";
import { cosineSimilarity } from "./vector-math.js";
import { type VectorSearchHit, VectorStore } from "./vector-store.js";

/** The filters `MemoryVectorStore` accepts: metadata equality or any predicate. */
export type MemoryVectorStoreFilter = MetadataFilter | DocumentPredicate;

interface MemoryEntry {
  id: string;
  content: string;
  metadata: Record<string, unknown>;
  vector: number[];
}

/**
 * A vector store in process memory: exact cosine similarity over every stored vector (a
 * linear scan, fine up to tens of thousands of documents), filters by metadata
 * (`{ source: "a" }`) or by function (`(doc) => doc.metadata.year > 2020`), delete by id.
 * Nothing persists; use `PGliteVectorStore` to keep an index on disk.
 *
 * @example
 * const store = await MemoryVectorStore.fromTexts(
 *   ["harrison worked at kensho", "harrison likes spicy food"], [], new HashedNgramEmbeddings());
 * const retriever = store.asRetriever({ k: 1 });
 */
export class MemoryVectorStore extends VectorStore<MemoryVectorStoreFilter> {
  // A Map keeps insertion order (ties rank in the order added) and makes same-id adds replace.
  readonly #entries = new Map<string, MemoryEntry>();

  /** The number of stored documents. */
  get size(): number {
    return this.#entries.size;
  }

  override _vectorstoreType(): string {
    return "memory";
  }

  override async addVectors(
    vectors: number[][],
    docs: Document[],
    options: AddDocumentsOptions = {},
  ): Promise<string[]> {
    this.checkVectors(vectors, docs);
    const ids = this.resolveIds(docs, options.ids);
    docs.forEach((doc, i) => {
      const id = ids[i]!;
      this.#entries.set(id, {
        id,
        content: doc.pageContent,
        metadata: { ...doc.metadata },
        vector: vectors[i]!,
      });
    });
    return ids;
  }

  override async similaritySearchVectorWithScore(
    vector: number[],
    k: number,
    filter?: MemoryVectorStoreFilter,
    options: SearchOptions = {},
  ): Promise<[Document, number][]> {
    const hits = await this.searchVectors(vector, k, filter, options);
    return hits.map((h) => [h.doc, h.score]);
  }

  protected override async searchVectors(
    vector: number[],
    k: number,
    filter?: MemoryVectorStoreFilter,
    options: SearchOptions = {},
  ): Promise<VectorSearchHit[]> {
    throwIfAborted(options.signal);
    const hits: VectorSearchHit[] = [];
    for (const entry of this.#entries.values()) {
      const doc = new Document({ pageContent: entry.content, metadata: { ...entry.metadata }, id: entry.id });
      if (!matchesFilter(doc, filter)) continue;
      hits.push({ doc, vector: entry.vector, score: cosineSimilarity(vector, entry.vector) });
    }
    // Array.prototype.sort is stable, so equal scores keep insertion order.
    return hits.sort((a, b) => b.score - a.score).slice(0, Math.max(0, k));
  }

  override async delete(params: { ids: string[] }): Promise<void> {
    for (const id of params.ids) this.#entries.delete(id);
  }

  /** A store holding `texts` (with `metadatas[i]`, or one metadata object for all). */
  static async fromTexts(
    texts: string[],
    metadatas: Record<string, unknown>[] | Record<string, unknown>,
    embeddings: Embeddings,
  ): Promise<MemoryVectorStore> {
    return MemoryVectorStore.fromDocuments(VectorStore.textsToDocuments(texts, metadatas), embeddings);
  }

  /** A store holding `docs`. */
  static async fromDocuments(docs: Document[], embeddings: Embeddings): Promise<MemoryVectorStore> {
    const store = new MemoryVectorStore(embeddings);
    await store.addDocuments(docs);
    return store;
  }
}

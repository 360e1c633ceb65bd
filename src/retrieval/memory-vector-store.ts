import { throwIfAborted } from "../internal/abort.js";
import { Document } from "./document.js";
import type { Embeddings } from "./embeddings.js";
import { type DocumentPredicate, type MetadataFilter, metadataMatches } from "./metadata-filter.js";
import { cosineSimilarity } from "./vector-math.js";
import {
  type StoredRecord,
  type VectorSearchHit,
  type VectorSearchRequest,
  VectorStore,
} from "./vector-store.js";

/** The filters `MemoryVectorStore` accepts: metadata equality or any predicate. */
export type MemoryVectorStoreFilter = MetadataFilter | DocumentPredicate;

/** A stored record as a new Document: callers may change it without changing the store. */
function toDocument(entry: StoredRecord): Document {
  return new Document({
    pageContent: entry.content,
    metadata: structuredClone(entry.metadata),
    id: entry.id,
  });
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
  readonly #entries = new Map<string, StoredRecord>();
  // The length of stored vectors: the embeddings', else the first stored vector's.
  #dimensions: number | undefined;

  constructor(embeddings: Embeddings) {
    super(embeddings);
    this.#dimensions = embeddings.dimensions;
  }

  /** The number of stored documents. */
  get size(): number {
    return this.#entries.size;
  }

  override _vectorstoreType(): string {
    return "memory";
  }

  protected override acceptsFunctionFilters(): boolean {
    return true;
  }

  protected override storedDimensions(): number | undefined {
    return this.#dimensions;
  }

  // Records arrive checked (VectorStore checks the whole call first) and setting a Map entry
  // cannot fail, so a call stores all of its documents or, having failed a check, none.
  protected override async writeRecords(records: StoredRecord[]): Promise<void> {
    for (const record of records) this.#entries.set(record.id, record);
    this.#dimensions ??= records[0]?.vector.length;
  }

  protected override async searchVectors(
    request: VectorSearchRequest<MemoryVectorStoreFilter>,
  ): Promise<VectorSearchHit[]> {
    throwIfAborted(request.signal);
    const { filter } = request;
    const scored: { entry: StoredRecord; score: number }[] = [];
    for (const entry of this.#entries.values()) {
      const passes =
        filter === undefined ||
        (typeof filter === "function" ? filter(toDocument(entry)) : metadataMatches(entry.metadata, filter));
      if (passes) scored.push({ entry, score: cosineSimilarity(request.vector, entry.vector) });
    }
    // Array.prototype.sort is stable, so equal scores keep insertion order.
    scored.sort((a, b) => b.score - a.score);
    return scored.slice(0, request.k).map(({ entry, score }) => ({
      doc: toDocument(entry),
      vector: request.withVectors ? [...entry.vector] : [],
      score,
    }));
  }

  protected override async deleteRecords(ids: string[]): Promise<void> {
    for (const id of ids) this.#entries.delete(id);
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

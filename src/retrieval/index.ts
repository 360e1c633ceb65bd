export { BaseRetriever } from "./base-retriever.js";
export { Document, type DocumentFields, type DocumentJson } from "./document.js";
export { Embeddings, type EmbedOptions } from "./embeddings.js";
export { HashedNgramEmbeddings, type HashedNgramEmbeddingsFields } from "./hashed-ngram-embeddings.js";
export { maximalMarginalRelevance } from "./maximal-marginal-relevance.js";
export { MemoryVectorStore, type MemoryVectorStoreFilter } from "./memory-vector-store.js";
export { type DocumentPredicate, type MetadataFilter, matchesFilter } from "./metadata-filter.js";
export { type OpenPGliteOptions, openPGlite } from "./open-pglite.js";
export { PGliteVectorStore, type PGliteVectorStoreOptions } from "./pglite-vector-store.js";
export type {
  AddDocumentsOptions,
  MaxMarginalRelevanceSearchOptions,
  SearchOptions,
  VectorStoreRetrieverOptions,
  VectorStoreSearchType,
} from "./search-options.js";
export type { SqlClient } from "./sql-client.js";
export { cosineSimilarity } from "./vector-math.js";
export { type VectorSearchHit, VectorStore } from "./vector-store.js";
export { type SearchableVectorStore, VectorStoreRetriever } from "./vector-store-retriever.js";

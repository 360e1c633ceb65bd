// The option types shared by vector stores and their retrievers, kept apart so that neither
// file imports the other's types (vector-store.ts builds retrievers; retrievers call stores).

/** Per-call options of a vector store search or write. */
export interface SearchOptions {
  /** Cancels the call, including the embedding request it makes. */
  signal?: AbortSignal | undefined;
}

/** Options of `addDocuments` and `addVectors`. */
export interface AddDocumentsOptions extends SearchOptions {
  /** The ids to store the documents under (else each document's `id`, else a new UUID). */
  ids?: string[] | undefined;
}

/** Options of a maximal marginal relevance search. */
export interface MaxMarginalRelevanceSearchOptions<F> extends SearchOptions {
  /** How many documents to return (default 4). */
  k?: number | undefined;
  /** How many nearest candidates to choose from (default 20). */
  fetchK?: number | undefined;
  /** 1 = pure relevance, 0 = pure diversity (default 0.5). */
  lambda?: number | undefined;
  filter?: F | undefined;
}

/** How a vector store retriever searches. */
export type VectorStoreSearchType = "similarity" | "mmr" | "similarity_score_threshold";

/** Options of `asRetriever`. */
export interface VectorStoreRetrieverOptions<F> {
  /** How many documents to return (default 4). */
  k?: number | undefined;
  /** Default `"similarity"`; `"mmr"` for diverse results; `"similarity_score_threshold"` needs `scoreThreshold`. */
  searchType?: VectorStoreSearchType | undefined;
  /** The lowest cosine similarity kept by `"similarity_score_threshold"`. */
  scoreThreshold?: number | undefined;
  filter?: F | undefined;
  /** MMR only: how many candidates to choose from (default 20). */
  fetchK?: number | undefined;
  /** MMR only: 1 = pure relevance, 0 = pure diversity (default 0.5). */
  lambda?: number | undefined;
  /** The run name shown in events (default `VectorStoreRetriever`); add tags with `withConfig`. */
  name?: string | undefined;
}

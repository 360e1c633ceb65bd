import type { RunScope } from "../engine/run-scope.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { BaseRetriever } from "./base-retriever.js";
import { checkMetadataFilter } from "./check-metadata-filter.js";
import { checkSearchOptions } from "./check-search-options.js";
import type { Document } from "./document.js";
import type {
  MaxMarginalRelevanceSearchOptions,
  SearchOptions,
  VectorStoreRetrieverOptions,
  VectorStoreSearchType,
} from "./search-options.js";

/** The searches a `VectorStoreRetriever` needs from its store (every `VectorStore` has them). */
export interface SearchableVectorStore<F> {
  similaritySearch(query: string, k?: number, filter?: F, options?: SearchOptions): Promise<Document[]>;
  similaritySearchWithScore(
    query: string,
    k?: number,
    filter?: F,
    options?: SearchOptions,
  ): Promise<[Document, number][]>;
  maxMarginalRelevanceSearch(
    query: string,
    options: MaxMarginalRelevanceSearchOptions<F>,
  ): Promise<Document[]>;
}

const SEARCH_TYPES: readonly VectorStoreSearchType[] = ["similarity", "mmr", "similarity_score_threshold"];

/** The search type given (checked: an unknown one would return no documents), else "similarity". */
function checkSearchType(given: VectorStoreSearchType | undefined): VectorStoreSearchType {
  if (given === undefined) return "similarity";
  const known = SEARCH_TYPES.find((type) => type === given);
  if (known === undefined) {
    throw new InvalidConfigError(
      `searchType must be "similarity", "mmr" or "similarity_score_threshold", got ${JSON.stringify(given)}`,
    );
  }
  return known;
}

/** Refuses options the search type would ignore, so a setting never disappears silently. */
function checkUnusedOptions(
  searchType: VectorStoreSearchType,
  options: VectorStoreRetrieverOptions<unknown>,
): void {
  const unused = [
    ...(searchType === "mmr" ? [] : (["fetchK", "lambda"] as const)),
    ...(searchType === "similarity_score_threshold" ? [] : (["scoreThreshold"] as const)),
  ].find((name) => options[name] !== undefined);
  if (unused !== undefined) {
    const needs = unused === "scoreThreshold" ? '"similarity_score_threshold"' : '"mmr"';
    throw new InvalidConfigError(
      `${unused} applies to searchType ${needs} only, but searchType is "${searchType}": remove it or set searchType`,
    );
  }
}

/**
 * The retriever over a vector store, made by `store.asRetriever({ k, searchType, ... })`:
 * similarity search (default), MMR for diverse results, or similarity with a minimum score.
 *
 * @example
 * const retriever = store.asRetriever({ k: 2, searchType: "mmr" });
 * const docs = await retriever.invoke("where did harrison work?");
 */
export class VectorStoreRetriever<F = unknown> extends BaseRetriever {
  readonly vectorStore: SearchableVectorStore<F>;
  readonly k: number;
  readonly searchType: VectorStoreSearchType;
  readonly scoreThreshold: number | undefined;
  readonly filter: F | undefined;
  readonly fetchK: number | undefined;
  readonly lambda: number | undefined;

  constructor(vectorStore: SearchableVectorStore<F>, options: VectorStoreRetrieverOptions<F> = {}) {
    super();
    // Checked here, where the retriever is made, rather than at its first search.
    checkSearchOptions(options);
    this.vectorStore = vectorStore;
    this.k = options.k ?? 4;
    this.searchType = checkSearchType(options.searchType);
    this.scoreThreshold = options.scoreThreshold;
    // A metadata filter is checked now, where the mistake is made (`{ tenant: undefined }`), and
    // again by the store at each search; other filter kinds are the store's to judge.
    if (isPlainObject(options.filter)) checkMetadataFilter(options.filter);
    this.filter = options.filter;
    this.fetchK = options.fetchK;
    this.lambda = options.lambda;
    if (options.name !== undefined) {
      if (typeof options.name !== "string") {
        throw new InvalidConfigError(`name must be a string, got ${typeof options.name}`);
      }
      this.name = options.name;
    }
    if (this.searchType === "similarity_score_threshold" && this.scoreThreshold === undefined) {
      throw new InvalidConfigError('searchType "similarity_score_threshold" needs a `scoreThreshold`');
    }
    checkUnusedOptions(this.searchType, options);
  }

  override async _getRelevantDocuments(query: string, scope: RunScope): Promise<Document[]> {
    const options: SearchOptions = { signal: scope.signal };
    const store = this.vectorStore;
    switch (this.searchType) {
      case "similarity":
        return store.similaritySearch(query, this.k, this.filter, options);
      case "mmr":
        return store.maxMarginalRelevanceSearch(query, {
          ...options,
          k: this.k,
          fetchK: this.fetchK,
          lambda: this.lambda,
          filter: this.filter,
        });
      case "similarity_score_threshold": {
        const scored = await store.similaritySearchWithScore(query, this.k, this.filter, options);
        return scored.filter(([, score]) => score >= this.scoreThreshold!).map(([doc]) => doc);
      }
    }
  }
}

/** Per-call options of an embeddings model. */
export interface EmbedOptions {
  /** Cancels the call (and any request in flight). */
  signal?: AbortSignal | undefined;
}

/**
 * Turns text into vectors for similarity search. Implement `embedDocuments` (many texts, e.g.
 * at indexing time) and `embedQuery` (one search query); most models embed both the same way,
 * but some distinguish them. `dimensions`, when known, is the length of every vector.
 *
 * @example
 * class MyEmbeddings extends Embeddings {
 *   async embedDocuments(texts: string[]) { return texts.map((t) => myModel(t)); }
 *   async embedQuery(text: string) { return myModel(text); }
 * }
 */
export abstract class Embeddings {
  /** The length of the vectors, when known before the first call. */
  readonly dimensions?: number | undefined;

  /** Embeds texts to store; one vector per text, in the same order. */
  abstract embedDocuments(texts: string[], options?: EmbedOptions): Promise<number[][]>;

  /** Embeds a search query. */
  abstract embedQuery(text: string, options?: EmbedOptions): Promise<number[]>;
}

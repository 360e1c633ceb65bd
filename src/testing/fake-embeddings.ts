import { Embeddings } from "../retrieval/embeddings.js";

/** The vector `FakeEmbeddings` gives every text. */
const FIXED_VECTOR: readonly number[] = [0.1, 0.2, 0.3, 0.4];

/**
 * An offline embeddings model that gives every text the same vector, `[0.1, 0.2, 0.3, 0.4]`, as
 * `@langchain/core`'s `FakeEmbeddings`: for code that needs embeddings but not their meaning.
 * Use `SyntheticEmbeddings` when vectors must tell texts apart.
 *
 * @example
 * await new FakeEmbeddings().embedQuery("anything"); // [0.1, 0.2, 0.3, 0.4]
 */
export class FakeEmbeddings extends Embeddings {
  override readonly dimensions = FIXED_VECTOR.length;

  embedDocuments(documents: string[]): Promise<number[][]> {
    return Promise.resolve(documents.map(() => [...FIXED_VECTOR]));
  }

  embedQuery(_document: string): Promise<number[]> {
    return Promise.resolve([...FIXED_VECTOR]);
  }
}

import { checkNumberOption } from "../internal/check-number-option.js";
import { Embeddings } from "../retrieval/embeddings.js";

/** Options of `SyntheticEmbeddings`. */
export interface SyntheticEmbeddingsFields {
  /** The length of every vector: a positive integer (default 4). */
  vectorSize?: number | undefined;
}

/**
 * An offline embeddings model whose vectors follow the text, computed as `@langchain/core`'s
 * `SyntheticEmbeddings` computes them, so vectors (and similarity rankings) match LangChain's:
 * the text is lower-cased and kept to letters and spaces, padded with spaces to a multiple of
 * `vectorSize`, cut into `vectorSize` equal slices, and each slice gives its character codes'
 * sum modulo 26, divided by 26 (a slice that is one space gives 0). Same text, same vector.
 *
 * @example
 * const embeddings = new SyntheticEmbeddings({ vectorSize: 3 });
 * await embeddings.embedQuery("hello world"); // three numbers in [0, 1)
 */
export class SyntheticEmbeddings extends Embeddings {
  readonly vectorSize: number;
  override readonly dimensions: number;

  constructor(fields: SyntheticEmbeddingsFields = {}) {
    super();
    this.vectorSize = checkNumberOption("vectorSize", fields.vectorSize, "positive-integer") ?? 4;
    this.dimensions = this.vectorSize;
  }

  embedDocuments(documents: string[]): Promise<number[][]> {
    return Promise.all(documents.map((document) => this.embedQuery(document)));
  }

  async embedQuery(document: string): Promise<number[]> {
    const letters = document.toLowerCase().replaceAll(/[^a-z ]/g, "");
    const remainder = letters.length % this.vectorSize;
    const padded = letters.padEnd(letters.length + (remainder === 0 ? 0 : this.vectorSize - remainder), " ");
    const sliceLength = padded.length / this.vectorSize;
    const vector: number[] = [];
    for (let start = 0; start < padded.length; start += sliceLength) {
      vector.push(sliceValue(padded.slice(start, start + sliceLength)));
    }
    return vector;
  }
}

/** A slice's value: its character codes' sum modulo 26, over 26; 0 for a slice that is one space. */
function sliceValue(slice: string): number {
  if (slice === " ") return 0;
  let sum = 0;
  for (let index = 0; index < slice.length; index++) sum += slice.charCodeAt(index);
  return (sum % 26) / 26;
}

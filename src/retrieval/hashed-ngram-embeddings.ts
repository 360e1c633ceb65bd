import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { throwIfAborted } from "../internal/abort.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { Embeddings, type EmbedOptions } from "./embeddings.js";
import { extractFeatures } from "./text-features.js";

/** Options of `HashedNgramEmbeddings`. */
export interface HashedNgramEmbeddingsFields {
  /** Vector length (default 512). More dimensions mean fewer hash collisions. */
  dimensions?: number | undefined;
  /** How much each feature kind counts (defaults: words 1, bigrams 0.5, characters 0.5). */
  weights?:
    | { words?: number | undefined; bigrams?: number | undefined; chars?: number | undefined }
    | undefined;
}

const DEFAULT_WEIGHTS = { words: 1, bigrams: 0.5, chars: 0.5 };

/** The weights given (each checked; an undefined one keeps its default), else the defaults. */
function checkWeights(given: HashedNgramEmbeddingsFields["weights"]): typeof DEFAULT_WEIGHTS {
  if (given === undefined) return { ...DEFAULT_WEIGHTS };
  const unknown = Object.keys(given).find((key) => !Object.hasOwn(DEFAULT_WEIGHTS, key));
  if (unknown !== undefined) {
    throw new InvalidConfigError(
      `Unknown weight ${JSON.stringify(unknown)}: the weights are words, bigrams and chars`,
    );
  }
  const weights = {
    words: checkNumberOption("weights.words", given.words, "non-negative-number") ?? DEFAULT_WEIGHTS.words,
    bigrams:
      checkNumberOption("weights.bigrams", given.bigrams, "non-negative-number") ?? DEFAULT_WEIGHTS.bigrams,
    chars: checkNumberOption("weights.chars", given.chars, "non-negative-number") ?? DEFAULT_WEIGHTS.chars,
  };
  if (weights.words + weights.bigrams + weights.chars === 0) {
    throw new InvalidConfigError(
      "at least one of weights.words, weights.bigrams and weights.chars must be above 0",
    );
  }
  return weights;
}

function checkText(text: unknown, name: string): string {
  if (typeof text !== "string") {
    throw new InvalidInputError(`${name} must be a string, got ${text === null ? "null" : typeof text}`);
  }
  return text;
}

/** 32-bit FNV-1a over UTF-16 code units, with a seed so two independent hashes come from one function. */
function fnv1a(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

/** Counts features, then hashes them into a unit vector with sublinear tf (1 + ln tf). */
function hashGroup(features: readonly string[], prefix: string, dimensions: number): Map<number, number> {
  const counts = new Map<string, number>();
  for (const f of features) counts.set(f, (counts.get(f) ?? 0) + 1);
  const out = new Map<number, number>();
  let squares = 0;
  for (const [feature, tf] of counts) {
    const key = prefix + feature;
    const index = fnv1a(key, 0) % dimensions;
    // A second hash picks the sign, so colliding features cancel out on average instead of piling up.
    const sign = fnv1a(key, 0x5bd1e995) & 1 ? -1 : 1;
    out.set(index, (out.get(index) ?? 0) + sign * (1 + Math.log(tf)));
  }
  for (const v of out.values()) squares += v * v;
  const length = Math.sqrt(squares);
  if (length > 0) for (const [i, v] of out) out.set(i, v / length);
  return out;
}

/**
 * An offline embeddings model for short English texts: no download, no network, no API key,
 * deterministic. Each text becomes a signed feature-hashing vector (`dimensions` long, L2
 * normalised) of three feature kinds, each with sublinear term frequency: stemmed content
 * words, pairs of adjacent words, and character 3- to 5-grams. Lowercasing, accent folding,
 * punctuation stripping, a small stopword list and crude suffix stripping make "Where did
 * Harrison work?" land closest to "harrison worked at kensho".
 *
 * It is lexical, not semantic: texts are similar when they share words or word pieces, so
 * "car" and "automobile" are unrelated and word order barely matters. Use it for tests,
 * examples, offline demos and keyword-like search; use a model (`OpenAIEmbeddings`) for meaning.
 *
 * @example
 * const store = await MemoryVectorStore.fromTexts(["harrison worked at kensho"], [], new HashedNgramEmbeddings());
 */
export class HashedNgramEmbeddings extends Embeddings {
  override readonly dimensions: number;
  readonly weights: { words: number; bigrams: number; chars: number };

  constructor(fields: HashedNgramEmbeddingsFields = {}) {
    super();
    this.dimensions = checkNumberOption("dimensions", fields.dimensions, "positive-integer") ?? 512;
    this.weights = checkWeights(fields.weights);
  }

  /** The vector of one text (synchronous; the async methods wrap it). */
  embed(text: string): number[] {
    const { words, bigrams, chars } = extractFeatures(text);
    const vector = new Array<number>(this.dimensions).fill(0);
    const groups = [
      [hashGroup(words, "w:", this.dimensions), this.weights.words],
      [hashGroup(bigrams, "b:", this.dimensions), this.weights.bigrams],
      [hashGroup(chars, "c:", this.dimensions), this.weights.chars],
    ] as const;
    for (const [group, weight] of groups) for (const [i, v] of group) vector[i]! += weight * v;
    const length = Math.sqrt(vector.reduce((s, v) => s + v * v, 0));
    return length === 0 ? vector : vector.map((v) => v / length);
  }

  override async embedDocuments(texts: string[], options: EmbedOptions = {}): Promise<number[][]> {
    throwIfAborted(options.signal);
    if (!Array.isArray(texts))
      throw new InvalidInputError(`texts must be an array of strings, got ${typeof texts}`);
    return texts.map((text: unknown, i) => this.embed(checkText(text, `texts[${i}]`)));
  }

  override async embedQuery(text: string, options: EmbedOptions = {}): Promise<number[]> {
    throwIfAborted(options.signal);
    return this.embed(checkText(text, "text"));
  }
}

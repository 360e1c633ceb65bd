/** The dot product of two vectors of the same length (missing entries count as 0). */
export function dot(a: readonly number[], b: readonly number[]): number {
  let sum = 0;
  const n = Math.min(a.length, b.length);
  for (let i = 0; i < n; i++) sum += a[i]! * b[i]!;
  return sum;
}

/** The Euclidean length of a vector. */
export function norm(a: readonly number[]): number {
  return Math.sqrt(dot(a, a));
}

/**
 * Cosine similarity in [-1, 1]: 1 for the same direction, 0 for unrelated (orthogonal)
 * vectors. A zero vector is similar to nothing (0) rather than NaN, so empty texts rank last.
 */
export function cosineSimilarity(a: readonly number[], b: readonly number[]): number {
  const denominator = norm(a) * norm(b);
  return denominator === 0 ? 0 : dot(a, b) / denominator;
}

/** The vector scaled to length 1 (a zero vector stays zero). */
export function l2Normalize(a: readonly number[]): number[] {
  const length = norm(a);
  return length === 0 ? [...a] : a.map((x) => x / length);
}

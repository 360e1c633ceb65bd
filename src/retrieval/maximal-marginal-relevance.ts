import { checkNumberOption } from "../internal/check-number-option.js";
import { checkSearchOptions } from "./check-search-options.js";
import { cosineSimilarity } from "./vector-math.js";

/**
 * Picks `k` of the candidate vectors by maximal marginal relevance: each pick maximises
 * `lambda * sim(query, c) - (1 - lambda) * max sim(c, already picked)`, so results stay
 * relevant but avoid repeating each other. `lambda = 1` is plain similarity order, `0` is
 * maximal diversity. Returns indices into `candidates`, in pick order.
 *
 * @example
 * maximalMarginalRelevance(q, [dup1, dup2, other], 2, 0.5); // [0, 2]
 */
export function maximalMarginalRelevance(
  query: readonly number[],
  candidates: readonly (readonly number[])[],
  k: number,
  lambda = 0.5,
): number[] {
  // k = 0 is allowed here (nothing to pick); stores ask for at least one document.
  checkNumberOption("k", k, "non-negative-integer");
  checkSearchOptions({ lambda });
  const relevance = candidates.map((c) => cosineSimilarity(query, c));
  // Highest similarity to anything picked so far, updated after each pick: O(k * n) overall.
  const redundancy = candidates.map(() => Number.NEGATIVE_INFINITY);
  const picked: number[] = [];
  const available = new Set(candidates.keys());
  while (picked.length < Math.min(k, candidates.length)) {
    let best = -1;
    let bestScore = Number.NEGATIVE_INFINITY;
    for (const i of available) {
      const penalty = picked.length === 0 ? 0 : redundancy[i]!;
      const score = lambda * relevance[i]! - (1 - lambda) * penalty;
      if (best === -1 || score > bestScore) {
        bestScore = score;
        best = i;
      }
    }
    picked.push(best);
    available.delete(best);
    const chosen = candidates[best]!;
    for (const i of available)
      redundancy[i] = Math.max(redundancy[i]!, cosineSimilarity(chosen, candidates[i]!));
  }
  return picked;
}

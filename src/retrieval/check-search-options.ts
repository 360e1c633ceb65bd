import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";

/** The numeric search options a store method or a retriever may receive. */
export interface SearchNumbers {
  k?: number | undefined;
  fetchK?: number | undefined;
  lambda?: number | undefined;
  scoreThreshold?: number | undefined;
}

/**
 * Checks the numeric search options that are given (undefined ones take their defaults) and
 * throws an `InvalidConfigError` naming the first bad one: `k` and `fetchK` are positive
 * integers (NaN or Infinity would reach SQL's LIMIT or slice nothing), `lambda` is in [0, 1] (the
 * MMR weight of relevance against diversity), `scoreThreshold` is a cosine similarity in
 * [-1, 1] (a larger one keeps nothing, which is a mistake, often a distance taken for a score).
 *
 * @example
 * checkSearchOptions({ k: options.k, fetchK: options.fetchK, lambda: options.lambda });
 */
export function checkSearchOptions(options: SearchNumbers): void {
  checkNumberOption("k", options.k, "positive-integer");
  checkNumberOption("fetchK", options.fetchK, "positive-integer");
  const { lambda, scoreThreshold } = options;
  if (lambda !== undefined && !(typeof lambda === "number" && lambda >= 0 && lambda <= 1)) {
    throw new InvalidConfigError(
      `lambda must be between 0 and 1 (1 = relevance only, 0 = diversity only), got ${String(lambda)}`,
    );
  }
  if (
    scoreThreshold !== undefined &&
    !(typeof scoreThreshold === "number" && scoreThreshold >= -1 && scoreThreshold <= 1)
  ) {
    throw new InvalidConfigError(
      `scoreThreshold must be a cosine similarity between -1 and 1 (higher is closer), got ${String(scoreThreshold)}`,
    );
  }
}

/** A name compared loosely: case, `_` and `-` ignored (`top_p`, `TopP` and `topP` are one name). */
function loose(name: string): string {
  return name.toLowerCase().replace(/[_-]/g, "");
}

/** Edit distance with adjacent transpositions (optimal string alignment), in O(|a|·|b|). */
function editDistance(a: string, b: string): number {
  const rows: number[][] = [];
  for (let i = 0; i <= a.length; i++) {
    const row: number[] = [i];
    for (let j = 1; j <= b.length; j++) {
      if (i === 0) {
        row.push(j);
        continue;
      }
      const above = rows[i - 1] ?? [];
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((above[j] ?? 0) + 1, (row[j - 1] ?? 0) + 1, (above[j - 1] ?? 0) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) {
        best = Math.min(best, (rows[i - 2]?.[j - 2] ?? 0) + 1);
      }
      row.push(best);
    }
    rows.push(row);
  }
  return rows[a.length]?.[b.length] ?? 0;
}

/**
 * The candidate closest to `name`, for "did you mean" messages: compared without case, `_`
 * and `-`, by edit distance, the first one on a tie; `undefined` when there are no candidates.
 *
 * @example
 * closestName("top_p", ["temperature", "topP", "topK"]); // "topP"
 */
export function closestName(name: string, candidates: readonly string[]): string | undefined {
  const target = loose(name);
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = editDistance(target, loose(candidate));
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}

/**
 * Which events `streamEvents` and `streamLog` keep. An event passes when there is no include
 * filter or it matches any of them (by name, run type or any tag), and it matches no exclude.
 */
export interface EventFilters {
  includeNames?: string[] | undefined;
  includeTypes?: string[] | undefined;
  includeTags?: string[] | undefined;
  excludeNames?: string[] | undefined;
  excludeTypes?: string[] | undefined;
  excludeTags?: string[] | undefined;
}

/** A compiled filter: `undefined` when nothing is filtered (the fast path). */
export type EventPredicate = ((name: string, type: string, tags: readonly string[]) => boolean) | undefined;

function anyTag(set: ReadonlySet<string> | undefined, tags: readonly string[]): boolean {
  if (set === undefined) return false;
  for (const t of tags) if (set.has(t)) return true;
  return false;
}

const toSet = (list: string[] | undefined) => (list && list.length > 0 ? new Set(list) : undefined);

/** Compiles filters once per stream into a cheap predicate. */
export function compileFilters(filters: EventFilters | undefined): EventPredicate {
  if (filters === undefined) return undefined;
  const iN = toSet(filters.includeNames);
  const iT = toSet(filters.includeTypes);
  const iG = toSet(filters.includeTags);
  const eN = toSet(filters.excludeNames);
  const eT = toSet(filters.excludeTypes);
  const eG = toSet(filters.excludeTags);
  const hasInclude = iN !== undefined || iT !== undefined || iG !== undefined;
  const hasExclude = eN !== undefined || eT !== undefined || eG !== undefined;
  if (!hasInclude && !hasExclude) return undefined;
  return (name, type, tags) => {
    if (hasInclude && !(iN?.has(name) || iT?.has(type) || anyTag(iG, tags))) return false;
    if (hasExclude && (eN?.has(name) || eT?.has(type) || anyTag(eG, tags))) return false;
    return true;
  };
}

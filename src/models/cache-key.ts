/**
 * A model's parameters as one cache-key string, derived as `@langchain/core` derives it: every
 * entry that is not `undefined` as `key:JSON`, sorted, joined with commas. Key order in the
 * parameters therefore never changes the key.
 *
 * @example
 * serializedCacheKey({ temperature: 0, _type: "fake" }); // '_type:"fake",temperature:0'
 */
export function serializedCacheKey(params: Record<string, unknown>): string {
  return Object.entries(params)
    .filter(([, value]) => value !== undefined)
    .map(([key, value]) => `${key}:${JSON.stringify(value)}`)
    .sort()
    .join(",");
}

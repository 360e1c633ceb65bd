import { describe, expect, it } from "vitest";
import { mergeUsageMetadata } from "./usage-metadata.js";

describe("mergeUsageMetadata", () => {
  it("adds counts, nested details included", () => {
    const first = {
      input_tokens: 14,
      output_tokens: 1,
      total_tokens: 15,
      input_token_details: { cache_creation: 0, cache_read: 2 },
    };
    const last = {
      input_tokens: 0,
      output_tokens: 12,
      total_tokens: 12,
      input_token_details: {},
      output_token_details: { reasoning: 5 },
    };
    expect(mergeUsageMetadata(first, last)).toEqual({
      input_tokens: 14,
      output_tokens: 13,
      total_tokens: 27,
      input_token_details: { cache_creation: 0, cache_read: 2 },
      output_token_details: { reasoning: 5 },
    });
  });

  it("copes with a missing side", () => {
    const usage = { input_tokens: 1, output_tokens: 2, total_tokens: 3 };
    expect(mergeUsageMetadata(undefined, undefined)).toBeUndefined();
    expect(mergeUsageMetadata(usage, undefined)).toEqual(usage);
    expect(mergeUsageMetadata(undefined, usage)).toEqual(usage);
  });
});

describe("mergeUsageMetadata: detail copies", () => {
  it("copies details (never shares them) and keeps an own __proto__ key of parsed JSON a key", () => {
    const details = JSON.parse('{"__proto__": {"audio": 5}, "cache_read": 2}') as { cache_read: number };
    const usage = { input_tokens: 1, output_tokens: 1, total_tokens: 2, input_token_details: details };
    const merged = mergeUsageMetadata(usage, { input_tokens: 1, output_tokens: 0, total_tokens: 1 });
    expect(merged?.input_token_details).not.toBe(details);
    expect(Object.getPrototypeOf(merged?.input_token_details)).toBe(Object.prototype);
    expect(merged?.input_token_details?.audio).toBeUndefined();
    expect(merged?.input_token_details?.cache_read).toBe(2);
    const both = mergeUsageMetadata(usage, usage);
    expect(Object.getPrototypeOf(both?.input_token_details)).toBe(Object.prototype);
    expect(both?.input_token_details?.cache_read).toBe(4);
  });
});

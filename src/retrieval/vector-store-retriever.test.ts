import { describe, expect, it } from "vitest";
import { Document } from "./document.js";
import { maximalMarginalRelevance } from "./maximal-marginal-relevance.js";
import { MemoryVectorStore } from "./memory-vector-store.js";
import type { VectorStoreRetrieverOptions } from "./search-options.js";
import { FixedEmbeddings } from "./test-support/conformance-fixtures.js";
import { VectorStoreRetriever } from "./vector-store-retriever.js";

type Options = VectorStoreRetrieverOptions<Record<string, unknown>>;

describe("VectorStoreRetriever options", () => {
  const store = new MemoryVectorStore(new FixedEmbeddings());

  it.each<[string, Options, RegExp]>([
    ["k NaN", { k: Number.NaN }, /k must be a positive integer, got NaN/],
    ["k Infinity", { k: Number.POSITIVE_INFINITY }, /k must be a positive integer, got Infinity/],
    ["k 0", { k: 0 }, /k must be a positive integer, got 0/],
    ["fetchK 1.5", { searchType: "mmr", fetchK: 1.5 }, /fetchK must be a positive integer/],
    ["lambda 2", { searchType: "mmr", lambda: 2 }, /lambda must be between 0 and 1 .*got 2/],
    ["lambda -0.5", { searchType: "mmr", lambda: -0.5 }, /lambda must be between 0 and 1/],
    [
      "scoreThreshold NaN",
      { searchType: "similarity_score_threshold", scoreThreshold: Number.NaN },
      /scoreThreshold must be a cosine similarity between -1 and 1 .*got NaN/,
    ],
    [
      "scoreThreshold 1.5",
      { searchType: "similarity_score_threshold", scoreThreshold: 1.5 },
      /scoreThreshold must be a cosine similarity between -1 and 1/,
    ],
    [
      "an unknown searchType",
      { searchType: "similarity_score" as Options["searchType"] },
      /searchType must be "similarity", "mmr" or "similarity_score_threshold", got "similarity_score"/,
    ],
    ["a name that is not a string", { name: 7 as unknown as string }, /name must be a string/],
    [
      "fetchK without mmr",
      { fetchK: 10 },
      /fetchK applies to searchType "mmr" only, but searchType is "similarity"/,
    ],
    [
      "lambda without mmr",
      { searchType: "similarity_score_threshold", scoreThreshold: 0.5, lambda: 0.2 },
      /lambda applies/,
    ],
    [
      "scoreThreshold without its searchType",
      { scoreThreshold: 0.5 },
      /scoreThreshold applies to searchType "similarity_score_threshold" only/,
    ],
  ])("refuses %s when the retriever is made", (_label, options, pattern) => {
    expect(() => store.asRetriever(options)).toThrow(
      expect.objectContaining({ code: "invalid_config", message: expect.stringMatching(pattern) }),
    );
    expect(() => new VectorStoreRetriever(store, options)).toThrow(pattern);
  });

  it("keeps options that are valid, including a negative threshold and lambda 0 or 1", async () => {
    await store.addVectors([[1, 0, 0]], [new Document({ pageContent: "a" })]);
    const low = store.asRetriever({ searchType: "similarity_score_threshold", scoreThreshold: -1 });
    expect(await low.invoke("q")).toHaveLength(1);
    for (const lambda of [0, 1]) {
      expect(
        await store.asRetriever({ searchType: "mmr", lambda, k: 1, fetchK: 1 }).invoke("q"),
      ).toHaveLength(1);
    }
  });
});

describe("maximalMarginalRelevance arguments", () => {
  it("refuses a k or lambda it cannot use", () => {
    expect(() => maximalMarginalRelevance([1], [[1]], Number.NaN)).toThrow(
      /k must be a non-negative integer/,
    );
    expect(() => maximalMarginalRelevance([1], [[1]], 1, 1.1)).toThrow(/lambda must be between 0 and 1/);
  });
});

import { describe, expect, it } from "vitest";
import { Document } from "./document.js";
import { Embeddings } from "./embeddings.js";
import { HashedNgramEmbeddings } from "./hashed-ngram-embeddings.js";
import { maximalMarginalRelevance } from "./maximal-marginal-relevance.js";
import { MemoryVectorStore } from "./memory-vector-store.js";
import { describeVectorStoreConformance } from "./test-support/vector-store-conformance.js";

/** Fixed vectors per text, so MMR and scores can be checked exactly. */
class TableEmbeddings extends Embeddings {
  constructor(readonly table: Record<string, number[]>) {
    super();
  }
  override async embedDocuments(texts: string[]): Promise<number[][]> {
    return texts.map((t) => this.table[t] ?? [0, 0, 0]);
  }
  override async embedQuery(text: string): Promise<number[]> {
    return this.table[text] ?? [0, 0, 0];
  }
}

const embeddings = new HashedNgramEmbeddings();

describeVectorStoreConformance({
  name: "MemoryVectorStore",
  create: async (fixed) => new MemoryVectorStore(fixed),
});
const seedTexts = ["harrison worked at kensho", "harrison likes spicy food"];

describe("MemoryVectorStore", () => {
  it("fromTexts + similaritySearchWithScore: cosine similarity, higher is closer", async () => {
    const store = await MemoryVectorStore.fromTexts(seedTexts, [{ n: 1 }, { n: 2 }], embeddings);
    const results = await store.similaritySearchWithScore("where did harrison work?", 2);
    expect(results.map(([d]) => d.pageContent)).toStrictEqual(seedTexts);
    const [[best, s1], [, s2]] = results as [[Document, number], [Document, number]];
    expect(best.metadata).toStrictEqual({ n: 1 });
    expect(s1).toBeGreaterThan(s2);
    expect(s1).toBeLessThanOrEqual(1);
    const [[, exact]] = (await store.similaritySearchWithScore("harrison worked at kensho", 1)) as [
      [Document, number],
    ];
    expect(exact).toBeCloseTo(1, 10);
  });

  it("ids: generated UUIDs, given ids, documents' own ids; results carry them; same id replaces", async () => {
    const store = new MemoryVectorStore(embeddings);
    const generated = await store.addDocuments([new Document({ pageContent: "a" })]);
    expect(generated[0]).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await store.addDocuments([new Document({ pageContent: "b", id: "own" })])).toStrictEqual(["own"]);
    expect(await store.addDocuments([new Document({ pageContent: "c" })], { ids: ["given"] })).toStrictEqual([
      "given",
    ]);
    await store.addDocuments([new Document({ pageContent: "c replaced" })], { ids: ["given"] });
    expect(store.size).toBe(3);
    const [hit] = await store.similaritySearch("c replaced", 1);
    expect(hit).toMatchObject({ id: "given", pageContent: "c replaced" });
    await expect(store.addDocuments([new Document({ pageContent: "x" })], { ids: [] })).rejects.toThrow(
      /0 ids for 1 documents/,
    );
  });

  it("delete removes by id and ignores unknown ids", async () => {
    const store = await MemoryVectorStore.fromDocuments(
      seedTexts.map((pageContent, i) => new Document({ pageContent, id: `d${i}` })),
      embeddings,
    );
    await store.delete({ ids: ["d0", "nope"] });
    const found = await store.similaritySearch("where did harrison work?", 4);
    expect(found.map((d) => d.id)).toStrictEqual(["d1"]);
  });

  it("filters by metadata equality (containment) and by function", async () => {
    const store = await MemoryVectorStore.fromTexts(
      ["harrison worked at kensho", "harrison worked at langchain", "harrison likes spicy food"],
      [
        { source: "cv", tags: ["job", "past"] },
        { source: "cv", tags: ["job"] },
        { source: "blog", tags: [] },
      ],
      embeddings,
    );
    const query = "where did harrison work?";
    const bySource = await store.similaritySearch(query, 4, { source: "blog" });
    expect(bySource.map((d) => d.pageContent)).toStrictEqual(["harrison likes spicy food"]);
    const byTag = await store.similaritySearch(query, 4, { source: "cv", tags: ["past"] });
    expect(byTag.map((d) => d.pageContent)).toStrictEqual(["harrison worked at kensho"]);
    const byFunction = await store.similaritySearch(query, 4, (d) => d.pageContent.includes("langchain"));
    expect(byFunction.map((d) => d.pageContent)).toStrictEqual(["harrison worked at langchain"]);
    expect(await store.similaritySearch(query, 4, { source: "nowhere" })).toStrictEqual([]);
  });

  it("MMR with two near-duplicates and one different document picks one duplicate and the other", async () => {
    const table = {
      query: [1, 0.3, 0],
      "dup a": [1, 0, 0],
      "dup b": [0.99, -0.01, 0],
      other: [0.5, 0.86, 0],
    };
    const store = await MemoryVectorStore.fromTexts(
      ["dup a", "dup b", "other"],
      [],
      new TableEmbeddings(table),
    );
    const plain = await store.similaritySearch("query", 2);
    expect(plain.map((d) => d.pageContent)).toStrictEqual(["dup a", "dup b"]);
    const diverse = await store.maxMarginalRelevanceSearch("query", { k: 2, fetchK: 3, lambda: 0.5 });
    expect(diverse.map((d) => d.pageContent)).toStrictEqual(["dup a", "other"]);
    const relevanceOnly = await store.maxMarginalRelevanceSearch("query", { k: 2, lambda: 1 });
    expect(relevanceOnly.map((d) => d.pageContent)).toStrictEqual(["dup a", "dup b"]);
  });

  it("MMR with real texts avoids repeating a near-duplicate", async () => {
    const texts = ["harrison worked at kensho", "harrison worked at kensho!", "harrison likes spicy food"];
    const store = await MemoryVectorStore.fromTexts(texts, [], embeddings);
    const docs = await store.maxMarginalRelevanceSearch("where did harrison work?", { k: 2 });
    expect(docs.map((d) => d.pageContent)).toStrictEqual([
      "harrison worked at kensho",
      "harrison likes spicy food",
    ]);
  });

  it("asRetriever: similarity, mmr and score threshold", async () => {
    const store = await MemoryVectorStore.fromTexts(seedTexts, { source: "seed" }, embeddings);
    const query = "where did harrison work?";
    expect((await store.asRetriever({ k: 1 }).invoke(query)).map((d) => d.pageContent)).toStrictEqual([
      "harrison worked at kensho",
    ]);
    expect(await store.asRetriever({ searchType: "mmr", k: 2 }).invoke(query)).toHaveLength(2);
    const threshold = store.asRetriever({ searchType: "similarity_score_threshold", scoreThreshold: 0.5 });
    expect((await threshold.invoke(query)).map((d) => d.pageContent)).toStrictEqual([
      "harrison worked at kensho",
    ]);
    expect(() => store.asRetriever({ searchType: "similarity_score_threshold" })).toThrow(/scoreThreshold/);
    const filtered = store.asRetriever({ filter: { source: "other" } });
    expect(await filtered.invoke(query)).toStrictEqual([]);
  });
});

describe("MemoryVectorStore input checks", () => {
  it("learns the vector length from the first write when the embeddings do not say it", async () => {
    const store = new MemoryVectorStore(new TableEmbeddings({}));
    await store.addVectors([[1, 0, 0]], [new Document({ pageContent: "a" })]);
    await expect(store.addVectors([[1, 0]], [new Document({ pageContent: "b" })])).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/vectors\[0\] has length 2, but the store holds vectors of length 3/),
    });
    await expect(store.similaritySearchVectorWithScore([1, 0, 0, 0], 1)).rejects.toThrow(
      /query vector has length 4/,
    );
    expect(store.size).toBe(1);
  });

  it("refuses embeddings that are not an Embeddings, and metadatas that do not line up with texts", async () => {
    expect(() => new MemoryVectorStore({} as Embeddings)).toThrow(
      expect.objectContaining({ code: "invalid_config", message: expect.stringMatching(/embedDocuments/) }),
    );
    await expect(MemoryVectorStore.fromTexts(["a", "b"], [{ n: 1 }], embeddings)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/1 metadatas for 2 texts/),
    });
  });

  it("a predicate filter sees a copy: changing the document does not change the store", async () => {
    const store = await MemoryVectorStore.fromTexts(
      ["a"],
      [{ tags: ["x"] }],
      new TableEmbeddings({ a: [1, 0, 0] }),
    );
    await store.similaritySearch("a", 1, (doc) => {
      const tags = doc.metadata.tags;
      if (Array.isArray(tags)) tags.push("mutated");
      return true;
    });
    const [found] = await store.similaritySearch("a", 1);
    expect(found?.metadata).toStrictEqual({ tags: ["x"] });
  });
});

describe("maximalMarginalRelevance", () => {
  it("returns indices in pick order and never more than there are candidates", () => {
    expect(
      maximalMarginalRelevance(
        [1, 0.2],
        [
          [1, 0],
          [1, 0.01],
          [0, 1],
        ],
        2,
        0.5,
      ),
    ).toStrictEqual([1, 2]);
    expect(maximalMarginalRelevance([1, 0], [[0, 1]], 5)).toStrictEqual([0]);
    expect(maximalMarginalRelevance([1, 0], [], 3)).toStrictEqual([]);
  });
});

import { describe, expect, it } from "vitest";
import { HashedNgramEmbeddings, type HashedNgramEmbeddingsFields } from "./hashed-ngram-embeddings.js";
import { normalizeText, stem } from "./text-features.js";
import { cosineSimilarity, norm } from "./vector-math.js";

const embeddings = new HashedNgramEmbeddings();

/** The texts ranked by similarity to `query`, best first. */
async function rank(query: string, texts: string[]): Promise<string[]> {
  const [q, docs] = await Promise.all([embeddings.embedQuery(query), embeddings.embedDocuments(texts)]);
  return texts
    .map((text, i) => ({ text, score: cosineSimilarity(q, docs[i]!) }))
    .sort((a, b) => b.score - a.score)
    .map((r) => r.text);
}

// Eight short texts in three topics, each with a query that should rank its own topic first.
const topics: Record<string, { texts: string[]; query: string }> = {
  pets: {
    texts: [
      "My cat sleeps on the sofa all afternoon",
      "The dog barks at the cat next door",
      "Our kitten chases the dog around the garden",
    ],
    query: "does the cat get along with the dog?",
  },
  markets: {
    texts: [
      "The stock market fell sharply as investors sold shares",
      "Rising interest rates pushed bond yields and stock prices lower",
      "Investors bought shares after the market rallied",
    ],
    query: "why did investors sell stock market shares?",
  },
  baking: {
    texts: [
      "Bake the bread in a hot oven for forty minutes",
      "Knead the dough before you bake the bread rolls",
    ],
    query: "how long should I bake bread?",
  },
};
const allTexts = Object.values(topics).flatMap((t) => t.texts);

describe("HashedNgramEmbeddings", () => {
  it("ranks the seed's texts: 'where did harrison work?' finds kensho first", async () => {
    const texts = ["harrison likes spicy food", "harrison worked at kensho"];
    expect(await rank("where did harrison work?", texts)).toStrictEqual([
      "harrison worked at kensho",
      "harrison likes spicy food",
    ]);
    expect((await rank("what food does harrison like?", texts))[0]).toBe("harrison likes spicy food");
  });

  it.each(Object.entries(topics))("ranks the %s texts above every other topic", async (_name, topic) => {
    const ranked = await rank(topic.query, allTexts);
    expect(new Set(ranked.slice(0, topic.texts.length))).toStrictEqual(new Set(topic.texts));
  });

  it("is deterministic, L2-normalised and `dimensions` long", async () => {
    const a = await embeddings.embedQuery("Harrison worked at Kensho.");
    const b = new HashedNgramEmbeddings().embed("harrison worked at kensho");
    expect(a).toHaveLength(512);
    expect(norm(a)).toBeCloseTo(1, 10);
    expect(a).toStrictEqual(b); // case and punctuation do not matter
    expect(new HashedNgramEmbeddings({ dimensions: 64 }).embed("x y z")).toHaveLength(64);
  });

  it("gives empty text a zero vector, which is similar to nothing", async () => {
    const empty = embeddings.embed("  ?! ");
    expect(norm(empty)).toBe(0);
    expect(cosineSimilarity(empty, embeddings.embed("anything"))).toBe(0);
  });

  it("is lexical, not semantic: synonyms without shared pieces are unrelated", () => {
    const car = embeddings.embed("car");
    expect(cosineSimilarity(car, embeddings.embed("automobile"))).toBeLessThan(0.15);
    expect(cosineSimilarity(car, embeddings.embed("cars"))).toBeGreaterThan(0.6);
  });

  it("rejects a bad dimension count", () => {
    expect(() => new HashedNgramEmbeddings({ dimensions: 0 })).toThrow(/positive integer/);
    for (const dimensions of [Number.NaN, Number.POSITIVE_INFINITY, 2.5, -3]) {
      expect(() => new HashedNgramEmbeddings({ dimensions })).toThrow(
        expect.objectContaining({
          code: "invalid_config",
          message: expect.stringMatching(/^dimensions must be/),
        }),
      );
    }
  });

  it("rejects weights that would give NaN or zero vectors, or that it would ignore", () => {
    const cases: [HashedNgramEmbeddingsFields["weights"], RegExp][] = [
      [{ words: Number.NaN }, /weights\.words must be a non-negative finite number, got NaN/],
      [{ bigrams: -1 }, /weights\.bigrams must be a non-negative/],
      [{ chars: Number.POSITIVE_INFINITY }, /weights\.chars must be/],
      [{ words: 0, bigrams: 0, chars: 0 }, /at least one of weights/],
      [{ word: 1 } as HashedNgramEmbeddingsFields["weights"], /Unknown weight "word"/],
    ];
    for (const [weights, pattern] of cases) {
      expect(() => new HashedNgramEmbeddings({ weights })).toThrow(
        expect.objectContaining({ code: "invalid_config", message: expect.stringMatching(pattern) }),
      );
    }
    // An explicitly undefined weight keeps its default instead of turning every vector into NaN.
    const vector = new HashedNgramEmbeddings({ weights: { words: undefined } }).embed("harrison worked");
    expect(vector.every(Number.isFinite)).toBe(true);
  });

  it("rejects texts that are not strings, naming which", async () => {
    await expect(embeddings.embedDocuments(["fine", 7 as unknown as string])).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/texts\[1\] must be a string, got number/),
    });
    await expect(embeddings.embedQuery(undefined as unknown as string)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringMatching(/text must be a string, got undefined/),
    });
  });

  it("honours an aborted signal", async () => {
    await expect(embeddings.embedQuery("x", { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "aborted",
    });
  });
});

describe("text features", () => {
  it("normalises case, accents, apostrophes and punctuation", () => {
    expect(normalizeText("Café: Harrison's  NEW-job!")).toBe("cafe harrisons new job");
  });

  it("strips common suffixes so inflections meet", () => {
    expect(["worked", "works", "working", "work"].map(stem)).toStrictEqual(["work", "work", "work", "work"]);
    expect(["likes", "liked", "like"].map(stem)).toStrictEqual(["lik", "lik", "lik"]);
    expect(["running", "run"].map(stem)).toStrictEqual(["run", "run"]);
    expect(["stories", "story"].map(stem)).toStrictEqual(["story", "story"]);
    expect(stem("is")).toBe("is");
  });
});

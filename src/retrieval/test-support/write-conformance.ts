// Test support: what a write leaves behind in every store. One call is all or nothing (a call
// that fails stores none of its documents), and documents with ids upsert, so retrying a call
// never duplicates what it wrote.
import { describe, expect, it } from "vitest";
import { Document } from "../document.js";
import { caught, codeOf, FixedEmbeddings, type VectorStoreFactory } from "./conformance-fixtures.js";

const QUERY = [1, 0, 0];

/** `count` documents without ids; the one at `bad` (if any) has metadata no store may keep. */
function documents(count: number, bad?: number): Document[] {
  return Array.from(
    { length: count },
    (_, i) => new Document({ pageContent: `doc ${i}`, metadata: { i, ...(i === bad ? { n: 1n } : {}) } }),
  );
}

/** Registers the write conformance tests for one store kind. */
export function describeWriteConformance(factory: VectorStoreFactory): void {
  describe(`${factory.name}: writes are all or nothing, and ids upsert`, () => {
    it("a call failing on its 221st of 250 documents stores none; the retry stores each once", async () => {
      const store = await factory.create(new FixedEmbeddings());
      await store.addDocuments([new Document({ pageContent: "before", id: "before" })]);
      const error = await caught(() => store.addDocuments(documents(250, 220)));
      expect(codeOf(error)).toBe("invalid_input");
      const left = await store.similaritySearchVectorWithScore(QUERY, 1000);
      expect(left.map(([doc]) => doc.id)).toStrictEqual(["before"]);
      await store.addDocuments(documents(250));
      expect(await store.similaritySearchVectorWithScore(QUERY, 1000)).toHaveLength(251);
    });

    it("adding the same documents with ids twice leaves one row each; the last of a duplicated id wins", async () => {
      const store = await factory.create(new FixedEmbeddings());
      const docs = documents(250).map((doc, i) => new Document({ ...doc, id: `id-${i}` }));
      await store.addDocuments(docs);
      await store.addDocuments(docs);
      expect(await store.similaritySearchVectorWithScore(QUERY, 1000)).toHaveLength(250);
      const ids = await store.addVectors(
        [QUERY, QUERY],
        [new Document({ pageContent: "first" }), new Document({ pageContent: "second" })],
        { ids: ["same", "same"] },
      );
      expect(ids).toStrictEqual(["same", "same"]);
      const found = await store.similaritySearch("q", 1000);
      expect(found.filter((d) => d.id === "same").map((d) => d.pageContent)).toStrictEqual(["second"]);
    });

    it("delete of many ids removes them all, unknown ones ignored", async () => {
      const store = await factory.create(new FixedEmbeddings());
      const ids = await store.addDocuments(documents(250));
      await store.delete({ ids: [...ids.slice(0, 240), "unknown"] });
      expect(await store.similaritySearchVectorWithScore(QUERY, 1000)).toHaveLength(10);
    });
  });
}

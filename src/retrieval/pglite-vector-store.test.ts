import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { Document } from "./document.js";
import { HashedNgramEmbeddings } from "./hashed-ngram-embeddings.js";
import { openPGlite } from "./open-pglite.js";
import { PGliteVectorStore, type PGliteVectorStoreOptions } from "./pglite-vector-store.js";
import type { SqlClient } from "./sql-client.js";
import { describeVectorStoreConformance } from "./test-support/vector-store-conformance.js";
import { vectorTable } from "./vector-table-sql.js";

// A PGlite instance takes seconds to start (much longer to initialise a new data directory on a
// busy machine), so the whole file shares two: the one that creates the store, then a reopen.
const SLOW = 180_000;
const embeddings = new HashedNgramEmbeddings({ dimensions: 256 });
const query = "where did harrison work?";
let dir: string;
let store: PGliteVectorStore;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "rivulet-pglite-"));
  store = await PGliteVectorStore.fromDocuments(
    [
      new Document({
        pageContent: "harrison worked at kensho",
        metadata: { source: "cv", year: 2020 },
        id: "k",
      }),
      new Document({ pageContent: "harrison worked at kensho!", metadata: { source: "copy" }, id: "k2" }),
      new Document({ pageContent: "harrison likes spicy food", metadata: { source: "blog" }, id: "f" }),
      new Document({ pageContent: "the stock market fell today", metadata: { source: "news" }, id: "m" }),
    ],
    embeddings,
    { dataDir: dir, tableName: "notes" },
  );
}, SLOW);

afterAll(async () => {
  await store?.close();
  if (dir) await rm(dir, { recursive: true, force: true });
});

// The conformance suite shares one in-memory PGlite; each store gets a table of its own.
let conformanceClient: SqlClient | undefined;
let conformanceTables = 0;
beforeAll(async () => {
  conformanceClient = await openPGlite();
}, SLOW);
afterAll(async () => {
  await conformanceClient?.close();
});

describeVectorStoreConformance({
  name: "PGliteVectorStore",
  create: async (fixed) => {
    conformanceTables += 1;
    return PGliteVectorStore.initialize(fixed, {
      client: conformanceClient,
      tableName: `conformance_${conformanceTables}`,
    });
  },
});

describe("PGliteVectorStore (embedded PostgreSQL + pgvector)", () => {
  it("searches by cosine similarity, higher is closer, with ids and metadata", async () => {
    const results = await store.similaritySearchWithScore(query, 3);
    expect(results.map(([d]) => d.id)).toStrictEqual(["k", "k2", "f"]);
    const [[best, score]] = results as [[Document, number]];
    expect(best).toStrictEqual(
      new Document({
        pageContent: "harrison worked at kensho",
        metadata: { source: "cv", year: 2020 },
        id: "k",
      }),
    );
    expect(score).toBeGreaterThan(results[2]![1]);
    const [[, exact]] = (await store.similaritySearchWithScore("harrison worked at kensho", 1)) as [
      [Document, number],
    ];
    expect(exact).toBeCloseTo(1, 5);
  });

  it("filters by metadata containment and rejects function filters", async () => {
    const blog = await store.similaritySearch(query, 4, { source: "blog" });
    expect(blog.map((d) => d.id)).toStrictEqual(["f"]);
    expect(await store.similaritySearch(query, 4, { source: "cv", year: 2020 })).toHaveLength(1);
    expect(await store.similaritySearch(query, 4, { source: "none" })).toStrictEqual([]);
    const fn = (() => true) as unknown as Record<string, unknown>;
    await expect(store.similaritySearch(query, 4, fn)).rejects.toThrow(/metadata objects only/);
  });

  it("MMR skips the near-duplicate", async () => {
    const docs = await store.maxMarginalRelevanceSearch(query, { k: 2, fetchK: 4 });
    expect(docs.map((d) => d.id)).toStrictEqual(["k", "f"]);
  });

  it("upserts by id, generates ids, deletes", async () => {
    const [generated] = await store.addDocuments([new Document({ pageContent: "harrison moved to paris" })]);
    expect(generated).toMatch(/^[0-9a-f-]{36}$/);
    await store.addDocuments(
      [new Document({ pageContent: "the stock market rose today", metadata: { v: 2 } })],
      {
        ids: ["m"],
      },
    );
    const [market] = await store.similaritySearch("stock market", 1);
    expect(market).toMatchObject({ id: "m", pageContent: "the stock market rose today", metadata: { v: 2 } });
    await store.delete({ ids: [generated!, "k2", "unknown"] });
    const all = await store.similaritySearch(query, 10);
    expect(all.map((d) => d.id).sort()).toStrictEqual(["f", "k", "m"]);
  });

  it(
    "persists: reopened from disk through a client, it finds the same documents",
    async () => {
      await store.close();
      const client: SqlClient = await openPGlite({ dataDir: dir });
      try {
        // No `dimensions` given and none known? The table's own are read back (here both agree).
        const reopened = await PGliteVectorStore.initialize(embeddings, { client, tableName: "notes" });
        expect(reopened.dimensions).toBe(256);
        const docs = await reopened.similaritySearch(query, 2);
        expect(docs.map((d) => d.id)).toStrictEqual(["k", "f"]);
        await reopened.delete({ ids: ["k"] });
        expect((await reopened.similaritySearch(query, 1))[0]?.id).toBe("f");
        await reopened.close(); // does not close a client it was given
        const { rows } = await client.query<{ n: number }>("SELECT count(*)::int AS n FROM notes");
        expect(rows[0]?.n).toBe(2);
        // A second table on the same database, with an HNSW index.
        const other = await PGliteVectorStore.fromTexts(["a b c", "x y z"], [{}, {}], embeddings, {
          client,
          tableName: "other_docs",
          hnsw: true,
        });
        expect((await other.similaritySearch("a b", 1))[0]?.pageContent).toBe("a b c");
        await expect(
          PGliteVectorStore.initialize(new HashedNgramEmbeddings({ dimensions: 8 }), {
            client,
            tableName: "notes",
          }),
        ).rejects.toThrow(/length 256/);
      } finally {
        await client.close();
      }
    },
    SLOW,
  );
});

/** Options of {@link failingClient}. */
interface FailingClientOptions {
  /** Which statements to count, by their first word. */
  statement: "INSERT" | "DELETE";
  /** The count at which the statement fails (0: never). */
  failAt: number;
  /** Called with the count before each counted statement runs. */
  onStatement?: (count: number) => void;
}

/** The conformance client, with one statement failing (counted across calls, in or out of transactions). */
function failingClient(options: FailingClientOptions): SqlClient {
  const client = conformanceClient!;
  let count = 0;
  const wrap = (inner: Pick<SqlClient, "query" | "exec">): Pick<SqlClient, "query" | "exec"> => ({
    query: async <R>(sql: string, params?: unknown[]) => {
      if (sql.startsWith(options.statement)) {
        count += 1;
        options.onStatement?.(count);
        if (count === options.failAt) throw new Error(`injected failure of one ${options.statement}`);
      }
      return inner.query<R>(sql, params);
    },
    exec: (sql: string) => inner.exec(sql),
  });
  return {
    ...wrap(client),
    transaction: (fn) => client.transaction((tx) => fn(wrap(tx))),
    close: () => client.close(),
  };
}

async function rowCount(table: string): Promise<number> {
  const { rows } = await conformanceClient!.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return rows[0]!.n;
}

describe("PGliteVectorStore: one call is one transaction", () => {
  const fixed = new HashedNgramEmbeddings({ dimensions: 8 });
  const docs = Array.from({ length: 250 }, (_, i) => new Document({ pageContent: `document ${i}` }));

  it("a failure in the third batch of 100 leaves no rows; the retry gives exactly 250 (not 450)", async () => {
    const client = failingClient({ statement: "INSERT", failAt: 3 });
    const table = "tx_failure";
    const txStore = await PGliteVectorStore.initialize(fixed, { client, tableName: table, batchSize: 100 });
    await expect(txStore.addDocuments(docs)).rejects.toThrow(/injected failure/);
    expect(await rowCount(table)).toBe(0);
    await txStore.addDocuments(docs);
    expect(await rowCount(table)).toBe(250);
  });

  it("an abort between batches rolls the call back", async () => {
    const controller = new AbortController();
    const client = failingClient({
      statement: "INSERT",
      failAt: 0,
      onStatement: (count) => {
        if (count === 2) controller.abort();
      },
    });
    const table = "tx_abort";
    const txStore = await PGliteVectorStore.initialize(fixed, { client, tableName: table, batchSize: 100 });
    const error = await txStore.addDocuments(docs, { signal: controller.signal }).catch((e: unknown) => e);
    expect(error).toMatchObject({ code: "aborted" });
    expect(await rowCount(table)).toBe(0);
  });

  it("a delete failing midway deletes nothing", async () => {
    const table = "tx_delete";
    const plain = await PGliteVectorStore.initialize(fixed, { client: conformanceClient, tableName: table });
    const ids = await plain.addDocuments(docs);
    const client = failingClient({ statement: "DELETE", failAt: 2 });
    const txStore = await PGliteVectorStore.initialize(fixed, { client, tableName: table, batchSize: 100 });
    await expect(txStore.delete({ ids })).rejects.toThrow(/injected failure/);
    expect(await rowCount(table)).toBe(250);
  });

  it("refuses a client without transaction(), and a batchSize it cannot use", async () => {
    const { transaction: _, ...withoutTransaction } = failingClient({ statement: "INSERT", failAt: 0 });
    await expect(
      PGliteVectorStore.initialize(fixed, { client: withoutTransaction as SqlClient, tableName: "tx_none" }),
    ).rejects.toMatchObject({ code: "invalid_config", message: expect.stringMatching(/transaction/) });
    for (const batchSize of [0, 1.5, Number.NaN, 20_000]) {
      await expect(
        PGliteVectorStore.initialize(fixed, { client: conformanceClient, tableName: "tx_none", batchSize }),
      ).rejects.toMatchObject({ code: "invalid_config", message: expect.stringMatching(/batchSize/) });
    }
  });
});

describe("PGliteVectorStore: options and use after close", () => {
  const fixed = new HashedNgramEmbeddings({ dimensions: 8 });

  it.each<[string, PGliteVectorStoreOptions, RegExp]>([
    ["dimensions NaN", { dimensions: Number.NaN }, /dimensions must be a positive integer, got NaN/],
    ["dimensions 0", { dimensions: 0 }, /dimensions must be a positive integer/],
    ["dimensions above pgvector's 16 000", { dimensions: 16_001 }, /dimensions must be at most 16000/],
    ["hnsw not a boolean", { hnsw: "yes" as unknown as boolean }, /hnsw must be true or false/],
    ["a table name that is not a string", { tableName: 7 as unknown as string }, /Invalid table name/],
  ])("refuses %s", async (_label, options, pattern) => {
    await expect(
      PGliteVectorStore.initialize(fixed, { client: conformanceClient, tableName: "opts", ...options }),
    ).rejects.toMatchObject({ code: "invalid_config", message: expect.stringMatching(pattern) });
  });

  it("every method of a closed store is a typed error; the client it was given stays open", async () => {
    const closing = await PGliteVectorStore.initialize(fixed, {
      client: conformanceClient,
      tableName: "closing",
    });
    await closing.addDocuments([new Document({ pageContent: "a", id: "a" })]);
    await closing.close();
    await closing.close(); // idempotent
    const calls: (() => Promise<unknown>)[] = [
      () => closing.addDocuments([new Document({ pageContent: "b" })]),
      () => closing.addVectors([[1, 0, 0, 0, 0, 0, 0, 0]], [new Document({ pageContent: "b" })]),
      () => closing.similaritySearch("a"),
      () => closing.similaritySearchVectorWithScore([1, 0, 0, 0, 0, 0, 0, 0], 1),
      () => closing.maxMarginalRelevanceSearch("a"),
      () => closing.delete({ ids: ["a"] }),
      () => closing.asRetriever().invoke("a"),
    ];
    for (const call of calls) {
      await expect(call()).rejects.toMatchObject({
        code: "invalid_input",
        message: expect.stringMatching(/closed: open another with PGliteVectorStore.initialize/),
      });
    }
    expect(await rowCount("closing")).toBe(1);
  });
});

describe("vectorTable SQL", () => {
  it("quotes checked identifiers and numbers the parameters", () => {
    const t = vectorTable("public.docs", 3);
    expect(t.deleteSql(2)).toBe('DELETE FROM "public"."docs" WHERE id IN ($1, $2)');
    expect(t.upsertSql(2)).toContain("($1, $2, $3::jsonb, $4::vector), ($5, $6, $7::jsonb, $8::vector)");
    expect(t.searchSql(true, false)).toContain(
      "WHERE metadata @> $3::jsonb ORDER BY embedding <=> $1::vector LIMIT $2",
    );
    expect(() => vectorTable('docs"; DROP TABLE x; --', 3)).toThrow(/Invalid table name/);
    expect(() => vectorTable("docs", 0)).toThrow(/positive integer/);
  });
});

import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { throwIfAborted } from "../internal/abort.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { checkVector } from "./check-vector.js";
import { Document } from "./document.js";
import type { Embeddings } from "./embeddings.js";
import type { MetadataFilter } from "./metadata-filter.js";
import { openPGlite } from "./open-pglite.js";
import type { SearchOptions } from "./search-options.js";
import type { SqlClient } from "./sql-client.js";
import {
  type StoredRecord,
  type VectorSearchHit,
  type VectorSearchRequest,
  VectorStore,
} from "./vector-store.js";
import { type VectorTable, vectorTable } from "./vector-table-sql.js";

/** Options of `PGliteVectorStore.initialize` (and `fromTexts`/`fromDocuments`). */
export interface PGliteVectorStoreOptions {
  /** A connection to use: a PGlite instance with pgvector loaded, or any `SqlClient` (e.g. over `pg`). */
  client?: SqlClient | undefined;
  /** Without `client`: the directory an embedded PGlite keeps its files in (in memory when absent). */
  dataDir?: string | undefined;
  /** The table (`name` or `schema.name`; default `rivulet_documents`), created if missing. */
  tableName?: string | undefined;
  /** Vector length; else the embeddings' `dimensions`, else the existing table's, else probed once. */
  dimensions?: number | undefined;
  /** Build an HNSW index for approximate search on large tables (default false: exact search). */
  hnsw?: boolean | undefined;
  /**
   * Rows per INSERT (or ids per DELETE) statement, default 100, at most 16 383 (PostgreSQL's
   * 65 535 parameters, 4 per row). Every statement of one call runs in one transaction.
   */
  batchSize?: number | undefined;
}

interface Row {
  id: string;
  content: string;
  metadata: unknown;
  score: number | string;
  embedding?: string;
}

const DEFAULT_BATCH_SIZE = 100;
// PostgreSQL takes at most 65 535 parameters per statement; a row has 4.
const MAX_BATCH_SIZE = Math.floor(65_535 / 4);

function toVectorLiteral(vector: readonly number[]): string {
  return `[${vector.join(",")}]`;
}

function toHit(row: Row): VectorSearchHit {
  // `pg` and PGlite parse jsonb; other drivers may hand over the text.
  const metadata = typeof row.metadata === "string" ? JSON.parse(row.metadata) : row.metadata;
  const doc = new Document({ pageContent: row.content, metadata: metadata ?? {}, id: row.id });
  // pgvector prints vectors as "[1,2.5,-3e-05]", which is valid JSON.
  const parsed: unknown = row.embedding === undefined ? [] : JSON.parse(row.embedding);
  const vector = Array.isArray(parsed) ? parsed.filter((x): x is number => typeof x === "number") : [];
  return { doc, vector, score: Number(row.score) };
}

/**
 * A persistent vector store on PostgreSQL with pgvector: embedded through PGlite (no server;
 * files in `dataDir`), or on a server through any `SqlClient`. One table (`id` text primary
 * key, `content`, `metadata` jsonb, `embedding` vector(n)); search by cosine distance (`<=>`),
 * reported as similarity `1 - distance` (higher is closer); metadata filters by containment
 * (`metadata @> filter`, e.g. `{ source: "a" }`); function filters are not supported. The SQL is
 * plain PostgreSQL, so the same store runs unchanged on a server. Call `close()` when done: it
 * closes the connection only if the store opened it.
 *
 * @example
 * const store = await PGliteVectorStore.fromTexts(texts, [], new HashedNgramEmbeddings(), { dataDir: "./vectors" });
 * const docs = await store.similaritySearch("where did harrison work?", 1);
 * await store.close();
 */
export class PGliteVectorStore extends VectorStore<MetadataFilter> {
  readonly client: SqlClient;
  readonly dimensions: number;
  readonly #table: VectorTable;
  readonly #ownsClient: boolean;
  readonly #batchSize: number;
  #closed = false;

  private constructor(
    embeddings: Embeddings,
    client: SqlClient,
    table: VectorTable,
    owns: boolean,
    batchSize: number,
  ) {
    super(embeddings);
    this.client = client;
    this.#batchSize = batchSize;
    this.#table = table;
    this.dimensions = table.dimensions;
    this.#ownsClient = owns;
  }

  /** Connects (or starts PGlite), creates the extension, table and indexes if missing. */
  static async initialize(
    embeddings: Embeddings,
    options: PGliteVectorStoreOptions = {},
  ): Promise<PGliteVectorStore> {
    VectorStore.checkEmbeddings(embeddings);
    const batchSize = checkBatchSize(options.batchSize);
    if (options.dimensions !== undefined) checkDimensions(options.dimensions);
    if (options.hnsw !== undefined && typeof options.hnsw !== "boolean") {
      throw new InvalidConfigError(`hnsw must be true or false, got ${String(options.hnsw)}`);
    }
    if (options.client !== undefined && typeof options.client.transaction !== "function") {
      throw new InvalidConfigError(
        "PGliteVectorStore needs a client with transaction(fn), so that one call is one transaction: " +
          "see docs/retrieval.md for a pg Pool adapter (BEGIN, fn, COMMIT, ROLLBACK on error)",
      );
    }
    const owns = options.client === undefined;
    const client = options.client ?? (await openPGlite({ dataDir: options.dataDir }));
    try {
      await client.exec("CREATE EXTENSION IF NOT EXISTS vector");
      const name = options.tableName ?? "rivulet_documents";
      const dimensions = await resolveDimensions(client, embeddings, name, options.dimensions);
      const table = vectorTable(name, dimensions);
      await client.exec(table.createSql(options.hnsw ?? false));
      return new PGliteVectorStore(embeddings, client, table, owns, batchSize);
    } catch (error) {
      if (owns) await client.close();
      throw error;
    }
  }

  /** A store holding `texts` (with `metadatas[i]`, or one metadata object for all). */
  static async fromTexts(
    texts: string[],
    metadatas: Record<string, unknown>[] | Record<string, unknown>,
    embeddings: Embeddings,
    options: PGliteVectorStoreOptions = {},
  ): Promise<PGliteVectorStore> {
    return PGliteVectorStore.fromDocuments(
      VectorStore.textsToDocuments(texts, metadatas),
      embeddings,
      options,
    );
  }

  /** A store holding `docs`. */
  static async fromDocuments(
    docs: Document[],
    embeddings: Embeddings,
    options: PGliteVectorStoreOptions = {},
  ): Promise<PGliteVectorStore> {
    const store = await PGliteVectorStore.initialize(embeddings, options);
    await store.addDocuments(docs);
    return store;
  }

  override _vectorstoreType(): string {
    return "pglite";
  }

  protected override async writeRecords(records: StoredRecord[], options: SearchOptions): Promise<void> {
    // One statement cannot upsert the same id twice, so the last occurrence wins beforehand.
    const rows = new Map<string, unknown[]>();
    for (const record of records) {
      rows.delete(record.id);
      rows.set(record.id, [
        record.id,
        record.content,
        JSON.stringify(record.metadata),
        toVectorLiteral(record.vector),
      ]);
    }
    const all = [...rows.values()];
    // One call, one transaction: a failure in a later batch (or an abort between batches) rolls
    // back the earlier ones, so the natural retry cannot duplicate them.
    await this.client.transaction(async (tx) => {
      for (let start = 0; start < all.length; start += this.#batchSize) {
        throwIfAborted(options.signal);
        const batch = all.slice(start, start + this.#batchSize);
        await tx.query(this.#table.upsertSql(batch.length), batch.flat());
      }
    });
  }

  protected override async searchVectors(
    request: VectorSearchRequest<MetadataFilter>,
  ): Promise<VectorSearchHit[]> {
    throwIfAborted(request.signal);
    const { filter } = request;
    const hasFilter = filter !== undefined && Object.keys(filter).length > 0;
    const params: unknown[] = [toVectorLiteral(request.vector), request.k];
    if (hasFilter) params.push(JSON.stringify(filter));
    const sql = this.#table.searchSql(hasFilter, request.withVectors);
    const { rows } = await this.client.query<Row>(sql, params);
    return rows.map(toHit);
  }

  protected override async deleteRecords(ids: string[]): Promise<void> {
    await this.client.transaction(async (tx) => {
      for (let start = 0; start < ids.length; start += this.#batchSize) {
        const batch = ids.slice(start, start + this.#batchSize);
        await tx.query(this.#table.deleteSql(batch.length), batch);
      }
    });
  }

  protected override storedDimensions(): number {
    return this.dimensions;
  }

  protected override checkOpen(): void {
    if (this.#closed) {
      throw new InvalidInputError(
        `This PGliteVectorStore (table ${this.#table.name}) is closed: open another with PGliteVectorStore.initialize(...)`,
      );
    }
  }

  /**
   * Ends this store: every later call is an `InvalidInputError` (not a driver error). Closes the
   * connection only if the store opened it (a client you passed in stays open). Idempotent.
   */
  async close(): Promise<void> {
    if (this.#closed) return;
    this.#closed = true;
    if (this.#ownsClient) await this.client.close();
  }
}

/** pgvector's `vector` type holds at most 16 000 dimensions. */
const MAX_DIMENSIONS = 16_000;

/** Checks a vector length (given, known by the embeddings or read from a table) that pgvector can hold. */
function checkDimensions(dimensions: number): number {
  checkNumberOption("dimensions", dimensions, "positive-integer");
  if (dimensions > MAX_DIMENSIONS) {
    throw new InvalidConfigError(
      `dimensions must be at most ${MAX_DIMENSIONS} (pgvector's limit for vector), got ${dimensions}`,
    );
  }
  return dimensions;
}

/** Rows per statement: given (checked), else the default. */
function checkBatchSize(given: number | undefined): number {
  const batchSize = checkNumberOption("batchSize", given, "positive-integer") ?? DEFAULT_BATCH_SIZE;
  if (batchSize > MAX_BATCH_SIZE) {
    throw new InvalidConfigError(
      `batchSize must be at most ${MAX_BATCH_SIZE} (PostgreSQL's 65 535 parameters, 4 per row), got ${batchSize}`,
    );
  }
  return batchSize;
}

/** The vector length: given, known by the embeddings, read from an existing table, or probed. */
async function resolveDimensions(
  client: SqlClient,
  embeddings: Embeddings,
  tableName: string,
  given: number | undefined,
): Promise<number> {
  const known = given ?? embeddings.dimensions;
  const existing = await vectorTable(tableName, 1).readDimensions(client);
  if (known !== undefined && existing !== undefined && known !== existing) {
    throw new InvalidConfigError(
      `Table ${tableName} holds vectors of length ${existing}, but the embeddings give ${known}`,
    );
  }
  const settled = known ?? existing;
  if (settled !== undefined) return checkDimensions(settled);
  const probe = await embeddings.embedQuery("dimension probe");
  return checkDimensions(
    checkVector(probe, { label: "a probe text", dimensions: undefined, source: "embeddings" }).length,
  );
}

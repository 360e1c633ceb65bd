import { InvalidConfigError } from "../errors/input-errors.js";
import type { SqlClient } from "./sql-client.js";

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,62}$/;

/** The SQL of one documents table; plain PostgreSQL + pgvector, so it runs on PGlite and on servers. */
export interface VectorTable {
  readonly name: string;
  readonly dimensions: number;
  /** Creates the table, the metadata index and (optionally) the HNSW index, if missing. */
  createSql(hnsw: boolean): string;
  /** Upserts `rows` rows of `(id, content, metadata, embedding)` parameters. */
  upsertSql(rows: number): string;
  /** `$1` the query vector, `$2` the limit, `$3` the metadata filter when `filtered`. */
  searchSql(filtered: boolean, withVectors: boolean): string;
  /** Deletes `count` ids given as `$1..$count`. */
  deleteSql(count: number): string;
  /** The vector length of the existing table, or undefined when it does not exist yet. */
  readDimensions(client: SqlClient): Promise<number | undefined>;
}

/** Quotes `name` or `schema.name` after checking it is a plain identifier (no injection through it). */
function quoteTableName(name: string): { quoted: string; bare: string } {
  if (typeof name !== "string") {
    throw new InvalidConfigError(`Invalid table name ${String(name)}: use a string of letters, digits and _`);
  }
  const parts = name.split(".");
  if (parts.length > 2 || !parts.every((p) => IDENTIFIER.test(p))) {
    throw new InvalidConfigError(`Invalid table name ${JSON.stringify(name)}: use letters, digits and _`);
  }
  return { quoted: parts.map((p) => `"${p}"`).join("."), bare: parts.at(-1)! };
}

function placeholders(count: number, width: number, casts: readonly string[]): string {
  const rows: string[] = [];
  for (let r = 0; r < count; r++) {
    const cells = casts.map((cast, c) => `$${r * width + c + 1}${cast}`);
    rows.push(`(${cells.join(", ")})`);
  }
  return rows.join(", ");
}

/** The SQL for the documents table `name` holding vectors of length `dimensions`. */
export function vectorTable(name: string, dimensions: number): VectorTable {
  if (!Number.isInteger(dimensions) || dimensions < 1) {
    throw new InvalidConfigError(`dimensions must be a positive integer, got ${dimensions}`);
  }
  const { quoted: t, bare } = quoteTableName(name);
  return {
    name,
    dimensions,
    createSql: (hnsw) =>
      [
        `CREATE TABLE IF NOT EXISTS ${t} (id text PRIMARY KEY, content text NOT NULL, ` +
          `metadata jsonb NOT NULL DEFAULT '{}'::jsonb, embedding vector(${dimensions}) NOT NULL);`,
        `CREATE INDEX IF NOT EXISTS "${bare}_metadata_idx" ON ${t} USING gin (metadata jsonb_path_ops);`,
        hnsw
          ? `CREATE INDEX IF NOT EXISTS "${bare}_embedding_idx" ON ${t} USING hnsw (embedding vector_cosine_ops);`
          : "",
      ].join("\n"),
    upsertSql: (rows) =>
      `INSERT INTO ${t} (id, content, metadata, embedding) VALUES ` +
      `${placeholders(rows, 4, ["", "", "::jsonb", "::vector"])} ` +
      "ON CONFLICT (id) DO UPDATE SET content = EXCLUDED.content, metadata = EXCLUDED.metadata, " +
      "embedding = EXCLUDED.embedding",
    searchSql: (filtered, withVectors) =>
      `SELECT id, content, metadata, 1 - (embedding <=> $1::vector) AS score` +
      `${withVectors ? ", embedding::text AS embedding" : ""} FROM ${t}` +
      `${filtered ? " WHERE metadata @> $3::jsonb" : ""} ORDER BY embedding <=> $1::vector LIMIT $2`,
    deleteSql: (count) =>
      `DELETE FROM ${t} WHERE id IN (${Array.from({ length: count }, (_, i) => `$${i + 1}`).join(", ")})`,
    readDimensions: async (client) => {
      const { rows } = await client.query<{ type: string | null }>(
        "SELECT format_type(atttypid, atttypmod) AS type FROM pg_attribute " +
          "WHERE attrelid = to_regclass($1) AND attname = 'embedding' AND NOT attisdropped",
        [t],
      );
      const match = /vector\((\d+)\)/.exec(rows[0]?.type ?? "");
      return match ? Number(match[1]) : undefined;
    },
  };
}

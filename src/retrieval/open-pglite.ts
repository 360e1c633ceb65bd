import { InvalidConfigError } from "../errors/input-errors.js";
import type { SqlClient } from "./sql-client.js";

/** Options of `openPGlite`. */
export interface OpenPGliteOptions {
  /** Where PGlite keeps its files (a directory path; `idb://name` in browsers); in memory when absent. */
  dataDir?: string | undefined;
}

/** Imports a module that is an optional peer dependency, with a message saying what to install. */
async function importOptional<T>(load: () => Promise<T>, name: string): Promise<T> {
  try {
    return await load();
  } catch (cause) {
    throw new InvalidConfigError(
      `PGliteVectorStore needs the optional package ${name}: npm install @electric-sql/pglite @electric-sql/pglite-pgvector`,
      { cause },
    );
  }
}

/**
 * Starts an embedded PostgreSQL (PGlite) with the pgvector extension loaded and returns it as
 * a `SqlClient`. PGlite is an optional peer dependency, imported only here and only when
 * called, so `rivulet` does not need it otherwise. Starting takes a second or two (longer the
 * first time a `dataDir` is initialised).
 *
 * @example
 * const client = await openPGlite({ dataDir: "./vectors" });
 */
export async function openPGlite(options: OpenPGliteOptions = {}): Promise<SqlClient> {
  const { PGlite } = await importOptional(() => import("@electric-sql/pglite"), "@electric-sql/pglite");
  const { vector } = await importOptional(
    () => import("@electric-sql/pglite-pgvector"),
    "@electric-sql/pglite-pgvector",
  );
  const db = await PGlite.create({
    ...(options.dataDir === undefined ? {} : { dataDir: options.dataDir }),
    extensions: { vector },
  });
  return db;
}

/**
 * The little a SQL vector store needs from a PostgreSQL connection: parameterised queries
 * (`$1`, `$2`...), running a script, and closing. PGlite satisfies it as is; `pg`'s `Pool` in a
 * few lines (see docs/retrieval.md), so the same store runs embedded or on a server.
 *
 * @example
 * const client: SqlClient = {
 *   query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
 *   exec: async (sql) => { await pool.query(sql); },
 *   close: () => pool.end(),
 * };
 */
export interface SqlClient {
  /** Runs one statement with `$n` parameters and resolves with its rows as objects. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Runs statements without parameters (DDL; may hold several statements). */
  exec(sql: string): Promise<unknown>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}

/** The statements a SQL vector store runs: on a connection, or inside one of its transactions. */
export interface SqlQueries {
  /** Runs one statement with `$n` parameters and resolves with its rows as objects. */
  query<R = Record<string, unknown>>(sql: string, params?: unknown[]): Promise<{ rows: R[] }>;
  /** Runs statements without parameters (DDL; may hold several statements). */
  exec(sql: string): Promise<unknown>;
}

/**
 * The little a SQL vector store needs from a PostgreSQL connection: parameterised queries
 * (`$1`, `$2`...), running a script, transactions and closing. PGlite satisfies it as is; `pg`'s
 * `Pool` in a few lines (see docs/retrieval.md), so the same store runs embedded or on a server.
 * `transaction(fn)` must run every statement `fn` sends through its argument on one connection,
 * commit when `fn` resolves and roll back when it rejects: a store write is one transaction, so a
 * failed call leaves nothing behind.
 *
 * @example
 * const client: SqlClient = {
 *   query: async (sql, params) => ({ rows: (await pool.query(sql, params)).rows }),
 *   exec: async (sql) => { await pool.query(sql); },
 *   transaction: (fn) => inTransaction(pool, fn), // BEGIN, fn, COMMIT (ROLLBACK on error)
 *   close: () => pool.end(),
 * };
 */
export interface SqlClient extends SqlQueries {
  /** Runs `fn` in one transaction: committed when it resolves, rolled back when it rejects. */
  transaction<T>(fn: (tx: SqlQueries) => Promise<T>): Promise<T>;
  /** Releases the connection(s). */
  close(): Promise<void>;
}

/** A connection that can send one raw command, e.g. `["XRANGE", key, "-", "+"]`. */
export interface RedisCommandSender {
  /**
   * Sends the command and resolves with its reply as the client decodes it: strings, integers,
   * null and arrays (RESP2), or a map for `XREAD` (RESP3); rejects on a Redis error.
   */
  send(command: readonly string[]): Promise<unknown>;
}

/** A connection of its own for blocking `XREAD`s, so a waiting reader never stalls writers. */
export interface RedisBlockingConnection extends RedisCommandSender {
  /** Closes it; a command still pending (a blocked `XREAD` of a reader that left) is dropped. */
  close(): Promise<void>;
}

/**
 * What `redisRunStore` needs from a Redis client: raw commands, a fresh connection per reader for
 * blocking reads, and optionally pub/sub for cancel notifications (without it, owners poll the
 * cancel key). Small on purpose, so node-redis (`nodeRedisCommands`), ioredis or an HTTP Redis fit.
 *
 * @example
 * // ioredis
 * const commands: RedisCommands = {
 *   send: ([name, ...args]) => redis.call(name, ...args),
 *   openBlocking: async () => {
 *     const connection = redis.duplicate();
 *     return { send: ([name, ...args]) => connection.call(name, ...args), close: async () => connection.disconnect() };
 *   },
 * };
 */
export interface RedisCommands extends RedisCommandSender {
  /** Opens a connection for one reader's blocking `XREAD`s; the store closes it when the reader ends. */
  openBlocking(): Promise<RedisBlockingConnection>;
  /**
   * Subscribes `listener` to `channel` (on a subscriber connection of the adapter's own) and
   * resolves once subscribed, with the unsubscribe. Optional: without it cancel requests are polled.
   */
  subscribe?(channel: string, listener: () => void): Promise<() => Promise<void>>;
}

import type { RedisBlockingConnection, RedisCommands } from "./redis-commands.js";

/**
 * The part of a node-redis (`redis` v5 or later) client that `nodeRedisCommands` uses: the client
 * from `createClient()`, connected. Described by shape, so Rivulet does not depend on `redis`.
 */
export interface NodeRedisClient {
  sendCommand(command: string[]): Promise<unknown>;
  duplicate(): NodeRedisClient;
  connect(): Promise<unknown>;
  close(): Promise<void>;
  destroy(): void;
  subscribe(channel: string, listener: (message: string, channel: string) => void): Promise<void>;
  unsubscribe(channel: string, listener?: (message: string, channel: string) => void): Promise<void>;
}

/**
 * Adapts a connected node-redis client to the {@link RedisCommands} `redisRunStore` takes. Each
 * reader's blocking `XREAD`s get a duplicate connection of their own (closed when it ends); cancel
 * notifications share one subscriber duplicate, opened on the first subscription and closed after
 * the last, so nothing is left open once no run is owned.
 *
 * @example
 * const client = await createClient({ url: process.env.REDIS_URL }).connect();
 * const store = redisRunStore(nodeRedisCommands(client));
 */
export function nodeRedisCommands(client: NodeRedisClient): RedisCommands {
  const subscriber = sharedSubscriber(client);
  return {
    send: (command) => client.sendCommand([...command]),
    async openBlocking(): Promise<RedisBlockingConnection> {
      const connection = client.duplicate();
      await connection.connect();
      return {
        send: (command) => connection.sendCommand([...command]),
        async close() {
          // destroy, not close: a blocked XREAD would keep a graceful close waiting for its timeout.
          connection.destroy();
        },
      };
    },
    subscribe: (channel, listener) => subscriber.subscribe(channel, listener),
  };
}

/** One subscriber connection for every subscription, reference-counted. */
function sharedSubscriber(client: NodeRedisClient) {
  let connection: Promise<NodeRedisClient> | undefined;
  let count = 0;
  const open = () => {
    connection ??= (async () => {
      const duplicate = client.duplicate();
      await duplicate.connect();
      return duplicate;
    })();
    return connection;
  };
  return {
    async subscribe(channel: string, listener: () => void): Promise<() => Promise<void>> {
      count += 1;
      const onMessage = () => listener();
      let subscribed: NodeRedisClient;
      try {
        subscribed = await open();
        await subscribed.subscribe(channel, onMessage);
      } catch (error) {
        count -= 1;
        throw error;
      }
      let done = false;
      return async () => {
        if (done) return;
        done = true;
        await subscribed.unsubscribe(channel, onMessage);
        count -= 1;
        if (count === 0 && connection !== undefined) {
          connection = undefined;
          await subscribed.close();
        }
      };
    },
  };
}

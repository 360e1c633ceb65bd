import { createClient } from "redis";
import { nodeRedisCommands, type RedisCommands, redisRunStore } from "rivulet/runs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, redisAvailability, startRedisServer } from "../../test/support/redis-server.js";
import { describeRunStoreContract } from "../../test/support/run-store-contract.js";

const redis = redisAvailability();

const newClient = (url: string) => createClient({ url });
type Client = ReturnType<typeof newClient>;

let server: RedisServer | undefined;
const clients: Client[] = [];

async function connect(): Promise<Client> {
  if (server === undefined) throw new Error("redis-server is not running");
  const client = newClient(server.url);
  client.on("error", () => undefined);
  await client.connect();
  clients.push(client);
  return client;
}

async function closeClient(client: Client): Promise<void> {
  clients.splice(clients.indexOf(client), 1);
  await client.close();
}

/** The commands without pub/sub: owners poll the cancel key. */
function polling(commands: RedisCommands): RedisCommands {
  return { send: commands.send, openBlocking: commands.openBlocking };
}

if (!redis.available && redis.required) {
  describe("redisRunStore", () => {
    it("needs redis-server (RIVULET_REQUIRE_REDIS is set)", () => {
      throw new Error(
        "RIVULET_REQUIRE_REDIS is set but redis-server was not found on PATH: install Redis (apt-get install redis-server).",
      );
    });
  });
}

describe.skipIf(!redis.available)(`redisRunStore on a real redis-server ${redis.skipReason}`.trim(), () => {
  beforeAll(async () => {
    server = await startRedisServer();
  });
  afterAll(async () => {
    await Promise.all(clients.splice(0).map((client) => client.close()));
    await server?.stop();
  });

  for (const mode of ["pub/sub", "polling"] as const) {
    describeRunStoreContract(`redisRunStore (node-redis, cancel by ${mode})`, async (options) => {
      const first = await connect();
      const second = await connect();
      const wrap = (client: Client) => {
        const commands = nodeRedisCommands(client);
        return redisRunStore(mode === "pub/sub" ? commands : polling(commands), {
          ...options,
          cancelPollMs: 10,
        });
      };
      return {
        store: wrap(first),
        other: wrap(second),
        elapse: (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
        close: async () => {
          await closeClient(first);
          await closeClient(second);
        },
      };
    });
  }

  describe("keys", () => {
    it("puts every key of a run under one hash tag, and gives each the TTL once the run ends", async () => {
      const client = await connect();
      const store = redisRunStore(nodeRedisCommands(client), { keyPrefix: "test:run:" });
      const runId = `keys-${crypto.randomUUID()}`;
      await store.create({ runId, createdAt: 1, metadata: {}, leaseMs: 60_000 });
      await store.append(runId, 1, {
        event: "on_custom_event",
        name: "x",
        run_id: "r",
        tags: [],
        metadata: {},
        data: {},
        parent_ids: [],
      });
      await store.requestCancel(runId);
      const keys = (await client.keys(`test:run:{${runId}}:*`)).sort();
      expect(keys).toEqual(
        ["meta", "events", "lease", "cancel"].map((part) => `test:run:{${runId}}:${part}`).sort(),
      );
      expect(await client.pTTL(`test:run:{${runId}}:meta`)).toBe(-1);
      expect(await client.sendCommand(["XRANGE", `test:run:{${runId}}:events`, "-", "+"])).toMatchObject([
        ["0-1", ["event", expect.any(String)]],
      ]);
      await store.finish(runId, { type: "terminal", id: 2, status: "success" }, 50_000);
      for (const key of keys) {
        const ttl = await client.pTTL(key);
        expect(ttl).toBeGreaterThan(0);
        expect(ttl).toBeLessThanOrEqual(50_000);
      }
      await closeClient(client);
    });

    it("keeps no TTL when ttlMs is Infinity", async () => {
      const client = await connect();
      const store = redisRunStore(nodeRedisCommands(client));
      const runId = `forever-${crypto.randomUUID()}`;
      await store.create({ runId, createdAt: 1, metadata: {}, leaseMs: 60_000 });
      await store.finish(runId, { type: "terminal", id: 1, status: "success" }, Number.POSITIVE_INFINITY);
      expect(await client.pTTL(`rivulet:run:{${runId}}:meta`)).toBe(-1);
      await client.del([
        `rivulet:run:{${runId}}:meta`,
        `rivulet:run:{${runId}}:events`,
        `rivulet:run:{${runId}}:lease`,
      ]);
      await closeClient(client);
    });
  });
});

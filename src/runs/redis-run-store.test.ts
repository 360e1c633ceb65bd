import { createClient } from "redis";
import { AIMessageChunk, RunnableGenerator } from "rivulet";
import type { AgentInput } from "rivulet/agents";
import { createRunManager, nodeRedisCommands, type RedisCommands, redisRunStore } from "rivulet/runs";
import { normalizeIds, toArray } from "rivulet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, redisAvailability, startRedisServer } from "../../test/support/redis-server.js";
import { describeRunStoreContract } from "../../test/support/run-store-contract.js";
import { weatherAgent } from "./test-support/weather-agent.js";

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
      await store.append(runId, [
        {
          type: "event",
          id: 1,
          event: {
            event: "on_custom_event",
            name: "x",
            run_id: "r",
            tags: [],
            metadata: {},
            data: {},
            parent_ids: [],
          },
        },
      ]);
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

  describe("alias keys", () => {
    it("keeps an alias in <prefix>alias:{<alias>}, a string with the claim's PX expiry (none for Infinity)", async () => {
      const client = await connect();
      const store = redisRunStore(nodeRedisCommands(client), { keyPrefix: "test:run:" });
      const alias = `chat-${crypto.randomUUID()}`;
      await store.claimAlias(alias, "run-1", { previous: undefined, ttlMs: 50_000 });
      const key = `test:run:alias:{${alias}}`;
      expect(await client.get(key)).toBe("run-1");
      const ttl = await client.pTTL(key);
      expect(ttl).toBeGreaterThan(0);
      expect(ttl).toBeLessThanOrEqual(50_000);
      await store.claimAlias(alias, "run-2", { previous: "run-1", ttlMs: Number.POSITIVE_INFINITY });
      expect(await client.get(key)).toBe("run-2");
      expect(await client.pTTL(key)).toBe(-1);
      await client.del(key);
      await closeClient(client);
    });
  });

  describe("createRunManager on redisRunStore, two managers on two connections", () => {
    it("records an agent run as streamEvents gives it, replayed by the other manager from every boundary", async () => {
      const store = redisRunStore(nodeRedisCommands(await connect()));
      const otherStore = redisRunStore(nodeRedisCommands(await connect()));
      const input: AgentInput = { messages: [["user", "Weather in Paris and Oslo?"]] };
      const direct = await toArray(weatherAgent().streamEvents(input, { version: "v2" }));
      const owner = createRunManager({ store });
      const reader = createRunManager({ store: otherStore });
      const { runId, done } = await owner.start(weatherAgent(), input);
      const live = toArray(reader.read(runId));
      await done;
      const log = await live;
      const events = log.flatMap((entry) => (entry.type === "event" ? [entry.event] : []));
      const plain = (value: unknown): unknown => normalizeIds(JSON.parse(JSON.stringify(value)));
      expect(plain(events)).toEqual(plain(direct));
      // Chunks come back as the classes they were, not plain JSON.
      const chunk = events.find((event) => event.event === "on_chat_model_stream");
      expect(chunk?.data.chunk).toBeInstanceOf(AIMessageChunk);
      expect(log.at(-1)).toMatchObject({ type: "terminal", status: "success", id: events.length + 1 });
      for (let after = 0; after <= log.length; after++) {
        expect(plain(await toArray(reader.read(runId, { after })))).toEqual(plain(log.slice(after)));
      }
    });

    it("cancels from the other manager: the owner's run stops as cancelled", async () => {
      const owner = createRunManager({ store: redisRunStore(nodeRedisCommands(await connect())) });
      const other = createRunManager({ store: redisRunStore(nodeRedisCommands(await connect())) });
      let signal: AbortSignal | undefined;
      const runnable = new RunnableGenerator<unknown, string>({
        generator: async function* (_input, config) {
          signal = config.signal;
          yield "started";
          await new Promise((_resolve, reject) => {
            config.signal?.addEventListener("abort", () => reject(config.signal?.reason), { once: true });
          });
        },
      });
      const { runId, done } = await owner.start(runnable, 1);
      const reader = other.read(runId)[Symbol.asyncIterator]();
      let first = await reader.next();
      while (
        !first.done &&
        !(first.value.type === "event" && first.value.event.event === "on_chain_stream")
      ) {
        first = await reader.next();
      }
      expect(await other.cancel(runId)).toBe(true);
      await done;
      expect(signal?.aborted).toBe(true);
      const rest = await toArray({ [Symbol.asyncIterator]: () => reader });
      expect(rest.at(-1)).toMatchObject({
        type: "terminal",
        status: "cancelled",
        error: { code: "aborted" },
      });
      expect((await other.info(runId)).status).toBe("cancelled");
    });
  });
});

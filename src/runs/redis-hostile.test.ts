import { createClient } from "redis";
import { RunnableGenerator } from "rivulet";
import { createRunManager, nodeRedisCommands, type RunStore, redisRunStore } from "rivulet/runs";
import { toArray } from "rivulet/testing";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, redisAvailability, startRedisServer } from "../../test/support/redis-server.js";

const redis = redisAvailability();
const newClient = (url: string) => createClient({ url });
let server: RedisServer | undefined;
let client: ReturnType<typeof newClient> | undefined;

function connected() {
  if (client === undefined) throw new Error("redis-server is not running");
  return client;
}

/** Yields `count` numbers, then waits for its signal when `hang` (a run that never ends by itself). */
function producer(count: number, hang = false) {
  return new RunnableGenerator<unknown, number>({
    generator: async function* (_input, config) {
      for (let index = 0; index < count; index++) yield index;
      if (hang)
        await new Promise((_, reject) =>
          config.signal?.addEventListener("abort", () => reject(config.signal?.reason), { once: true }),
        );
    },
  });
}

/** Every key under `prefix` with its PTTL (-1: no expiry). */
async function keysWithTtl(prefix: string): Promise<Map<string, number>> {
  const found = new Map<string, number>();
  for await (const keys of connected().scanIterator({ MATCH: `${prefix}*`, COUNT: 1000 })) {
    for (const key of keys) found.set(key, await connected().pTTL(key));
  }
  return found;
}

const never = () => () => {};

describe.skipIf(!redis.available && !redis.required)(
  `Redis runs leave nothing without expiry ${redis.skipReason}`,
  () => {
    beforeAll(async () => {
      server = await startRedisServer();
      client = newClient(server.url);
      client.on("error", () => undefined);
      await client.connect();
    }, 20_000);
    afterAll(async () => {
      await client?.close();
      await server?.stop();
    });

    it("ended, cancelled, cancelled-after-the-end, lost runs and claimed aliases all carry a PTTL", async () => {
      const prefix = "hostile:a:";
      const store = redisRunStore(nodeRedisCommands(connected()), { keyPrefix: prefix });
      const runs = createRunManager({ store, ttlMs: 60_000, leaseMs: 200, idleMs: 20 });
      const ended = await runs.start(producer(300), {});
      await ended.done;
      const cancelled = await runs.start(producer(5, true), {});
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(await runs.cancel(cancelled.runId)).toBe(true);
      await cancelled.done;
      // A cancel request straight to the store after the end (a racing instance).
      expect(await store.requestCancel(ended.runId)).toBe(true);
      // An owner that stops renewing (killed): a reader ends it as run_lost.
      const orphanOwner = createRunManager({ store, ttlMs: 60_000, leaseMs: 100, schedule: never });
      const orphan = await orphanOwner.start(producer(3, true), {});
      const lost = await toArray(runs.read(orphan.runId));
      expect(lost.at(-1)).toMatchObject({ error: { code: "run_lost" } });
      await store.claimAlias("chat-1", ended.runId, { previous: undefined, ttlMs: 60_000 });
      await orphanOwner.close();
      const keys = await keysWithTtl(prefix);
      expect(keys.size).toBeGreaterThanOrEqual(9);
      const withoutExpiry = [...keys].filter(([, ttl]) => !(ttl > 0));
      expect(withoutExpiry).toEqual([]);
    });

    it("a run whose owner stopped renewing and that nobody read is gone after lease + ttl", async () => {
      const prefix = "hostile:b:";
      const store = redisRunStore(nodeRedisCommands(connected()), { keyPrefix: prefix });
      const owner = createRunManager({ store, ttlMs: 300, leaseMs: 200, schedule: never });
      await owner.start(producer(50, true), {});
      await new Promise((resolve) => setTimeout(resolve, 50));
      const during = await keysWithTtl(prefix);
      expect(during.size).toBeGreaterThanOrEqual(3);
      expect([...during].filter(([, ttl]) => !(ttl > 0))).toEqual([]);
      await new Promise((resolve) => setTimeout(resolve, 650));
      expect(await keysWithTtl(prefix)).toEqual(new Map());
      await owner.close();
      expect(await keysWithTtl(prefix)).toEqual(new Map());
    });

    it("an append rejecting once mid-run on Redis: the terminal follows the last stored event; a replay abort stops at once", async () => {
      const inner = redisRunStore(nodeRedisCommands(connected()), { keyPrefix: "hostile:c:" });
      let appends = 0;
      const store: RunStore = {
        ...inner,
        async append(runId, entries) {
          appends += 1;
          if (appends === 3) throw new Error("connection reset");
          return inner.append(runId, entries);
        },
      };
      const runs = createRunManager({ store });
      const slowish = new RunnableGenerator<unknown, number>({
        generator: async function* () {
          for (let index = 0; index < 400; index++) {
            if (index % 20 === 0) await new Promise((resolve) => setTimeout(resolve, 1));
            yield index;
          }
        },
      });
      const { runId, done } = await runs.start(slowish, {});
      await done;
      const log = await toArray(runs.read(runId));
      expect(log.map((entry) => entry.id)).toEqual(log.map((_, index) => index + 1));
      expect(log.at(-1)).toMatchObject({ type: "terminal", status: "error" });
      const reader = new AbortController();
      const seen: number[] = [];
      await expect(
        (async () => {
          for await (const entry of runs.read(runId, { signal: reader.signal })) {
            seen.push(entry.id);
            reader.abort();
          }
        })(),
      ).rejects.toThrow();
      expect(seen).toEqual([1]);
    });
  },
);

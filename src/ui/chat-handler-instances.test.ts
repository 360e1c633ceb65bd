// chatHandler with runs behind a load balancer: two handlers (two instances) on one store, in
// memory and on a real redis-server. The chat's run is found through the store's alias, so a
// resume or a stop works on the instance that did not start it, and two instances starting a
// turn for the same chat at once cannot both win.
import { createClient } from "redis";
import { AIMessage } from "rivulet";
import { memoryRunStore, nodeRedisCommands, type RunStore, redisRunStore } from "rivulet/runs";
import { FakeStreamingChatModel } from "rivulet/testing";
import { type ChatApp, chatHandler } from "rivulet/ui";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, redisAvailability, startRedisServer } from "../../test/support/redis-server.js";
import {
  chunksOf,
  heldModel,
  lastMessage,
  send,
  textOf,
  transportFor,
  userMessage,
} from "./test-support/chat-runs-fixture.js";

const redis = redisAvailability();
const newClient = (url: string) => createClient({ url });
type Client = ReturnType<typeof newClient>;

/** Two stores on one backend: the instances' views of it. */
interface SharedStore {
  readonly first: RunStore;
  readonly second: RunStore;
}

const chatId = (label: string) => `${label}-${crypto.randomUUID()}`;

function post(app: ChatApp, id: string): Promise<Response> {
  const body = JSON.stringify({ id, messages: [userMessage], trigger: "submit-message" });
  return app.fetch(new Request("http://x/api/chat", { method: "POST", body }));
}

function stop(app: ChatApp, id: string): Promise<Response> {
  return app.fetch(new Request(`http://x/api/chat/${id}/stop`, { method: "POST" }));
}

/** The cross-instance cases, on stores `open` builds (one backend, two views of it). */
function describeTwoInstances(name: string, open: () => Promise<SharedStore>): void {
  describe(`chatHandler with runs, two instances on ${name}`, () => {
    const instances = async (ttlMs?: number) => {
      const { first, second } = await open();
      const a = heldModel(4);
      const b = heldModel(4);
      const appA = chatHandler(a.model, { input: (messages) => messages, runs: { store: first, ttlMs } });
      const appB = chatHandler(b.model, { input: (messages) => messages, runs: { store: second, ttlMs } });
      return { a, b, appA, appB, first, second };
    };

    it("resumes on B the answer A streams: the same whole message, then nothing once it finished", async () => {
      const plain = chatHandler(new FakeStreamingChatModel({ responses: [new AIMessage("Hello world")] }), {
        input: (messages) => messages,
        runs: { store: memoryRunStore() },
      });
      const expected = await lastMessage(await send(transportFor(plain), "plain"));
      const { a, appA, appB } = await instances();
      const id = chatId("resume");
      const first = (await send(transportFor(appA), id)).getReader();
      const start = await first.read();
      await a.state.held.promise;
      await first.cancel(); // the client leaves A; its reconnect lands on B
      const resumed = await transportFor(appB).reconnectToStream({ chatId: id });
      expect(resumed).not.toBeNull();
      a.state.release();
      const message = await lastMessage(resumed ?? new ReadableStream());
      expect(message?.parts).toEqual(expected?.parts);
      expect(textOf(message)).toBe("Hello world");
      expect(start.value).toEqual({ type: "start", messageId: message?.id });
      expect(await transportFor(appB).reconnectToStream({ chatId: id })).toBeNull();
      expect(await transportFor(appA).reconnectToStream({ chatId: id })).toBeNull();
    });

    it("stops from B the run A owns: A's model aborts and the partial message stays, on both", async () => {
      const { a, appA, appB } = await instances();
      const id = chatId("stop");
      const live = await send(transportFor(appA), id);
      const signal = await a.state.held.promise;
      const stopped = await stop(appB, id);
      expect(stopped.status).toBe(202);
      expect(await stopped.json()).toEqual({ chat_id: id, stopped: true });
      const liveChunks = await chunksOf(live);
      expect(signal?.aborted).toBe(true);
      expect(liveChunks.at(-1)).toEqual({ type: "abort" });
      for (const app of [appB, appA]) {
        const resumed = await transportFor(app).reconnectToStream({ chatId: id });
        const [forChunks, forMessage] = (resumed ?? new ReadableStream()).tee();
        const [chunks, message] = await Promise.all([chunksOf(forChunks), lastMessage(forMessage)]);
        expect(chunks).toEqual(liveChunks);
        expect(message?.parts).toEqual([
          { type: "step-start" },
          { type: "text", text: "Hel", state: "done" },
        ]);
      }
      expect(await (await stop(appA, id)).json()).toEqual({ chat_id: id, stopped: false });
      // The chat is free again: a new turn starts on either instance.
      const next = await post(appB, id);
      expect(next.status).toBe(200);
      await next.body?.cancel();
      // Held too: stop it from A and read it to its end, so no run outlives the test.
      expect(await (await stop(appA, id)).json()).toEqual({ chat_id: id, stopped: true });
      const rest = await transportFor(appA).reconnectToStream({ chatId: id });
      expect((await chunksOf(rest ?? new ReadableStream())).at(-1)).toEqual({ type: "abort" });
    });

    it("lets exactly one of two turns started at once for one chat on A and B stream; the other is a 409", async () => {
      const { a, b, appA, appB } = await instances();
      const id = chatId("race");
      const responses = await Promise.all([post(appA, id), post(appB, id)]);
      expect(responses.map((response) => response.status).sort()).toEqual([200, 409]);
      const winner = responses.findIndex((response) => response.status === 200);
      const loser = responses[1 - winner];
      expect(await loser?.json()).toEqual({ detail: expect.stringContaining("already has an answer") });
      await (winner === 0 ? a : b).state.held.promise;
      // Resumed while it is still held: once it finished, a resume rightly answers 204.
      const resumed = await transportFor(winner === 0 ? appB : appA).reconnectToStream({ chatId: id });
      if (resumed === null) throw new Error("the running answer was not found on the other instance");
      (winner === 0 ? a : b).state.release();
      const message = await lastMessage(resumed);
      expect(textOf(message)).toBe("Hello world");
      await responses[winner]?.text();
    });

    it("keeps the chat's alias while a run outlasts ttlMs (the owner refreshes it), so B still finds it", async () => {
      const { a, appA, appB } = await instances(150);
      const id = chatId("long");
      const live = await send(transportFor(appA), id);
      await a.state.held.promise;
      await new Promise((resolve) => setTimeout(resolve, 500));
      const resumed = await transportFor(appB).reconnectToStream({ chatId: id });
      expect(resumed).not.toBeNull();
      a.state.release();
      expect(textOf(await lastMessage(resumed ?? new ReadableStream()))).toBe("Hello world");
      await chunksOf(live);
    }, 10_000);
  });
}

describeTwoInstances("one memory store", async () => {
  const store = memoryRunStore();
  return { first: store, second: store };
});

describe.skipIf(!redis.available && !redis.required)(
  `on a real redis-server ${redis.skipReason}`.trim(),
  () => {
    let server: RedisServer | undefined;
    const clients: Client[] = [];
    beforeAll(async () => {
      server = await startRedisServer();
    });
    afterAll(async () => {
      await Promise.all(clients.splice(0).map((client) => client.close()));
      await server?.stop();
    });
    const connect = async () => {
      if (server === undefined) throw new Error("redis-server is not running");
      const client = newClient(server.url);
      client.on("error", () => undefined);
      await client.connect();
      clients.push(client);
      return client;
    };
    describeTwoInstances("one Redis (two connections)", async () => ({
      first: redisRunStore(nodeRedisCommands(await connect())),
      second: redisRunStore(nodeRedisCommands(await connect())),
    }));
  },
);

describe("chatHandler with runs: the chat's alias", () => {
  it("is gone one ttlMs after a stopped run ended: B answers 204 and the store resolves nothing", async () => {
    let now = 1_000_000;
    const store = memoryRunStore({ clock: () => now });
    const { model, state } = heldModel(4);
    const options = { input: (messages: unknown) => messages, runs: { store, ttlMs: 60_000 } };
    const appA = chatHandler(model, options);
    const appB = chatHandler(new FakeStreamingChatModel({}), options);
    const id = chatId("ttl");
    const live = await send(transportFor(appA), id);
    await state.held.promise;
    await stop(appB, id);
    await chunksOf(live);
    now += 59_000;
    expect(await store.resolveAlias(id)).toEqual(expect.any(String));
    expect((await appB.fetch(new Request(`http://x/api/chat/${id}/stream`))).status).toBe(200);
    now += 1_001;
    expect(await store.resolveAlias(id)).toBeUndefined();
    expect((await appB.fetch(new Request(`http://x/api/chat/${id}/stream`))).status).toBe(204);
  });

  it("refuses a chat id outside the run id rule with a 422 that says so", async () => {
    const app = chatHandler(new FakeStreamingChatModel({}), {
      input: (messages) => messages,
      runs: { store: memoryRunStore() },
    });
    const response = await post(app, "has space");
    expect(response.status).toBe(422);
    expect(await response.json()).toEqual({ detail: expect.stringContaining("chat id must be") });
  });
});

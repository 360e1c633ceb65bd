// chatHandler with `runs`: answers are durable runs, resumed with ai 6's own transport and
// reader (the AI SDK's resume protocol) and stopped for real.
import { AIMessage } from "rivulet";
import { memoryRunStore } from "rivulet/runs";
import { HttpError } from "rivulet/serve";
import { FakeStreamingChatModel } from "rivulet/testing";
import { chatHandler } from "rivulet/ui";
import { describe, expect, it } from "vitest";
import {
  chunksOf,
  heldModel,
  lastMessage,
  send,
  textOf,
  transportFor,
  userMessage,
} from "./test-support/chat-runs-fixture.js";

describe("chatHandler with runs", () => {
  it("a client that leaves mid-answer resumes the same message from its start, and the run went on", async () => {
    const plain = transportFor(
      chatHandler(new FakeStreamingChatModel({ responses: [new AIMessage("Hello world")] }), {
        input: (messages) => messages,
        runs: { store: memoryRunStore() },
      }),
    );
    const expected = await lastMessage(await send(plain, "c0"));

    const { model, state } = heldModel(4);
    const app = chatHandler(model, { input: (messages) => messages, runs: { store: memoryRunStore() } });
    const transport = transportFor(app);
    const first = (await send(transport, "c1")).getReader();
    const start = await first.read();
    await state.held.promise;
    await first.cancel(); // the client leaves: the run must not stop
    const resumed = await transport.reconnectToStream({ chatId: "c1" });
    expect(resumed).not.toBeNull();
    state.release();
    const message = await lastMessage(resumed ?? new ReadableStream());
    expect(message?.parts).toEqual(expected?.parts);
    expect(message?.parts).toContainEqual(expect.objectContaining({ type: "text", text: "Hello world" }));
    expect(start.value).toEqual({ type: "start", messageId: message?.id });
    // finished: nothing to resume
    expect(await transport.reconnectToStream({ chatId: "c1" })).toBeNull();
  });

  it("answers 204 to a resume when the chat has nothing active", async () => {
    const app = chatHandler(new FakeStreamingChatModel({}), {
      input: (messages) => messages,
      runs: { store: memoryRunStore() },
    });
    const response = await app.fetch(new Request("http://x/api/chat/nobody/stream"));
    expect(response.status).toBe(204);
    expect(await transportFor(app).reconnectToStream({ chatId: "nobody" })).toBeNull();
  });

  it("stop cancels the run (the model's signal aborts) and keeps the partial message, ending with abort", async () => {
    const { model, state } = heldModel(4);
    const app = chatHandler(model, { input: (messages) => messages, runs: { store: memoryRunStore() } });
    const transport = transportFor(app);
    const live = await send(transport, "c2");
    const signal = await state.held.promise;
    const stop = await app.fetch(new Request("http://x/api/chat/c2/stop", { method: "POST" }));
    expect(stop.status).toBe(202);
    expect(await stop.json()).toEqual({ chat_id: "c2", stopped: true });
    const liveChunks = await chunksOf(live);
    expect(signal?.aborted).toBe(true);
    expect(liveChunks.at(-1)).toEqual({ type: "abort" });

    const resumed = await transport.reconnectToStream({ chatId: "c2" });
    const [forChunks, forMessage] = (resumed ?? new ReadableStream()).tee();
    const [resumedChunks, message] = await Promise.all([chunksOf(forChunks), lastMessage(forMessage)]);
    expect(resumedChunks).toEqual(liveChunks);
    expect(message?.parts[0]).toEqual({ type: "step-start" });
    expect(message?.parts.length).toBe(2);
    // The partial answer itself: the three characters streamed before the model was held.
    expect(message?.parts[1]).toMatchObject({ type: "text", text: "Hel" });
    expect(textOf(message)).toBe("Hel");
    const again = await app.fetch(new Request("http://x/api/chat/c2/stop", { method: "POST" }));
    expect(await again.json()).toEqual({ chat_id: "c2", stopped: false });
  });

  it("refuses a second answer while one streams (409), and a body without a chat id (422)", async () => {
    const { model, state } = heldModel(2);
    const app = chatHandler(model, { input: (messages) => messages, runs: { store: memoryRunStore() } });
    const post = (body: unknown) =>
      app.fetch(new Request("http://x/api/chat", { method: "POST", body: JSON.stringify(body) }));
    const first = await post({ id: "c3", messages: [userMessage], trigger: "submit-message" });
    await state.held.promise;
    const second = await post({ id: "c3", messages: [userMessage], trigger: "submit-message" });
    expect(second.status).toBe(409);
    expect((await post({ messages: [userMessage] })).status).toBe(422);
    state.release();
    await first.text();
  });

  it("without runs, the resume and stop routes do not exist and a disconnect still cancels", async () => {
    const { model, state } = heldModel(4);
    const app = chatHandler(model, { input: (messages) => messages });
    expect((await app.fetch(new Request("http://x/api/chat/c4/stream"))).status).toBe(404);
    expect((await app.fetch(new Request("http://x/api/chat/c4/stop", { method: "POST" }))).status).toBe(404);
    const reader = (await send(transportFor(app), "c4")).getReader();
    await reader.read();
    const signal = await state.held.promise;
    await reader.cancel();
    await vi_waitFor(() => signal?.aborted === true);
    expect(signal?.aborted).toBe(true);
  });
});

async function vi_waitFor(condition: () => boolean): Promise<void> {
  for (let turn = 0; turn < 100 && !condition(); turn += 1)
    await new Promise((resolve) => setTimeout(resolve, 5));
}

describe("chatHandler with runs on a serverless runtime", () => {
  it("hands the detached run to ctx.waitUntil, which settles once the run ended and its alias was set", async () => {
    const { model, state } = heldModel(4);
    const store = memoryRunStore();
    const app = chatHandler(model, { input: (messages) => messages, runs: { store } });
    const kept: Array<Promise<unknown>> = [];
    const body = JSON.stringify({ id: "w1", messages: [userMessage], trigger: "submit-message" });
    const response = await app.fetch(new Request("http://test/api/chat", { method: "POST", body }), {
      waitUntil: (promise) => kept.push(promise),
    });
    expect(response.status).toBe(200);
    expect(kept).toHaveLength(1);
    await state.held.promise;
    await response.body?.cancel(); // the client leaves; the runtime must keep the run alive
    let settled = false;
    void kept[0]?.then(() => {
      settled = true;
    });
    await new Promise((resolve) => setTimeout(resolve, 10));
    expect(settled).toBe(false);
    state.release();
    await kept[0];
    const runId = (await store.resolveAlias("w1")) ?? "";
    expect((await store.info(runId))?.status).toBe("success");
    // Without runs there is nothing detached: the answer follows the request.
    const plain = chatHandler(new FakeStreamingChatModel({ responses: [new AIMessage("hi")] }), {
      input: (messages) => messages,
    });
    const ignored: Array<Promise<unknown>> = [];
    await plain.fetch(new Request("http://test/api/chat", { method: "POST", body }), {
      waitUntil: (promise) => ignored.push(promise),
    });
    expect(ignored).toHaveLength(0);
  });
});

describe("chatHandler authorize", () => {
  it("asks before every send, resume and stop, with the chat id; a thrown HttpError is the answer and nothing runs", async () => {
    const { model, state } = heldModel(4);
    const asked: Array<{ chatId: string | undefined; action: string }> = [];
    const app = chatHandler(model, {
      input: (messages) => messages,
      runs: { store: memoryRunStore() },
      authorize: (request, access) => {
        asked.push(access);
        if (request.headers.get("x-user") !== "ann") throw new HttpError("Not your chat", { status: 403 });
      },
    });
    const body = JSON.stringify({ id: "a1", messages: [userMessage], trigger: "submit-message" });
    const as = (user: string, path: string, method: string, withBody: string | null = null) =>
      app.fetch(new Request(`http://x${path}`, { method, headers: { "x-user": user }, body: withBody }));
    expect((await as("eve", "/api/chat", "POST", body)).status).toBe(403);
    let calls = 0;
    void state.held.promise.then(() => {
      calls += 1;
    });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(calls).toBe(0);
    const live = await as("ann", "/api/chat", "POST", body);
    expect(live.status).toBe(200);
    await state.held.promise;
    expect((await as("eve", "/api/chat/a1/stream", "GET")).status).toBe(403);
    const refusedStop = await as("eve", "/api/chat/a1/stop", "POST");
    expect(refusedStop.status).toBe(403);
    expect(await refusedStop.json()).toEqual({ detail: "Not your chat" });
    expect((await as("ann", "/api/chat/a1/stop", "POST")).status).toBe(202);
    await live.text();
    expect(asked).toEqual([
      { chatId: "a1", action: "send" },
      { chatId: "a1", action: "send" },
      { chatId: "a1", action: "resume" },
      { chatId: "a1", action: "stop" },
      { chatId: "a1", action: "stop" },
    ]);
    // @ts-expect-error: a string is not a hook, and JavaScript callers are told so at once.
    expect(() => chatHandler(model, { authorize: "yes" })).toThrow(/authorize/);
  });
});

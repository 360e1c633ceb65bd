// chatHandler with runs under attack: racing turns, stray stops and resumes, hostile chat ids.
import { AIMessage } from "rivulet";
import { memoryRunStore } from "rivulet/runs";
import { FakeStreamingChatModel } from "rivulet/testing";
import { chatHandler } from "rivulet/ui";
import { describe, expect, it } from "vitest";
import {
  heldModel,
  lastMessage,
  send,
  textOf,
  transportFor,
  userMessage,
} from "./test-support/chat-runs-fixture.js";

function turn(chatId: unknown) {
  return new Request("http://test/api/chat", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ id: chatId, messages: [userMessage], trigger: "submit-message" }),
  });
}

describe("chatHandler runs under attack", () => {
  it("two concurrent POSTs for one chat on one instance: one streams, the other is 409", async () => {
    const { model, state } = heldModel(3);
    const app = chatHandler(model, { input: (messages) => messages, runs: { store: memoryRunStore() } });
    const answers = await Promise.all([app.fetch(turn("c1")), app.fetch(turn("c1"))]);
    expect(answers.map((response) => response.status).sort()).toEqual([200, 409]);
    const streaming = answers.find((response) => response.status === 200);
    const refused = answers.find((response) => response.status === 409);
    expect(await refused?.json()).toMatchObject({ detail: expect.stringMatching(/stop it first/) });
    await state.held.promise;
    state.release();
    expect(await streaming?.text()).toContain("Hello world".slice(0, 1));
  });

  it("stop with no run is 202 stopped: false; resume with none, or after the run ended, is 204", async () => {
    const app = chatHandler(new FakeStreamingChatModel({ responses: [new AIMessage("Hello world")] }), {
      input: (messages) => messages,
      runs: { store: memoryRunStore() },
    });
    const stop = await app.fetch(new Request("http://test/api/chat/nobody/stop", { method: "POST" }));
    expect(stop.status).toBe(202);
    expect(await stop.json()).toEqual({ chat_id: "nobody", stopped: false });
    expect((await app.fetch(new Request("http://test/api/chat/nobody/stream"))).status).toBe(204);
    const transport = transportFor(app);
    expect(textOf(await lastMessage(await send(transport, "done")))).toBe("Hello world");
    expect((await app.fetch(new Request("http://test/api/chat/done/stream"))).status).toBe(204);
    const late = await app.fetch(new Request("http://test/api/chat/done/stop", { method: "POST" }));
    expect(await late.json()).toEqual({ chat_id: "done", stopped: false });
  });

  it("a chat id that is another chat's run id reaches nothing of that chat", async () => {
    const store = memoryRunStore();
    const { model, state } = heldModel(3);
    const app = chatHandler(model, { input: (messages) => messages, runs: { store } });
    const first = await app.fetch(turn("chat-a"));
    await state.held.promise;
    const runId = (await store.resolveAlias("chat-a")) ?? "";
    expect(runId).not.toBe("");
    expect((await app.fetch(new Request(`http://test/api/chat/${runId}/stream`))).status).toBe(204);
    const stop = await app.fetch(new Request(`http://test/api/chat/${runId}/stop`, { method: "POST" }));
    expect(await stop.json()).toEqual({ chat_id: runId, stopped: false });
    state.release();
    expect(await first.text()).toContain('"type":"finish"');
  });

  it("hostile chat ids are 422 that say what a chat id must be; non-object bodies are 4xx", async () => {
    const app = chatHandler(new FakeStreamingChatModel({ responses: [new AIMessage("hi")] }), {
      input: (messages) => messages,
      runs: { store: memoryRunStore() },
    });
    for (const id of ["ünï", "x".repeat(10_000), "a b", "a/b", 7, ["c1"], { id: "c1" }, "", null]) {
      const response = await app.fetch(turn(id));
      expect(response.status, JSON.stringify(id).slice(0, 20)).toBe(422);
      expect(await response.text()).toMatch(/chat id/);
    }
    for (const id of [encodeURIComponent("ünï"), "x".repeat(10_000), "%20"]) {
      const resume = await app.fetch(new Request(`http://test/api/chat/${id}/stream`));
      expect(resume.status).toBe(422);
      const stop = await app.fetch(new Request(`http://test/api/chat/${id}/stop`, { method: "POST" }));
      expect(stop.status).toBe(422);
    }
    for (const body of ["[]", "null", "3", "{", ""]) {
      const response = await app.fetch(
        new Request("http://test/api/chat", {
          method: "POST",
          body,
          headers: { "content-type": "application/json" },
        }),
      );
      expect(response.status, body).toBeGreaterThanOrEqual(400);
      expect(response.status, body).toBeLessThan(500);
    }
  });
});

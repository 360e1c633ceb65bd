// The last JavaScript LangServe client, @langchain/core 0.3.80's RemoteRunnable, against our server
// in its default (langserve) dialect: what existing users of that client get.
import { AIMessageChunk as LangChainAIMessageChunk } from "langchain-core-03/messages";
import { RemoteRunnable as LangChainRemoteRunnable } from "langchain-core-03/runnables/remote";
import { RunnableGenerator, RunnableLambda } from "rivulet";
import { listen, serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";

type App = { fetch(request: Request): Promise<Response> };
const through = (app: App) => (input: string, init: RequestInit) => app.fetch(new Request(input, init));

function chatApp() {
  const prompt = RunnableLambda.from((input: { topic: string }) => `Tell me about ${input.topic}`).withConfig(
    {
      runName: "prompt",
    },
  );
  return serve({ "/chat": prompt.pipe(new FakeListChatModel({ responses: ["Hi!"] })) }, { heartbeat: false });
}

describe("@langchain/core 0.3.80's RemoteRunnable against rivulet/serve", () => {
  it("invokes and batches, reviving the AI message", async () => {
    const remote = new LangChainRemoteRunnable({
      url: "http://rivulet.test/chat",
      fetch: through(chatApp()),
    });
    const output = await remote.invoke({ topic: "parrots" });
    expect(output).toBeInstanceOf(LangChainAIMessageChunk);
    expect(output).toMatchObject({ content: "Hi!" });
    const outputs = await remote.batch([{ topic: "a" }, { topic: "b" }]);
    expect(outputs.map((message) => (message as LangChainAIMessageChunk).content)).toEqual(["Hi!", "Hi!"]);
  });

  it("streams message chunks, revived as AIMessageChunk", async () => {
    const remote = new LangChainRemoteRunnable({
      url: "http://rivulet.test/chat",
      fetch: through(chatApp()),
    });
    const chunks: unknown[] = [];
    for await (const chunk of await remote.stream({ topic: "parrots" })) chunks.push(chunk);
    expect(chunks.map((chunk) => (chunk as LangChainAIMessageChunk).content)).toEqual(["H", "i", "!"]);
    for (const chunk of chunks) expect(chunk).toBeInstanceOf(LangChainAIMessageChunk);
  });

  it("streams events (v2) with the nested runs and their chunks", async () => {
    const remote = new LangChainRemoteRunnable({
      url: "http://rivulet.test/chat",
      fetch: through(chatApp()),
    });
    const events: { event: string; name: string; data: Record<string, unknown> }[] = [];
    for await (const event of remote.streamEvents({ topic: "parrots" }, { version: "v2" }))
      events.push(event);
    const names = events.map((event) => `${event.event}:${event.name}`);
    expect(names).toEqual(
      expect.arrayContaining([
        "on_chain_start:prompt",
        "on_chain_end:prompt",
        "on_chat_model_start:FakeListChatModel",
        "on_chat_model_stream:FakeListChatModel",
        "on_chat_model_end:FakeListChatModel",
      ]),
    );
    const streamed = events.filter((event) => event.event === "on_chat_model_stream");
    expect(streamed.map((event) => (event.data.chunk as LangChainAIMessageChunk).content)).toEqual([
      "H",
      "i",
      "!",
    ]);
    expect(streamed[0]?.data.chunk).toBeInstanceOf(LangChainAIMessageChunk);
  });

  it("streams the run log, whose state has the final output and the nested runs", async () => {
    const remote = new LangChainRemoteRunnable({
      url: "http://rivulet.test/chat",
      fetch: through(chatApp()),
    });
    const patches: { ops: { op: string; path: string }[] }[] = [];
    for await (const patch of remote.streamLog({ topic: "parrots" })) patches.push(patch);
    const paths = patches.flatMap((patch) => patch.ops.map((op) => op.path));
    expect(paths[0]).toBe("");
    expect(paths).toEqual(
      expect.arrayContaining(["/logs/prompt", "/logs/FakeListChatModel", "/final_output"]),
    );
  });

  it("raises an error mid-stream on the client, from stream and from streamEvents", async () => {
    const failing = RunnableGenerator.from(async function* (_input: unknown) {
      yield "a";
      throw new Error("secret");
    });
    const remote = new LangChainRemoteRunnable({
      url: "http://rivulet.test",
      fetch: through(serve(failing, { heartbeat: false })),
    });
    const seen: unknown[] = [];
    const streamed = (async () => {
      for await (const chunk of await remote.stream(1)) seen.push(chunk);
    })();
    await expect(streamed).rejects.toThrow(/Internal error/);
    expect(seen).toEqual(["a"]);
    expect(JSON.stringify(seen)).not.toContain("secret");
    const evented = (async () => {
      for await (const _event of remote.streamEvents(1, { version: "v2" })) {
        // read until it fails
      }
    })();
    await expect(evented).rejects.toThrow(/Internal error/);
    await expect(remote.invoke(1)).rejects.toThrow(/500/);
  });

  it("works over real loopback with the global fetch", async () => {
    const server = await listen(chatApp(), { port: 0 });
    try {
      const remote = new LangChainRemoteRunnable({ url: `${server.url}/chat` });
      const chunks: unknown[] = [];
      for await (const chunk of await remote.stream({ topic: "parrots" })) chunks.push(chunk);
      expect(chunks).toHaveLength(3);
    } finally {
      await server.close();
    }
  });
});

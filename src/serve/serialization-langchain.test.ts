// serve(..., { serialization: "langchain" }) writes @langchain/core's own JSON (messages in the
// lc:1 form) on every route, so a frontend written against LangChain's streamEvents output keeps
// working; a client may also ask for it by header, and Rivulet's client still gets its dialect.
import { load } from "@langchain/core/load";
import { AIMessageChunk as LangChainAIMessageChunk } from "@langchain/core/messages";
import { AIMessageChunk, ChatPromptTemplate, InvalidConfigError } from "rivulet";
import { RemoteRunnable } from "rivulet/remote";
import { serve } from "rivulet/serve";
import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { frames, post } from "./test-support/requests.js";

const chain = ChatPromptTemplate.fromMessages([["human", "{q}"]]).pipe(
  new FakeStreamingChatModel({
    chunks: [
      new AIMessageChunk({ content: "Hel", id: "run-1" }),
      new AIMessageChunk({
        content: "lo",
        usage_metadata: { input_tokens: 2, output_tokens: 2, total_tokens: 4 },
      }),
    ],
  }),
);

const lcChunk = (content: string): unknown => ({
  lc: 1,
  type: "constructor",
  id: ["langchain_core", "messages", "AIMessageChunk"],
  kwargs: expect.objectContaining({ content }),
});

describe('serve with serialization: "langchain"', () => {
  const app = serve({ "/chat": chain }, { serialization: "langchain" });

  it("writes stream_events chunks in the lc form, which @langchain/core's load revives", async () => {
    const response = await post(app, "/chat/stream_events", { input: { q: "hi" } });
    expect(response.headers.get("x-rivulet-dialect")).toBe("langchain");
    const events = frames(await response.text())
      .filter(([name]) => name === "data")
      .map(([, data]) => data);
    const streamed = events.filter((event) => Reflect.get(Object(event), "event") === "on_chat_model_stream");
    expect(streamed.map((event) => Reflect.get(Object(event), "data"))).toEqual([
      { chunk: lcChunk("Hel") },
      { chunk: lcChunk("lo") },
    ]);
    const revived: unknown = await load(JSON.stringify(Reflect.get(Object(streamed[1]), "data").chunk));
    expect(revived).toBeInstanceOf(LangChainAIMessageChunk);
    expect(Reflect.get(Object(revived), "usage_metadata")).toEqual({
      input_tokens: 2,
      output_tokens: 2,
      total_tokens: 4,
    });
  });

  it("writes invoke's output in the lc form", async () => {
    const body: unknown = await (await post(app, "/chat/invoke", { input: { q: "hi" } })).json();
    expect(Reflect.get(Object(body), "output")).toEqual(lcChunk("Hello"));
  });

  it("still answers Rivulet's client in its own dialect", async () => {
    const remote = new RemoteRunnable({
      url: "http://test/chat",
      fetch: (input, init) => app.fetch(new Request(input, init)),
    });
    const output = await remote.invoke({ q: "hi" });
    expect(AIMessageChunk.isInstance(output) && output.content).toBe("Hello");
  });

  it("is what a client gets by asking with the dialect header on a default server", async () => {
    const plain = serve({ "/chat": chain });
    const response = await post(
      plain,
      "/chat/invoke",
      { input: { q: "hi" } },
      { "x-rivulet-dialect": "langchain" },
    );
    expect(Reflect.get(Object(await response.json()), "output")).toEqual(lcChunk("Hello"));
    const langserve: unknown = await (await post(plain, "/chat/invoke", { input: { q: "hi" } })).json();
    expect(Reflect.get(Object(langserve), "output")).toMatchObject({
      type: "AIMessageChunk",
      content: "Hello",
    });
  });

  it("refuses an unknown serialization at start-up", () => {
    expect(() => serve(chain, { serialization: "pickle" as "langchain" })).toThrow(InvalidConfigError);
  });
});

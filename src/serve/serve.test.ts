import { AIMessageChunk, ChatPromptTemplate, HumanMessage, RunnableLambda } from "rivulet";
import { serve } from "rivulet/serve";
import { FakeListChatModel, FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { frames, get, post } from "./test-support/requests.js";

const ids = () => {
  let next = 0;
  return () => `run-${++next}`;
};

const addOne = RunnableLambda.from((x: number) => x + 1).withConfig({ runName: "addOne" });

describe("serve: the routes of one runnable", () => {
  it("invoke answers { output, metadata: { run_id, feedback_tokens } }", async () => {
    const app = serve({ "/add": addOne }, { generateId: ids() });
    const response = await post(app, "/add/invoke", { input: 1, kwargs: {} });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/json");
    expect(response.headers.get("x-rivulet-run-id")).toBe("run-1");
    expect(await response.json()).toEqual({ output: 2, metadata: { run_id: "run-1", feedback_tokens: [] } });
  });

  it("serves a single runnable at the root", async () => {
    const app = serve(addOne, { generateId: ids() });
    expect(await (await post(app, "/invoke", { input: 41 })).json()).toMatchObject({ output: 42 });
  });

  it("batch answers one output and one run id per input", async () => {
    const app = serve({ "/add": addOne }, { generateId: ids() });
    const response = await post(app, "/add/batch", { inputs: [1, 2, 3] });
    expect(await response.json()).toEqual({
      output: [2, 3, 4],
      metadata: { run_ids: ["run-1", "run-2", "run-3"] },
    });
  });

  it("batch takes one config per input", async () => {
    const echoTag = RunnableLambda.from((_x: number, config) => config.configurable?.user);
    const app = serve({ "/who": echoTag }, { generateId: ids() });
    const body = {
      inputs: [1, 2],
      config: [{ configurable: { user: "a" } }, { configurable: { user: "b" } }],
    };
    expect(await (await post(app, "/who/batch", body)).json()).toMatchObject({ output: ["a", "b"] });
  });

  it("stream sends metadata, a data frame per chunk, then end: byte for byte", async () => {
    const model = new FakeStreamingChatModel({
      chunks: [
        new AIMessageChunk({ content: "Hi", id: "m1" }),
        new AIMessageChunk({ content: "!", id: "m1" }),
      ],
    });
    const app = serve({ "/chat": model }, { generateId: ids(), heartbeat: false });
    const response = await post(app, "/chat/stream", { input: "hello" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const chunk = (content: string) =>
      `{"content":"${content}","additional_kwargs":{},"response_metadata":{},"type":"AIMessageChunk","name":null,"id":"m1","example":false,"tool_calls":[],"invalid_tool_calls":[],"usage_metadata":null,"tool_call_chunks":[]}`;
    expect(await response.text()).toBe(
      'event: metadata\ndata: {"run_id":"run-1"}\n\n' +
        `event: data\ndata: ${chunk("Hi")}\n\n` +
        `event: data\ndata: ${chunk("!")}\n\n` +
        "event: end\n\n",
    );
  });

  it("stream sends metadata at once, before the chain produces anything", async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const slow = RunnableLambda.from(async (x: string) => {
      await gate;
      return x;
    });
    const app = serve({ "/slow": slow }, { generateId: ids(), heartbeat: false });
    const response = await post(app, "/slow/stream", { input: "x" });
    const reader = response.body!.getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toBe('event: metadata\ndata: {"run_id":"run-1"}\n\n');
    release();
    let rest = "";
    for (let step = await reader.read(); !step.done; step = await reader.read())
      rest += new TextDecoder().decode(step.value);
    expect(rest).toBe('event: data\ndata: "x"\n\nevent: end\n\n');
  });

  it("stream_log sends { ops } patches then end", async () => {
    const app = serve({ "/add": addOne }, { generateId: ids(), heartbeat: false });
    const parsed = frames(await (await post(app, "/add/stream_log", { input: 1 })).text());
    expect(parsed.at(-1)).toEqual(["end", undefined]);
    const ops = parsed.slice(0, -1).flatMap(([event, data]) => {
      expect(event).toBe("data");
      return (data as { ops: Array<{ path: string; value?: unknown }> }).ops;
    });
    expect(ops[0]).toMatchObject({ op: "replace", path: "", value: { id: "run-1", name: "addOne" } });
    expect(ops).toContainEqual({ op: "replace", path: "/final_output", value: 2 });
  });

  it("stream_log and stream_events honour the snake_case filters", async () => {
    const chain = ChatPromptTemplate.fromTemplate("say {word}").pipe(
      new FakeListChatModel({ responses: ["ok"] }),
    );
    const app = serve({ "/chain": chain }, { generateId: ids(), heartbeat: false });
    const body = { input: { word: "hi" }, include_types: ["chat_model"] };
    const events = frames(await (await post(app, "/chain/stream_events", body)).text());
    const names = events.slice(0, -1).map(([, data]) => (data as { event: string }).event);
    expect(names).toEqual([
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_stream",
      "on_chat_model_end",
    ]);
    const log = frames(await (await post(app, "/chain/stream_log", body)).text());
    const paths = log.flatMap(([, data]) =>
      data === undefined ? [] : (data as { ops: Array<{ path: string }> }).ops.map((op) => op.path),
    );
    expect(paths.some((path) => path.startsWith("/logs/FakeListChatModel"))).toBe(true);
    expect(paths.some((path) => path.startsWith("/logs/ChatPromptTemplate"))).toBe(false);
  });

  it("stream_events sends v2 events (with parent_ids) whatever the client asks for", async () => {
    const chain = RunnableLambda.from((x: number) => x).pipe(addOne);
    const app = serve({ "/chain": chain }, { generateId: ids(), heartbeat: false });
    const events = frames(
      await (await post(app, "/chain/stream_events", { input: 1, version: "v1" })).text(),
    );
    const first = events[0]![1] as { event: string; run_id: string; parent_ids: string[] };
    expect(first).toMatchObject({ event: "on_chain_start", run_id: "run-1", parent_ids: [] });
    const child = events
      .map(([, data]) => data as { name?: string; parent_ids?: string[] })
      .find((e) => e?.name === "addOne");
    expect(child?.parent_ids).toEqual(["run-1"]);
    expect(events.at(-1)).toEqual(["end", undefined]);
  });

  it("the schema routes answer JSON Schema: permissive for input and output, the allowed keys for config", async () => {
    const app = serve({ "/add": addOne }, { configKeys: ["configurable", "tags"] });
    const name = addOne.getName();
    expect(await (await get(app, "/add/input_schema")).json()).toEqual({ title: `${name}Input` });
    expect(await (await get(app, "/add/output_schema")).json()).toEqual({ title: `${name}Output` });
    const config = (await (await get(app, "/add/config_schema")).json()) as { properties: object };
    expect(config).toMatchObject({ type: "object", title: `${name}Config` });
    expect(Object.keys(config.properties)).toEqual(["configurable", "tags"]);
  });

  it("revives messages in the input (langserve shape) for a chat model", async () => {
    const model = new FakeListChatModel({ responses: ["ok"] });
    const seen: unknown[] = [];
    const spy = RunnableLambda.from((messages: unknown[]) => {
      seen.push(...messages);
      return messages;
    }).pipe(model);
    const app = serve({ "/chat": spy });
    const input = [
      { content: "hi", type: "human", additional_kwargs: {}, example: false, name: null, id: null },
    ];
    expect((await post(app, "/chat/invoke", { input })).status).toBe(200);
    expect(seen[0]).toBeInstanceOf(HumanMessage);
    expect((seen[0] as HumanMessage).content).toBe("hi");
  });

  it("routes the longest base path first and answers HEAD on schema routes", async () => {
    const app = serve({ "/a": addOne, "/a/b": RunnableLambda.from((x: number) => x * 10) });
    expect(await (await post(app, "/a/b/invoke", { input: 2 })).json()).toMatchObject({ output: 20 });
    expect(await (await post(app, "/a/invoke", { input: 2 })).json()).toMatchObject({ output: 3 });
    const head = await app.fetch(new Request("http://test/a/input_schema", { method: "HEAD" }));
    expect(head.status).toBe(200);
    expect(await head.text()).toBe("");
  });

  it("mounts under a prefix", async () => {
    const app = serve({ "/add": addOne }, { prefix: "/api/" });
    expect((await post(app, "/api/add/invoke", { input: 1 })).status).toBe(200);
    expect((await post(app, "/add/invoke", { input: 1 })).status).toBe(404);
  });
});

describe("serve: unknown routes, methods and CORS", () => {
  const app = serve({ "/add": addOne });

  it.each([
    ["/add/nope"],
    ["/other/invoke"],
    ["/add"],
    ["/add/invoke/x"],
    ["/add/playground/x"],
    ["/add/__proto__"],
  ])("%s is 404", async (path) => {
    const response = await post(app, path, { input: 1 });
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({ detail: "Not Found" });
  });

  it("a wrong method is 405 with Allow", async () => {
    const onPost = await get(app, "/add/invoke");
    expect(onPost.status).toBe(405);
    expect(onPost.headers.get("allow")).toBe("POST, OPTIONS");
    const onGet = await post(app, "/add/input_schema", {});
    expect(onGet.status).toBe(405);
    expect(onGet.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("without the cors option no CORS headers are sent", async () => {
    const response = await post(app, "/add/invoke", { input: 1 }, { origin: "https://site.example" });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("with cors, answers preflights and exposes the headers a browser client reads", async () => {
    const cors = serve({ "/add": addOne }, { cors: { origin: ["https://site.example"], credentials: true } });
    const preflight = await cors.fetch(
      new Request("http://test/add/stream", {
        method: "OPTIONS",
        headers: { origin: "https://site.example", "access-control-request-method": "POST" },
      }),
    );
    expect(preflight.status).toBe(204);
    expect(Object.fromEntries(preflight.headers)).toMatchObject({
      "access-control-allow-origin": "https://site.example",
      "access-control-allow-methods": "POST, OPTIONS",
      "access-control-allow-headers": "Content-Type, Authorization, X-Rivulet-Dialect",
      "access-control-allow-credentials": "true",
      "access-control-max-age": "600",
      vary: "Origin",
    });
    const response = await post(cors, "/add/invoke", { input: 1 }, { origin: "https://site.example" });
    expect(response.headers.get("access-control-expose-headers")).toBe(
      "Content-Type, X-Rivulet-Dialect, X-Rivulet-Run-Id",
    );
    const other = await post(cors, "/add/invoke", { input: 1 }, { origin: "https://evil.example" });
    expect(other.headers.get("access-control-allow-origin")).toBeNull();
  });

  it("cors: true allows any origin with *", async () => {
    const cors = serve({ "/add": addOne }, { cors: true });
    const response = await post(cors, "/add/invoke", { input: 1 }, { origin: "https://any.example" });
    expect(response.headers.get("access-control-allow-origin")).toBe("*");
  });
});

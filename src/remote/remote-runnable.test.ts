import {
  AIMessage,
  AIMessageChunk,
  ChatMessage,
  Document,
  HumanMessage,
  JsonOutputParser,
  RunnableGenerator,
  RunnableLambda,
  type StreamEvent,
  SystemMessage,
  ToolMessage,
} from "rivulet";
import { RemoteRunnable, RemoteRunnableError } from "rivulet/remote";
import { listen, serve } from "rivulet/serve";
import { type DelayFn, FakeListChatModel, RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

type App = { fetch(request: Request): Promise<Response> };
const through = (app: App) => (input: string, init: RequestInit) => app.fetch(new Request(input, init));
/**
 * As `through`, keeping each Request reachable: on Node 20, a `Request` that follows the caller's
 * signal can be collected mid-call (with what links the two), and then the handler never sees the abort.
 */
const held: Request[] = [];
const heldThrough = (app: App) => (input: string, init: RequestInit) => {
  const request = new Request(input, init);
  held.push(request);
  return app.fetch(request);
};
const usage = { input_tokens: 3, output_tokens: 2, total_tokens: 5 };
const toolCall = { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" as const };

function everyMessage() {
  return [
    new HumanMessage({ content: "hi", id: "h1", name: "ann" }),
    new SystemMessage("be brief"),
    new AIMessage({ content: "", tool_calls: [toolCall], usage_metadata: usage, id: "a1" }),
    new AIMessageChunk({
      content: "",
      tool_call_chunks: [{ name: "weather", args: '{"city":"Paris"}', id: "call_1", index: 0 }],
      usage_metadata: usage,
    }),
    new ToolMessage({ content: "18C", tool_call_id: "call_1", artifact: { raw: [1, 2] }, status: "success" }),
    new ChatMessage({ content: "x", role: "critic" }),
    new Document({ pageContent: "kensho", metadata: { source: "n" }, id: "d1" }),
  ];
}

async function until(condition: () => boolean): Promise<void> {
  for (let attempt = 0; attempt < 200 && !condition(); attempt++) await new Promise((r) => setTimeout(r, 5));
  expect(condition()).toBe(true);
}

describe("RemoteRunnable against rivulet/serve", () => {
  it("round-trips every message class losslessly (tool calls, chunks, usage, ids, artifacts) by invoke and batch", async () => {
    const echo = RunnableLambda.from((values: unknown[]) => values);
    const remote = new RemoteRunnable<unknown[], unknown[]>({
      url: "http://rivulet.test",
      fetch: through(serve(echo)),
    });
    expect(await remote.dialect()).toBe("rivulet");
    const values = everyMessage();
    const back = await remote.invoke(values);
    expect(back).toEqual(values);
    for (const [index, value] of back.entries()) {
      expect(Object.getPrototypeOf(value)).toBe(Object.getPrototypeOf(values[index]));
    }
    expect((back[3] as AIMessageChunk).tool_calls).toEqual([toolCall]);
    expect(await remote.batch([values, [values[0]]])).toEqual([values, [values[0]]]);
  });

  it("streams message chunks and works inside a chain", async () => {
    const model = new FakeListChatModel({ responses: ["Hello"] });
    const remote = new RemoteRunnable<string, AIMessageChunk>({
      url: "http://rivulet.test/chat/",
      fetch: through(serve({ "/chat": model })),
    });
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await remote.stream("hi")) chunks.push(chunk);
    expect(chunks.map((chunk) => chunk.content)).toEqual(["H", "e", "l", "l", "o"]);
    expect(chunks[0]).toBeInstanceOf(AIMessageChunk);
    const chain = remote.pipe(
      RunnableLambda.from((message: AIMessageChunk) => String(message.content).toUpperCase()),
    );
    expect(await chain.invoke("hi")).toBe("HELLO");
  });

  it("shows the remote runs as children in the caller's streamEvents, re-parented, and in streamLog", async () => {
    const inner = RunnableLambda.from((text: string) => `${text}!`).withConfig({ runName: "shout" });
    const app = serve({ "/chat": inner.pipe(new FakeListChatModel({ responses: ["ok"] })) });
    const remote = new RemoteRunnable<string, AIMessageChunk>({
      url: "http://rivulet.test/chat",
      fetch: through(app),
    });
    const chain = RunnableLambda.from((text: string) => text.trim()).pipe(remote);
    const events: StreamEvent[] = [];
    for await (const event of chain.streamEvents(" hi ", { version: "v2" })) events.push(event);
    const byName = (name: string, kind: string) =>
      events.find((event) => event.name === name && event.event === kind);
    const root = byName("RunnableSequence", "on_chain_start");
    const local = byName("RemoteRunnable", "on_chain_start");
    const shout = byName("shout", "on_chain_start");
    const model = byName("FakeListChatModel", "on_chat_model_start");
    expect(local?.parent_ids).toEqual([root?.run_id]);
    // The remote sequence is the remote root: it stands as the local RemoteRunnable run.
    expect(shout?.parent_ids).toEqual([root?.run_id, local?.run_id]);
    expect(model?.parent_ids).toEqual([root?.run_id, local?.run_id]);
    expect(shout?.tags).toContain("seq:step:1");
    const streamed = events.filter((event) => event.event === "on_chat_model_stream");
    expect(streamed.map((event) => event.event === "on_chat_model_stream" && event.data.chunk)).toEqual([
      expect.any(AIMessageChunk),
      expect.any(AIMessageChunk),
    ]);
    expect(byName("FakeListChatModel", "on_chat_model_end")).toBeDefined();
    expect(byName("RemoteRunnable", "on_chain_end")?.data).toMatchObject({
      output: expect.any(AIMessageChunk),
    });
    // Every start has its end: the relayed tree closes.
    const starts = events.filter((event) => event.event.endsWith("_start")).length;
    expect(events.filter((event) => event.event.endsWith("_end")).length).toBe(starts);
    let names: string[] = [];
    for await (const log of remote.streamLog("hi", undefined, { diff: false }))
      names = Object.keys(log.state.logs);
    expect(names).toEqual(expect.arrayContaining(["shout", "FakeListChatModel"]));
  });

  it("raises an error mid-stream as a RemoteRunnableError with the run id", async () => {
    const failing = RunnableGenerator.from(async function* (_input: unknown) {
      yield "a";
      throw new Error("secret");
    });
    const remote = new RemoteRunnable({
      url: "http://rivulet.test",
      fetch: through(serve(failing, { heartbeat: false })),
    });
    const seen: unknown[] = [];
    const error = await (async () => {
      for await (const chunk of await remote.stream(1)) seen.push(chunk);
    })().catch((caught: unknown) => caught);
    expect(seen).toEqual(["a"]);
    expect(RemoteRunnableError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({
      status: 500,
      code: "internal",
      runId: expect.any(String),
      detail: "Internal error",
    });
    const invoked = await remote.invoke(1).catch((caught: unknown) => caught);
    expect(invoked).toMatchObject({ status: 500, runId: expect.any(String) });
  });

  it("breaking out of the loop, or the config's signal, aborts the request: the server's runs close", async () => {
    const aborts: unknown[] = [];
    const delay: DelayFn = (_ms, signal) =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(resolve, 5);
        signal?.addEventListener(
          "abort",
          () => {
            aborts.push(signal.reason);
            clearTimeout(timer);
            reject(signal.reason);
          },
          { once: true },
        );
      });
    const recorder = new RunRecorder();
    const model = new FakeListChatModel({ responses: ["abcdefghijklmnopqrstuvwxyz"], sleep: 5, delay });
    const app = serve(model, {
      heartbeat: false,
      perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }),
    });
    const remote = new RemoteRunnable<string, AIMessageChunk>({
      url: "http://rivulet.test",
      fetch: through(app),
    });
    for await (const chunk of await remote.stream("hi")) if (chunk.content === "b") break;
    await until(() => aborts.length >= 1 && recorder.openRuns().length === 0);
    const controller = new AbortController();
    const stream = await remote.stream("hi", { signal: controller.signal });
    const reading = (async () => {
      for await (const chunk of stream) if (chunk.content === "c") controller.abort();
    })();
    await expect(reading).rejects.toMatchObject({ code: "aborted" });
    await until(() => aborts.length >= 2 && recorder.openRuns().length === 0);
  });

  it("fails an idle stream with an idle TimeoutError; heartbeats and frames reset the timer", async () => {
    const timers: { fire: () => void; ms: number; stopped: boolean }[] = [];
    const setTimer = (fire: () => void, ms: number) => {
      const timer = { fire, ms, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    };
    let release: () => void = () => undefined;
    const stuck = RunnableGenerator.from(async function* (_input: unknown) {
      yield "first";
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      yield "never";
    });
    const remote = new RemoteRunnable({
      url: "http://rivulet.test",
      fetch: through(serve(stuck, { heartbeat: false })),
      idleTimeout: 1000,
      setTimer,
      dialect: "rivulet",
    });
    const iterator = (await remote.stream(1))[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe("first");
    // Each read arms a fresh timer and every received frame stopped the previous one.
    expect(timers.slice(0, -1).every((timer) => timer.stopped)).toBe(true);
    const next = iterator.next();
    await until(() => timers.length > 0 && timers.at(-1)?.stopped === false);
    timers.at(-1)?.fire();
    await expect(next).rejects.toMatchObject({ code: "timeout", kind: "idle", timeoutMs: 1000 });
    release();
  });

  it("runs over real loopback with listen()", async () => {
    const server = await listen(serve({ "/chat": new FakeListChatModel({ responses: ["yo"] }) }), {
      port: 0,
    });
    try {
      const remote = new RemoteRunnable<string, AIMessageChunk>({ url: `${server.url}/chat` });
      expect((await remote.invoke("hi")).content).toBe("yo");
      const texts: string[] = [];
      for await (const chunk of await remote.stream("hi")) texts.push(String(chunk.content));
      expect(texts).toEqual(["y", "o"]);
    } finally {
      await server.close();
    }
  });

  it("an HTTP error answer is a RemoteRunnableError with the status and detail", async () => {
    const remote = new RemoteRunnable({
      url: "http://rivulet.test/missing",
      fetch: through(serve({ "/chat": RunnableLambda.from((x: number) => x) })),
    });
    await expect(remote.invoke(1)).rejects.toMatchObject({
      status: 404,
      code: "remote",
      detail: "Not Found",
    });
    expect(() => new RemoteRunnable({ url: "not a url" })).toThrow(/absolute URL/);
  });

  it("speaks the langserve dialect to a server that does not echo X-Rivulet-Dialect, reviving its shapes by type", async () => {
    const echo = RunnableLambda.from((values: unknown[]) => values);
    const app = serve(echo);
    // A LangServe server: it ignores our dialect header and sends none back.
    const langServe = async (input: string, init: RequestInit) => {
      const request = new Request(input, init);
      request.headers.delete("x-rivulet-dialect");
      const response = await app.fetch(request);
      const headers = new Headers(response.headers);
      headers.delete("x-rivulet-dialect");
      return new Response(response.body, { status: response.status, headers });
    };
    const remote = new RemoteRunnable<unknown[], unknown[]>({
      url: "http://langserve.test",
      fetch: langServe,
    });
    expect(await remote.dialect()).toBe("langserve");
    const values = everyMessage();
    const back = await remote.invoke(values);
    expect(back).toEqual(values);
    expect(back[3]).toBeInstanceOf(AIMessageChunk);
    expect((back[3] as AIMessageChunk).tool_call_chunks).toEqual([
      { name: "weather", args: '{"city":"Paris"}', id: "call_1", index: 0 },
    ]);
    expect((back[4] as ToolMessage).artifact).toEqual({ raw: [1, 2] });
  });

  it("re-parents runs nested deeper than the remote root below the local run", async () => {
    const inner = RunnableLambda.from((text: string) => text.toUpperCase()).withConfig({ runName: "inner" });
    const outer = RunnableLambda.from((text: string, config) => inner.invoke(text, config)).withConfig({
      runName: "outer",
    });
    const app = serve(outer.pipe(RunnableLambda.from((text: string) => `${text}!`)));
    const remote = new RemoteRunnable<string, string>({ url: "http://rivulet.test", fetch: through(app) });
    const events: StreamEvent[] = [];
    for await (const event of remote.streamEvents("hi", { version: "v2" })) events.push(event);
    const start = (name: string) =>
      events.find((event) => event.name === name && event.event === "on_chain_start");
    const local = start("RemoteRunnable");
    expect(local?.parent_ids).toEqual([]);
    expect(start("outer")?.parent_ids).toEqual([local?.run_id]);
    expect(start("inner")?.parent_ids).toEqual([local?.run_id, start("outer")?.run_id]);
    expect(events.at(-1)).toMatchObject({
      event: "on_chain_end",
      name: "RemoteRunnable",
      data: { output: "HI!" },
    });
  });

  it("fails an invoke that takes longer than `timeout` with a TimeoutError and closes the server's run", async () => {
    const recorder = new RunRecorder();
    const slow = RunnableLambda.from(
      (_input: number, config) =>
        new Promise<number>((_resolve, reject) => {
          const signal = config?.signal;
          if (signal?.aborted === true) reject(signal.reason);
          signal?.addEventListener("abort", () => reject(signal.reason));
        }),
    );
    const app = serve(slow, { perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }) });
    const remote = new RemoteRunnable({
      url: "http://rivulet.test",
      fetch: heldThrough(app),
      timeout: 500,
      dialect: "rivulet",
    });
    await expect(remote.invoke(1)).rejects.toMatchObject({ code: "timeout", kind: "total", timeoutMs: 500 });
    // The server started the run (500 ms is ample, also on a loaded CI machine) and closed it with the abort.
    await until(() => recorder.openRuns().length === 0 && recorder.entries.length > 0);
    expect(recorder.entries.at(-1)).toMatchObject({ kind: "error" });
    expect(() => new RemoteRunnable({ url: "http://rivulet.test", timeout: -1 })).toThrow(/timeout/);
  });

  it("observed: stopping the caller's streamEvents aborts the remote stream_events and closes the server's runs", async () => {
    const aborts: unknown[] = [];
    const watched = new WeakSet<AbortSignal>();
    // Records the call signal's abort whether the model waits in a delay or between chunks.
    const delay: DelayFn = (_ms, signal) => {
      if (signal !== undefined && !watched.has(signal)) {
        watched.add(signal);
        signal.addEventListener("abort", () => aborts.push(signal.reason), { once: true });
      }
      return new Promise<void>((resolve) => setTimeout(resolve, 5));
    };
    const recorder = new RunRecorder();
    const model = new FakeListChatModel({ responses: ["abcdefghijklmnopqrstuvwxyz"], sleep: 5, delay });
    const app = serve(model, {
      heartbeat: false,
      perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }),
    });
    const remote = new RemoteRunnable<string, AIMessageChunk>({
      url: "http://rivulet.test",
      fetch: through(app),
    });
    const local = new RunRecorder();
    let streamed = 0;
    for await (const event of remote.streamEvents("hi", { version: "v2", callbacks: [local] })) {
      // The served model is the remote root: its chunks are the local run's own stream events.
      if (event.event === "on_chain_stream" && event.name === "RemoteRunnable" && ++streamed === 2) break;
    }
    await until(() => aborts.length === 1 && recorder.openRuns().length === 0);
    expect(local.openRuns()).toEqual([]);
  });

  it("observed: an error mid-stream fails the caller's streamEvents with a RemoteRunnableError and closes the relayed runs", async () => {
    const failing = RunnableGenerator.from(async function* (_input: unknown) {
      yield "a";
      throw new Error("secret");
    }).withConfig({ runName: "failing" });
    const app = serve(RunnableLambda.from((x: number) => x).pipe(failing), { heartbeat: false });
    const remote = new RemoteRunnable({ url: "http://rivulet.test", fetch: through(app) });
    const local = new RunRecorder();
    const events: StreamEvent[] = [];
    const reading = (async () => {
      for await (const event of remote.streamEvents(1, { version: "v2", callbacks: [local] }))
        events.push(event);
    })();
    await expect(reading).rejects.toMatchObject({
      name: "RemoteRunnableError",
      status: 500,
      runId: expect.any(String),
    });
    expect(events.some((event) => event.name === "failing" && event.event === "on_chain_start")).toBe(true);
    expect(local.openRuns()).toEqual([]);
    expect(local.entries.filter((entry) => entry.kind === "error").map((entry) => entry.name)).toEqual(
      expect.arrayContaining(["failing", "RemoteRunnable"]),
    );
  });

  it("observed invoke answers the remote root's own output (a JSON parser's last snapshot), not the concatenated chunks", async () => {
    const served = new FakeListChatModel({ responses: ['{"answer": "hello"}'] }).pipe(new JsonOutputParser());
    const remote = new RemoteRunnable({
      url: "http://rivulet.test",
      fetch: through(serve(served)),
      dialect: "rivulet",
    });
    const recorder = new RunRecorder();
    expect(await remote.invoke("q", { callbacks: [recorder] })).toEqual({ answer: "hello" });
    expect(recorder.entries.some((entry) => entry.kind === "stream" && entry.name === "RemoteRunnable")).toBe(
      true,
    );
    expect(await remote.invoke("q")).toEqual({ answer: "hello" });
  });

  it("a heartbeat comment resets the idle timer: a slow stream with pings does not time out", async () => {
    const timers: { fire: () => void; stopped: boolean }[] = [];
    const setTimer = (fire: () => void) => {
      const timer = { fire, stopped: false };
      timers.push(timer);
      return () => {
        timer.stopped = true;
      };
    };
    let ping: () => void = () => undefined;
    const schedule = (tick: () => void) => {
      ping = tick;
      return () => undefined;
    };
    let release: () => void = () => undefined;
    const slow = RunnableGenerator.from(async function* (_input: unknown) {
      yield "first";
      await new Promise<void>((resolve) => {
        release = resolve;
      });
      yield "second";
    });
    const app = serve(slow, { heartbeat: { intervalMs: 1000, schedule } });
    const remote = new RemoteRunnable({
      url: "http://rivulet.test",
      fetch: through(app),
      idleTimeout: 1000,
      setTimer,
      dialect: "rivulet",
    });
    const iterator = (await remote.stream(1))[Symbol.asyncIterator]();
    expect((await iterator.next()).value).toBe("first");
    const next = iterator.next();
    await until(() => timers.at(-1)?.stopped === false);
    const armed = timers.length;
    ping();
    // The ping's bytes stopped the armed timer and the next read armed a fresh one.
    await until(() => timers.length === armed + 1);
    expect(timers[armed - 1]?.stopped).toBe(true);
    expect(timers.at(-1)?.stopped).toBe(false);
    release();
    expect((await next).value).toBe("second");
    expect((await iterator.next()).done).toBe(true);
  });
});

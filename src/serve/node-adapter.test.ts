import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { RunnableGenerator, RunnableLambda } from "rivulet";
import { listen, serve, toNodeListener } from "rivulet/serve";
import { type DelayFn, FakeListChatModel, RunRecorder } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { frames } from "./test-support/requests.js";

const addOne = RunnableLambda.from((x: number) => x + 1);
const closers: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const close of closers.splice(0)) await close();
});

async function startServer(server: Server): Promise<string> {
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  closers.push(
    () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  );
  return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
}

describe("listen: the handler on Node's http, over loopback with real fetch", () => {
  it("serves invoke and stream, and close() stops it", async () => {
    const model = new FakeListChatModel({ responses: ["Hey"] });
    const running = await listen(serve({ "/add": addOne, "/chat": model }, { heartbeat: false }), {
      port: 0,
    });
    closers.push(() => running.close());
    expect(running.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    const invoked = await fetch(`${running.url}/add/invoke`, {
      method: "POST",
      body: JSON.stringify({ input: 1 }),
    });
    expect(await invoked.json()).toMatchObject({ output: 2 });
    const streamed = await fetch(`${running.url}/chat/stream`, {
      method: "POST",
      body: JSON.stringify({ input: "hi" }),
    });
    expect(streamed.headers.get("content-type")).toBe("text/event-stream; charset=utf-8");
    const parsed = frames(await streamed.text());
    expect(parsed.map(([event]) => event)).toEqual(["metadata", "data", "data", "data", "end"]);
    expect(
      parsed
        .slice(1, 4)
        .map(([, data]) => (data as { content: string }).content)
        .join(""),
    ).toBe("Hey");
    expect((await fetch(`${running.url}/nope`)).status).toBe(404);
  });

  it("refuses a bad port", async () => {
    await expect(listen(serve(addOne), { port: 70_000 })).rejects.toThrow(/65535/);
  });
});

describe("toNodeListener: the handler under a plain http server", () => {
  it("a client that disconnects mid-stream aborts the model's call and closes every run", async () => {
    const aborted: AbortSignal[] = [];
    const delay: DelayFn = (ms, signal) => {
      if (signal !== undefined && !aborted.includes(signal)) aborted.push(signal);
      return new Promise((resolve) => setTimeout(resolve, ms));
    };
    const model = new FakeListChatModel({ responses: ["x".repeat(500)], sleep: 5, delay });
    const recorder = new RunRecorder();
    const app = serve(
      { "/chat": model },
      { heartbeat: false, perRequestConfig: (config) => ({ ...config, callbacks: [recorder] }) },
    );
    const url = await startServer(createServer(toNodeListener(app.fetch)));
    const client = new AbortController();
    const response = await fetch(`${url}/chat/stream`, {
      method: "POST",
      body: '{"input":"hi"}',
      signal: client.signal,
    });
    const reader = response.body!.getReader();
    await reader.read();
    await reader.read();
    client.abort();
    for (let attempt = 0; attempt < 200 && recorder.openRuns().length > 0; attempt++)
      await new Promise((resolve) => setTimeout(resolve, 10));
    expect(recorder.openRuns()).toEqual([]);
    expect(aborted.at(-1)?.aborted).toBe(true);
    expect(recorder.entries.filter((entry) => entry.kind === "stream").length).toBeLessThan(400);
  });

  it("accepts a body a middleware already parsed into req.body (Express)", async () => {
    const app = serve({ "/add": addOne });
    const listener = toNodeListener(app.fetch);
    const server = createServer((req, res) => {
      let text = "";
      req.setEncoding("utf8");
      req.on("data", (chunk: string) => {
        text += chunk;
      });
      req.on("end", () => {
        Object.assign(req, { body: JSON.parse(text) }); // what express.json() leaves behind
        listener(req, res);
      });
    });
    const url = await startServer(server);
    const response = await fetch(`${url}/add/invoke`, {
      method: "POST",
      body: JSON.stringify({ input: 41 }),
    });
    expect(await response.json()).toMatchObject({ output: 42 });
  });

  it("honours write() back-pressure: a client that stops reading stops the chain", async () => {
    let produced = 0;
    const big = "y".repeat(64 * 1024);
    const flood = new RunnableGenerator({
      generator: async function* () {
        for (let index = 0; index < 10_000; index++) {
          produced++;
          yield big;
        }
      },
    });
    const app = serve({ "/flood": flood }, { heartbeat: false });
    const url = await startServer(createServer(toNodeListener(app.fetch)));
    const client = new AbortController();
    const response = await fetch(`${url}/flood/stream`, {
      method: "POST",
      body: '{"input":1}',
      signal: client.signal,
    });
    await response.body!.getReader().read(); // then read nothing more
    await new Promise((resolve) => setTimeout(resolve, 300));
    const stalled = produced;
    await new Promise((resolve) => setTimeout(resolve, 200));
    // Socket buffers hold some megabytes at most: far from the 10,000 chunks (640 MB) of the chain.
    expect(stalled).toBeLessThan(500);
    expect(produced).toBe(stalled);
    client.abort();
  });

  it("answers 413 for a streamed body over the limit", async () => {
    const app = serve({ "/add": addOne }, { maxBodyBytes: 1000 });
    const url = await startServer(createServer(toNodeListener(app.fetch)));
    const response = await fetch(`${url}/add/invoke`, {
      method: "POST",
      body: JSON.stringify({ input: "z".repeat(5000) }),
    });
    expect(response.status).toBe(413);
  });
});

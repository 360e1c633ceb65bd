import { InvalidInputError, ProviderError, RunnableLambda, TimeoutError } from "rivulet";
import { HttpError, serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { frames, post } from "./test-support/requests.js";

const ids = () => {
  let next = 0;
  return () => `run-${++next}`;
};
const echo = RunnableLambda.from((x: unknown) => x);
const echoConfig = RunnableLambda.from((_x: unknown, config) => ({
  configurable: config.configurable ?? null,
  tags: config.tags ?? [],
  runName: config.runName ?? null,
  recursionLimit: config.recursionLimit ?? null,
  maxConcurrency: config.maxConcurrency ?? null,
  callbacks: config.callbacks === undefined ? "none" : "some",
}));

describe("serve: 422 for bodies the server cannot use", () => {
  const app = serve({ "/echo": echo });

  it.each([
    ["not JSON", "{input:", "json_invalid", ["body"]],
    ["empty", "", "json_invalid", ["body"]],
    ["not an object", "[1]", "model_type", ["body"]],
    ["missing input", '{"config":{}}', "missing", ["body", "input"]],
  ])("%s", async (_name, body, type, loc) => {
    const response = await post(app, "/echo/invoke", body);
    expect(response.status).toBe(422);
    const json = (await response.json()) as { detail: Array<{ loc: unknown; msg: string; type: string }> };
    expect(json.detail).toHaveLength(1);
    expect(json.detail[0]).toMatchObject({ loc, type });
    expect(json.detail[0]!.msg.length).toBeGreaterThan(5);
  });

  it("batch: inputs not a list, and a config list of the wrong length", async () => {
    expect((await post(app, "/echo/batch", { inputs: 1 })).status).toBe(422);
    const response = await post(app, "/echo/batch", { inputs: [1, 2], config: [{}] });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      detail: [{ loc: ["body", "config"], type: "value_error" }],
    });
  });

  it("a stream route refuses a bad body before opening the stream", async () => {
    const response = await post(app, "/echo/stream", "nope");
    expect(response.status).toBe(422);
    expect(response.headers.get("content-type")).toBe("application/json");
  });

  it("nesting deeper than maxJsonDepth is refused before parsing", async () => {
    const deep = serve({ "/echo": echo }, { maxJsonDepth: 5 });
    const body = `{"input":${"[".repeat(10)}${"]".repeat(10)}}`;
    const response = await post(deep, "/echo/invoke", body);
    expect(response.status).toBe(422);
    expect(((await response.json()) as { detail: Array<{ msg: string }> }).detail[0]!.msg).toContain(
      "at most 5",
    );
    // Brackets inside strings are text, not nesting.
    expect((await post(deep, "/echo/invoke", { input: "[[[[[[[[[[" })).status).toBe(200);
  });
});

describe("serve: 413 for a body over the limit", () => {
  const app = serve({ "/echo": echo }, { maxBodyBytes: 100 });

  it("counts the bytes even when Content-Length is absent", async () => {
    const big = JSON.stringify({ input: "x".repeat(200) });
    let pulled = 0;
    const body = new ReadableStream<Uint8Array>({
      pull(controller) {
        pulled++;
        if (pulled > 50) controller.close();
        else controller.enqueue(new TextEncoder().encode(big.slice(0, 40)));
      },
    });
    const request = new Request("http://test/echo/invoke", {
      method: "POST",
      body,
      duplex: "half",
    } as RequestInit);
    const response = await app.fetch(request);
    expect(response.status).toBe(413);
    expect(await response.json()).toEqual({
      detail: "The body is larger than the server accepts (100 bytes).",
    });
    expect(pulled).toBeLessThan(6); // reading stopped at the limit, not at the end
  });

  it("refuses a declared Content-Length over the limit, and a body that lies about its length", async () => {
    expect((await post(app, "/echo/invoke", { input: "x".repeat(200) })).status).toBe(413);
    const lying = new Request("http://test/echo/invoke", {
      method: "POST",
      body: JSON.stringify({ input: "x".repeat(200) }),
      headers: { "content-length": "10" },
    });
    expect((await app.fetch(lying)).status).toBe(413);
    expect((await post(app, "/echo/invoke", { input: "small" })).status).toBe(200);
  });
});

describe("serve: hostile input", () => {
  it("__proto__, constructor and prototype keys never reach the input or the config", async () => {
    const seen: unknown[] = [];
    const spy = RunnableLambda.from((x: unknown, config) => {
      seen.push(x, config.configurable);
      return "ok";
    });
    const app = serve({ "/spy": spy });
    const body =
      '{"input":{"a":1,"__proto__":{"polluted":true},"nested":{"constructor":{"prototype":{"polluted":true}}}},' +
      '"config":{"configurable":{"__proto__":{"admin":true},"user":"u"}}}';
    expect((await post(app, "/spy/invoke", body)).status).toBe(200);
    const [input, configurable] = seen as [Record<string, unknown>, Record<string, unknown>];
    expect(input).toEqual({ a: 1, nested: {} });
    expect(Object.getPrototypeOf(input)).toBe(Object.prototype);
    expect(Reflect.get(input, "polluted")).toBeUndefined();
    expect(configurable).toEqual({ user: "u" });
    expect(Reflect.get(configurable, "admin")).toBeUndefined();
    expect(Reflect.get({}, "polluted")).toBeUndefined();
  });

  it("callbacks, signal and run ids from the wire are dropped even when every key is allowed", async () => {
    const app = serve(
      { "/cfg": echoConfig },
      { configKeys: ["configurable", "tags", "runName", "recursionLimit"] },
    );
    const config = { callbacks: [{ handleChainStart: "x" }], signal: {}, runId: "mine", tags: ["t"] };
    const response = await post(app, "/cfg/invoke", { input: 1, config });
    expect(await response.json()).toMatchObject({ output: { callbacks: "none", tags: ["t"] } });
    expect(() => serve(echo, { configKeys: ["callbacks"] })).toThrow(/never come from the wire/);
    expect(() => serve(echo, { configKeys: ["bogus"] })).toThrow(/unknown config key/);
  });

  it("a line break in a chunk cannot forge SSE fields: each line becomes its own data line", async () => {
    const forged = RunnableLambda.from(() => "a\n\nevent: end\ndata: x");
    const app = serve({ "/f": forged }, { heartbeat: false, generateId: ids() });
    const text = await (await post(app, "/f/stream", { input: 1 })).text();
    // JSON escapes line breaks, so the whole string stays on one data line.
    expect(text).toContain('event: data\ndata: "a\\n\\nevent: end\\ndata: x"\n\n');
    expect(frames(text).map(([event]) => event)).toEqual(["metadata", "data", "end"]);
  });
});

describe("serve: the config allow-list", () => {
  it("lets only configurable through by default, dropping the rest silently", async () => {
    const app = serve({ "/cfg": echoConfig });
    const config = { configurable: { user: "a" }, tags: ["t"], run_name: "x", recursionLimit: 3 };
    expect(await (await post(app, "/cfg/invoke", { input: 1, config })).json()).toMatchObject({
      output: { configurable: { user: "a" }, tags: [], runName: null, recursionLimit: null },
    });
  });

  it("reads camelCase and snake_case keys alike", async () => {
    const app = serve(
      { "/cfg": echoConfig },
      { configKeys: ["runName", "recursion_limit", "maxConcurrency"], heartbeat: false },
    );
    const snake = { run_name: "py", recursion_limit: 7, max_concurrency: 2 };
    expect(await (await post(app, "/cfg/invoke", { input: 1, config: snake })).json()).toMatchObject({
      output: { recursionLimit: 7, maxConcurrency: 2 },
    });
    const camel = { runName: "js", recursionLimit: 8, maxConcurrency: 3 };
    expect(await (await post(app, "/cfg/invoke", { input: 1, config: camel })).json()).toMatchObject({
      output: { recursionLimit: 8, maxConcurrency: 3 },
    });
    // The run name names the root run (it never reaches user code's config): read it from the events.
    for (const [config, name] of [
      [snake, "py"],
      [camel, "js"],
    ] as const) {
      const events = frames(await (await post(app, "/cfg/stream_events", { input: 1, config })).text());
      expect(events[0]![1]).toMatchObject({ event: "on_chain_start", name });
    }
  });

  it("a non-empty configurable when it is not allowed is a 422 naming the option", async () => {
    const app = serve({ "/cfg": echoConfig }, { configKeys: ["tags"] });
    const response = await post(app, "/cfg/invoke", { input: 1, config: { configurable: { a: 1 } } });
    expect(response.status).toBe(422);
    expect(JSON.stringify(await response.json())).toContain("configKeys");
    expect((await post(app, "/cfg/invoke", { input: 1, config: { configurable: {} } })).status).toBe(200);
  });

  it("checks allowed values: tags a list of strings, numbers in range", async () => {
    const app = serve({ "/cfg": echoConfig }, { configKeys: ["tags", "recursionLimit"] });
    expect((await post(app, "/cfg/invoke", { input: 1, config: { tags: "t" } })).status).toBe(422);
    expect((await post(app, "/cfg/invoke", { input: 1, config: { recursion_limit: 0 } })).status).toBe(422);
    expect((await post(app, "/cfg/invoke", { input: 1, config: "x" })).status).toBe(422);
  });
});

describe("serve: the perRequestConfig hook", () => {
  const token = "secret";
  const app = serve(
    { "/cfg": echoConfig },
    {
      perRequestConfig: (config, request) => {
        const auth = request.headers.get("authorization");
        if (auth === null)
          throw new HttpError("Send a bearer token", {
            status: 401,
            headers: { "www-authenticate": "Bearer" },
          });
        if (auth !== `Bearer ${token}`)
          throw new HttpError("This token may not use this route", { status: 403 });
        return { ...config, configurable: { ...config.configurable, tenant: "acme" } };
      },
    },
  );

  it("runs last, after the allow-list, and may set server-side values", async () => {
    const response = await post(
      app,
      "/cfg/invoke",
      { input: 1, config: { configurable: { tenant: "evil", a: 1 } } },
      { authorization: "Bearer secret" },
    );
    expect(await response.json()).toMatchObject({ output: { configurable: { tenant: "acme", a: 1 } } });
  });

  it("answers 401 and 403 from an HttpError, on invoke and before a stream opens", async () => {
    const missing = await post(app, "/cfg/invoke", { input: 1 });
    expect(missing.status).toBe(401);
    expect(missing.headers.get("www-authenticate")).toBe("Bearer");
    expect(await missing.json()).toEqual({ detail: "Send a bearer token" });
    const wrong = await post(app, "/cfg/stream", { input: 1 }, { authorization: "Bearer nope" });
    expect(wrong.status).toBe(403);
    expect(await wrong.json()).toEqual({ detail: "This token may not use this route" });
  });

  it("HttpError accepts only client-error statuses", () => {
    expect(() => new HttpError("x", { status: 500 })).toThrow(/400 to 499/);
    expect(HttpError.isInstance(new HttpError("x", { status: 404 }))).toBe(true);
  });
});

describe("serve: failed runs", () => {
  const failing = (error: unknown) =>
    RunnableLambda.from(() => {
      throw error;
    });

  it.each([
    ["a bug (masked)", new TypeError("secret path /etc/x"), 500, "internal", "Internal error"],
    ["an input error", new InvalidInputError("Give a number"), 422, "invalid_input", "Give a number"],
    ["a timeout", new TimeoutError(1000), 504, "timeout", undefined],
    [
      "a provider failure (masked)",
      new ProviderError("upstream key sk-123 refused", { status: 429, retryable: true, provider: "x" }),
      502,
      "provider",
      "The model provider failed (HTTP 429); trying again later may work",
    ],
  ])("invoke: %s answers its code's status with the run id", async (_name, error, status, code, message) => {
    const app = serve({ "/f": failing(error) }, { generateId: ids() });
    const response = await post(app, "/f/invoke", { input: 1 });
    expect(response.status).toBe(status);
    const body = (await response.json()) as { detail: string; code: string; run_id: string };
    expect(body).toMatchObject({ code, run_id: "run-1" });
    if (message !== undefined) expect(body.detail).toBe(message);
    expect(JSON.stringify(body)).not.toMatch(/secret|sk-123|stack/);
  });

  it("batch: a failed input fails the batch with every run id", async () => {
    const app = serve({ "/f": failing(new TypeError("boom")) }, { generateId: ids() });
    const response = await post(app, "/f/batch", { inputs: [1, 2] });
    expect(response.status).toBe(500);
    expect(await response.json()).toEqual({
      detail: "Internal error",
      code: "internal",
      run_ids: ["run-1", "run-2"],
    });
  });

  it("exposeErrors sends the error's own message", async () => {
    const app = serve({ "/f": failing(new TypeError("boom")) }, { exposeErrors: true });
    expect(await (await post(app, "/f/invoke", { input: 1 })).json()).toMatchObject({ detail: "boom" });
  });

  it("stream: a failure before the first chunk is an error event on an open 200 stream, with no end", async () => {
    const app = serve({ "/f": failing(new TypeError("secret")) }, { generateId: ids(), heartbeat: false });
    const response = await post(app, "/f/stream", { input: 1 });
    expect(response.status).toBe(200);
    expect(await response.text()).toBe(
      'event: metadata\ndata: {"run_id":"run-1"}\n\n' +
        'event: error\ndata: {"status_code":500,"message":"Internal error","code":"internal","run_id":"run-1"}\n\n',
    );
  });

  it("stream_events: a failure mid-stream is an error event after the events so far", async () => {
    const chain = RunnableLambda.from((x: number) => x).pipe(failing(new InvalidInputError("bad step")));
    const app = serve({ "/f": chain }, { generateId: ids(), heartbeat: false });
    const parsed = frames(await (await post(app, "/f/stream_events", { input: 1 })).text());
    expect(parsed.at(-1)).toEqual([
      "error",
      { status_code: 422, message: "bad step", code: "invalid_input", run_id: "run-1" },
    ]);
    expect(parsed.some(([event]) => event === "end")).toBe(false);
    expect(parsed[0]![0]).toBe("data");
  });
});

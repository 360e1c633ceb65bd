// Regressions found by a hostile review of the server: each test failed before its fix.
import { RunnableGenerator, RunnableLambda } from "rivulet";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { frames, post } from "./test-support/requests.js";

describe("serve: hostile review regressions", () => {
  it("a server-side deadline from perRequestConfig ends a stream with an error frame, not a silent cut", async () => {
    const stalls = RunnableGenerator.from(async function* () {
      yield "a";
      await new Promise(() => undefined); // never resolves: only the deadline ends it
    });
    const app = serve(stalls, {
      heartbeat: false,
      generateId: () => "r",
      perRequestConfig: (config) => ({ ...config, signal: AbortSignal.timeout(20) }),
    });
    const text = await (await post(app, "/stream", { input: 1 })).text();
    const sent = frames(text);
    expect(sent.slice(0, 2)).toEqual([
      ["metadata", { run_id: "r" }],
      ["data", "a"],
    ]);
    expect(sent[2]).toMatchObject(["error", { status_code: 504, code: "timeout", run_id: "r" }]);
    expect(sent).toHaveLength(3);
  });

  it("invoke and batch write outputs as stream does (bigints, errors), and a run whose output cannot be written keeps its run id", async () => {
    const odd = RunnableLambda.from(() => ({ count: 1n, failure: new TypeError("bad") }));
    const app = serve(odd, { heartbeat: false, generateId: () => "r" });
    const expected = { count: "1", failure: { name: "TypeError", message: "bad" } };
    const invoked = await post(app, "/invoke", { input: 1 });
    expect(invoked.status).toBe(200);
    expect(await invoked.json()).toEqual({
      output: expected,
      metadata: { run_id: "r", feedback_tokens: [] },
    });
    const batched = await post(app, "/batch", { inputs: [1] });
    expect(await batched.json()).toEqual({ output: [expected], metadata: { run_ids: ["r"] } });
    expect(frames(await (await post(app, "/stream", { input: 1 })).text())[1]).toEqual(["data", expected]);

    const unwritable = RunnableLambda.from(() => ({
      toJSON() {
        throw new Error("cannot write");
      },
    }));
    const failed = await post(serve(unwritable, { generateId: () => "u" }), "/invoke", { input: 1 });
    expect(failed.status).toBe(500);
    expect(await failed.json()).toEqual({ detail: "Internal error", code: "internal", run_id: "u" });
    expect(failed.headers.get("x-rivulet-run-id")).toBe("u");
  });

  it("a CORS origin predicate that throws on a hostile Origin refuses that origin instead of failing the handler", async () => {
    const app = serve(
      RunnableLambda.from(() => 1),
      {
        cors: {
          origin: (origin) => {
            if (!origin.startsWith("https://")) throw new TypeError(`cannot parse ${origin}`);
            return origin === "https://app.example";
          },
        },
      },
    );
    const json = { "content-type": "application/json" };
    const hostile = await post(app, "/invoke", { input: 1 }, { ...json, origin: "null" });
    expect(hostile.status).toBe(200);
    expect(hostile.headers.get("access-control-allow-origin")).toBeNull();
    const preflight = await app.fetch(
      new Request("http://test/invoke", { method: "OPTIONS", headers: { origin: "null" } }),
    );
    expect(preflight.status).toBe(204);
    expect(preflight.headers.get("access-control-allow-origin")).toBeNull();
    const allowed = await post(app, "/invoke", { input: 1 }, { ...json, origin: "https://app.example" });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://app.example");
  });

  it("refuses CORS allowHeaders that are not header names at start-up, not on the first preflight", () => {
    expect(() =>
      serve(
        RunnableLambda.from(() => 1),
        { cors: { allowHeaders: ["X-Ok", "X-Bad\r\nSet-Cookie: a=1"] } },
      ),
    ).toThrow(/allowHeaders/);
  });

  it("a batch with more inputs than maxBatchSize (default 1000) is a 422 before any run or hook", async () => {
    let hooks = 0;
    let runs = 0;
    const counted = RunnableLambda.from((x: number) => {
      runs++;
      return x;
    });
    const app = serve(counted, {
      perRequestConfig: (config) => {
        hooks++;
        return config;
      },
    });
    // 1 MiB of "0," is ~500,000 inputs: a run, a config and a hook call each (~250 MB of heap).
    const huge = await post(app, "/batch", { inputs: Array.from({ length: 1001 }, () => 0) });
    expect(huge.status).toBe(422);
    expect(await huge.json()).toMatchObject({ detail: [{ loc: ["body", "inputs"], type: "too_long" }] });
    expect({ hooks, runs }).toEqual({ hooks: 0, runs: 0 });
    expect((await post(app, "/batch", { inputs: Array.from({ length: 1000 }, () => 0) })).status).toBe(200);
    const small = serve(counted, { maxBatchSize: 2 });
    expect((await post(small, "/batch", { inputs: [1, 2, 3] })).status).toBe(422);
    expect(() => serve(counted, { maxBatchSize: 0 })).toThrow(/maxBatchSize/);
  });

  it("refuses a cross-origin form-like POST (no preflight) from an origin CORS does not allow, before any run", async () => {
    let runs = 0;
    const counted = RunnableLambda.from((x: number) => {
      runs++;
      return x;
    });
    const body = JSON.stringify({ input: 1 });
    const from = (app: ReturnType<typeof serve>, headers: Record<string, string>) =>
      app.fetch(new Request("http://test/invoke", { method: "POST", body, headers }));
    const app = serve(counted);
    // A page on another site can send these without a preflight (text/plain, forms): it cannot
    // read the answer, but the run would happen, on a server listening on localhost too.
    for (const type of [
      "text/plain",
      "application/x-www-form-urlencoded",
      "multipart/form-data; boundary=x",
    ]) {
      const refused = await from(app, { origin: "https://evil.example", "content-type": type });
      expect(refused.status).toBe(403);
    }
    expect(runs).toBe(0);
    // No Origin (curl, servers), the server's own origin, JSON (preflighted) or an allowed origin: served.
    expect((await from(app, { "content-type": "text/plain" })).status).toBe(200);
    expect((await from(app, { origin: "http://test", "content-type": "text/plain" })).status).toBe(200);
    expect(
      (await from(app, { origin: "https://evil.example", "content-type": "application/json" })).status,
    ).toBe(200);
    const allowing = serve(counted, { cors: { origin: ["https://app.example"] } });
    expect(
      (await from(allowing, { origin: "https://app.example", "content-type": "text/plain" })).status,
    ).toBe(200);
    expect(runs).toBe(4);
  });

  it("refuses base paths and prefixes with . or .. segments at start-up: URLs resolve them, so no request could reach the route", async () => {
    const one = RunnableLambda.from(() => 1);
    expect(() => serve({ "/v1/../admin": one })).toThrow(/\.\./);
    expect(() => serve({ "/./a": one })).toThrow(/\./);
    expect(() => serve(one, { prefix: "/api/.." })).toThrow(/prefix/);
    // Dots inside a segment are fine.
    const dotted = serve({ "/v1.2": one, "/a..b": one });
    expect((await post(dotted, "/v1.2/invoke", { input: 1 })).status).toBe(200);
    expect((await post(dotted, "/a..b/invoke", { input: 1 })).status).toBe(200);
  });
});

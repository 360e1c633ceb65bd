// The serve checks: the runner (Node) makes real HTTP requests to a runtime serving
// serve-app.mjs (started by serve-entry.mjs or workerd-serve-entry.mjs) and checks the answers,
// SSE frames included. Returns the same result shape as runConformance, so the runner reports
// both alike.
import { ANSWER, EXPECTED_EVENTS } from "./conformance.mjs";

const JOKE = JSON.stringify({ input: { topic: "parrots" } });

function expectEqual(actual, expected, what) {
  const actualText = JSON.stringify(actual);
  const expectedText = JSON.stringify(expected);
  if (actualText !== expectedText) throw new Error(`${what}: expected ${expectedText}, got ${actualText}`);
}

function post(url, body, signal) {
  return fetch(url, { method: "POST", body, headers: { "content-type": "application/json" }, signal });
}

/** An SSE body as `[event, data]` pairs (comments skipped, data parsed as JSON, `\r\n` accepted). */
function framesOf(text) {
  return text
    .replaceAll("\r\n", "\n")
    .split("\n\n")
    .filter((frame) => frame !== "" && !frame.startsWith(":"))
    .map((frame) => {
      const lines = frame.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines.find((line) => line.startsWith("data: "))?.slice(6);
      return [event, data === undefined ? undefined : JSON.parse(data)];
    });
}

async function sseFrames(response) {
  expectEqual(response.status, 200, "status");
  expectEqual(response.headers.get("content-type"), "text/event-stream; charset=utf-8", "content-type");
  return framesOf(await response.text());
}

/** Waits up to `ms` for `poll()` to give a value that `done` accepts; returns the last value. */
async function waitFor(poll, done, ms) {
  const deadline = Date.now() + ms;
  let value = await poll();
  while (!done(value) && Date.now() < deadline) {
    await new Promise((resolve) => setTimeout(resolve, 25));
    value = await poll();
  }
  return value;
}

const CHECKS = {
  "serve invoke: the chain's output as JSON with its run id": async (url) => {
    const response = await post(`${url}/joke/invoke`, JOKE);
    expectEqual(response.status, 200, "status");
    const body = await response.json();
    expectEqual(body.output, ANSWER, "output");
    if (typeof body.metadata?.run_id !== "string") throw new Error(`no run_id: ${JSON.stringify(body)}`);
  },
  "serve stream: metadata first, a data frame per chunk, then end": async (url) => {
    const frames = await sseFrames(await post(`${url}/joke/stream`, JOKE));
    expectEqual(
      frames.map(([event]) => event),
      ["metadata", ...Array.from({ length: 6 }, () => "data"), "end"],
      "frames",
    );
    if (typeof frames[0][1]?.run_id !== "string") throw new Error(`metadata: ${JSON.stringify(frames[0])}`);
    expectEqual(
      frames
        .slice(1, -1)
        .map(([, data]) => data)
        .join(""),
      ANSWER,
      "joined chunks",
    );
  },
  "serve stream_events: a data frame per v2 event, in order, then end": async (url) => {
    const frames = await sseFrames(await post(`${url}/joke/stream_events`, JOKE));
    expectEqual(frames.at(-1), ["end", undefined], "last frame");
    const events = frames.slice(0, -1);
    expectEqual([...new Set(events.map(([event]) => event))], ["data"], "frame names");
    expectEqual(
      events.map(([, data]) => `${data.event}:${data.name}`),
      EXPECTED_EVENTS,
      "events",
    );
    const text = events
      .filter(([, data]) => data.event === "on_chat_model_stream")
      .map(([, data]) => data.data.chunk.content)
      .join("");
    expectEqual(text, ANSWER, "streamed text");
  },
  "serve errors: unknown route 404, wrong method 405, bad body 422": async (url) => {
    expectEqual((await fetch(`${url}/nope`)).status, 404, "unknown route");
    const wrong = await fetch(`${url}/joke/invoke`);
    expectEqual([wrong.status, wrong.headers.get("allow")], [405, "POST, OPTIONS"], "wrong method");
    const bad = await post(`${url}/joke/invoke`, "{not json");
    expectEqual(bad.status, 422, "bad body");
    expectEqual(Array.isArray((await bad.json()).detail), true, "422 detail is a list");
  },
  "serve disconnect: a client leaving mid-stream aborts the model and closes every run": async (url) => {
    const client = new AbortController();
    const response = await post(`${url}/slow/stream_events`, JOKE, client.signal);
    const reader = response.body.getReader();
    const decoder = new TextDecoder();
    let seen = "";
    // The parser's first stream event: by then all four runs (chain, prompt, model, parser) started.
    while (!seen.includes("on_parser_stream")) {
      const { value, done } = await reader.read();
      if (done) throw new Error(`the stream ended before a chunk: ${seen}`);
      seen += decoder.decode(value, { stream: true });
    }
    client.abort();
    const runs = async () => (await (await post(`${url}/slow_runs/invoke`, '{"input":null}')).json()).output;
    const after = await waitFor(runs, (state) => state.open.length === 0 && state.modelWaitAborted, 5000);
    expectEqual(after.started, 4, "runs started");
    expectEqual(after.open, [], "runs left open");
    expectEqual(after.modelWaitAborted, true, "the model's wait aborted");
    if (after.chunks >= 2000) throw new Error(`the chain ran to its end: ${after.chunks} chunks`);
  },
};

/** Runs every serve check against `url`, in order; `{ runtime, checks: [{ name, passed, error? }] }`. */
export async function runServeChecks({ runtime, url }) {
  const checks = [];
  for (const [name, check] of Object.entries(CHECKS)) {
    try {
      await check(url);
      checks.push({ name, passed: true });
    } catch (error) {
      checks.push({ name, passed: false, error: String(error?.stack ?? error) });
    }
  }
  return { runtime, mode: "serve over loopback HTTP", checks };
}

/** How many checks runServeChecks runs. */
export const SERVE_CHECK_COUNT = Object.keys(CHECKS).length;

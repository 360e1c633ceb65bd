// Two server processes on one real Redis (test/support/run-server.mjs on the built bundles): a run
// started on A is resumed from B with Last-Event-ID and every event arrives once; a cancel sent to
// B stops the run A owns; and when A is killed mid-run, B's reader ends with run_lost once A's
// lease lapses. Needs redis-server (skipped without it unless RIVULET_REQUIRE_REDIS is set) and
// dist/bundle (npm test builds it before the tests run).
import { type ChildProcess, spawn } from "node:child_process";
import { existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type RedisServer, redisAvailability, startRedisServer } from "../../test/support/redis-server.js";

const SCRIPT = fileURLToPath(new URL("../../test/support/run-server.mjs", import.meta.url));
const BUNDLE = fileURLToPath(new URL("../../dist/bundle/runs.js", import.meta.url));
const redis = redisAvailability();

interface Frame {
  id: string | undefined;
  event: string;
  data: unknown;
}

interface Server {
  url: string;
  child: ChildProcess;
}

function startServer(redisUrl: string): Promise<Server> {
  const child = spawn(process.execPath, [SCRIPT], {
    env: { ...process.env, REDIS_URL: redisUrl, SLEEP_MS: "40", LEASE_MS: "300", IDLE_MS: "100" },
    stdio: ["ignore", "pipe", "pipe"],
  });
  return new Promise((resolve, reject) => {
    let output = "";
    child.stdout?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      const line = output.split("\n")[0];
      if (output.includes("\n") && line !== undefined) resolve({ url: line.trim(), child });
    });
    child.stderr?.on("data", (chunk: Buffer) => {
      output += chunk.toString();
    });
    child.once("exit", (code) => reject(new Error(`run-server exited (${String(code)}): ${output}`)));
  });
}

/** Reads SSE frames from a response until `stop` says so or the stream ends; cancels the rest. */
async function readFrames(
  response: Response,
  stop: (frames: Frame[]) => boolean = () => false,
): Promise<Frame[]> {
  const reader = response.body?.getReader();
  if (reader === undefined) throw new Error("no body");
  const decoder = new TextDecoder();
  const frames: Frame[] = [];
  let buffer = "";
  while (!stop(frames)) {
    const { done, value } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let end = buffer.indexOf("\n\n");
    while (end >= 0) {
      const block = buffer.slice(0, end);
      buffer = buffer.slice(end + 2);
      end = buffer.indexOf("\n\n");
      const lines = block.split("\n").filter((line) => !line.startsWith(":"));
      if (lines.length === 0) continue;
      const field = (name: string) =>
        lines.find((line) => line.startsWith(`${name}: `))?.slice(name.length + 2);
      const data = field("data");
      frames.push({
        id: field("id"),
        event: field("event") ?? "message",
        data: data === undefined ? undefined : JSON.parse(data),
      });
      if (stop(frames)) break;
    }
  }
  await reader.cancel().catch(() => undefined);
  return frames;
}

const isTerminal = (frames: Frame[]) =>
  frames.some((frame) => frame.event === "end" || frame.event === "error");

async function startRun(server: Server): Promise<string> {
  const response = await fetch(`${server.url}/x/runs`, {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ input: { topic: "count" } }),
  });
  expect(response.status).toBe(202);
  const body: unknown = await response.json();
  const runId: unknown = Reflect.get(Object(body), "run_id");
  if (typeof runId !== "string") throw new Error("no run_id");
  return runId;
}

describe.skipIf(!redis.available && !redis.required)(`two servers on one Redis ${redis.skipReason}`, () => {
  let server: RedisServer | undefined;
  const children: ChildProcess[] = [];
  let a: Server;
  let b: Server;

  beforeAll(async () => {
    if (!redis.available) throw new Error("RIVULET_REQUIRE_REDIS is set but redis-server is not installed");
    if (!existsSync(BUNDLE))
      throw new Error("dist/bundle is missing: run `npm run build` (npm test builds it first)");
    server = await startRedisServer();
    a = await startServer(server.url);
    b = await startServer(server.url);
    children.push(a.child, b.child);
  }, 30_000);

  afterAll(async () => {
    for (const child of children)
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
    await server?.stop();
  });

  it("resumes a run started on A from B with Last-Event-ID: every event once, in order", async () => {
    const runId = await startRun(a);
    const first = await readFrames(
      await fetch(`${a.url}/x/runs/${runId}/stream`),
      (frames) => frames.length >= 3,
    );
    expect(first).toHaveLength(3);
    const lastId = first.at(-1)?.id ?? "0";
    const rest = await readFrames(
      await fetch(`${b.url}/x/runs/${runId}/stream`, { headers: { "last-event-id": lastId } }),
      isTerminal,
    );
    const whole = await readFrames(await fetch(`${b.url}/x/runs/${runId}/stream`), isTerminal);
    const ids = [...first, ...rest].map((frame) => Number(frame.id));
    expect(ids).toEqual(whole.map((frame) => Number(frame.id)));
    expect(ids).toEqual(ids.map((_, index) => index + 1));
    expect([...first, ...rest].map((frame) => frame.data)).toEqual(whole.map((frame) => frame.data));
    expect(whole.at(-1)).toMatchObject({ event: "end", data: { status: "success" } });
    const streamed = whole.filter(
      (frame) => Reflect.get(Object(frame.data), "event") === "on_chat_model_stream",
    );
    expect(streamed.length).toBeGreaterThan(3);
  }, 30_000);

  it("stops the run A owns when the cancel is sent to B", async () => {
    const runId = await startRun(a);
    const reading = readFrames(await fetch(`${a.url}/x/runs/${runId}/stream`), isTerminal);
    const cancel = await fetch(`${b.url}/x/runs/${runId}/cancel`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: "{}",
    });
    expect(cancel.status).toBe(202);
    const frames = await reading;
    expect(frames.at(-1)).toMatchObject({ data: { status: "cancelled" } });
    const status: unknown = await (await fetch(`${b.url}/x/runs/${runId}`)).json();
    expect(status).toMatchObject({ status: "cancelled" });
  }, 30_000);

  it("ends B's reader with run_lost once A is killed mid-run and its lease lapses", async () => {
    const runId = await startRun(a);
    const response = await fetch(`${b.url}/x/runs/${runId}/stream`);
    let killed = false;
    const frames = await readFrames(response, (seen) => {
      if (!killed && seen.length >= 2) {
        a.child.kill("SIGKILL");
        killed = true;
      }
      return isTerminal(seen);
    });
    expect(killed).toBe(true);
    expect(frames.at(-1)).toMatchObject({ event: "error", data: { code: "run_lost" } });
    const status: unknown = await (await fetch(`${b.url}/x/runs/${runId}`)).json();
    expect(status).toMatchObject({ status: "error", error: { code: "run_lost" } });
  }, 30_000);
});

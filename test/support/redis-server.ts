import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { createConnection, createServer } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";

/** A `redis-server` of our own on a loopback port, for one test file. */
export interface RedisServer {
  readonly port: number;
  readonly url: string;
  stop(): Promise<void>;
}

/** Whether `redis-server` can be started here, and what a test should do when it cannot. */
export interface RedisAvailability {
  readonly available: boolean;
  /** Set (`RIVULET_REQUIRE_REDIS`): a missing server fails the tests instead of skipping them. */
  readonly required: boolean;
  /** Why the suite is skipped, for its name. */
  readonly skipReason: string;
}

const BINARY = process.env.RIVULET_REDIS_SERVER ?? "redis-server";

/** Looks for `redis-server` once (it answers `--version`). */
export function redisAvailability(): RedisAvailability {
  const probe = spawnSync(BINARY, ["--version"], { encoding: "utf8" });
  const available = probe.status === 0;
  const required = (process.env.RIVULET_REQUIRE_REDIS ?? "") !== "";
  return {
    available,
    required,
    skipReason: available
      ? ""
      : `skipped: ${BINARY} not found (install Redis, or set RIVULET_REQUIRE_REDIS=1 to fail instead of skipping)`,
  };
}

/** Starts `redis-server` on a free loopback port in a temp dir, and resolves once it answers PING. */
export async function startRedisServer(): Promise<RedisServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), "rivulet-redis-"));
  const args = [
    "--port",
    String(port),
    "--bind",
    "127.0.0.1",
    "--dir",
    dir,
    "--save",
    "",
    "--appendonly",
    "no",
  ];
  const child = spawn(BINARY, args, { stdio: ["ignore", "pipe", "pipe"] });
  let output = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  child.stderr?.on("data", (chunk: Buffer) => {
    output += chunk.toString();
  });
  const stop = async () => {
    await kill(child);
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForPing(port, child);
  } catch (error) {
    await stop();
    throw new Error(`redis-server did not start on port ${port}: ${String(error)}\n${output}`);
  }
  return { port, url: `redis://127.0.0.1:${port}`, stop };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address !== null ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

async function waitForPing(port: number, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + 10_000;
  let lastError: unknown;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`it exited with code ${child.exitCode}`);
    try {
      if (await ping(port)) return;
    } catch (error) {
      lastError = error;
    }
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  throw new Error(`no PONG within 10 s (${String(lastError)})`);
}

function ping(port: number): Promise<boolean> {
  return new Promise((resolve, reject) => {
    const socket = createConnection({ port, host: "127.0.0.1" });
    let reply = "";
    socket.once("error", reject);
    socket.on("connect", () => socket.write("PING\r\n"));
    socket.on("data", (chunk) => {
      reply += chunk.toString();
      if (reply.includes("\r\n")) {
        socket.end();
        resolve(reply.startsWith("+PONG"));
      }
    });
  });
}

function kill(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), 5_000);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}

// SSE serving under load: C concurrent clients on loopback against `POST /chat/stream_events` of
// `serve()` started by `listen()`, whose chat model streams N chunks with no delay, against a
// bare `node:http` handler writing the same frames (the floor, serve-sse-server.ts). Reports
// events per second, p50/p99 time to first byte and the server's peak heap growth and RSS, each
// as a ratio to the floor, from one run (interleaved rounds, medians).
//
//   npm run bench:serve [-- --quick] [-- --clients 1000] [-- --chunks 100] [-- --markdown]
//
// Each server runs in a child process of its own (`--expose-gc`), so its memory is measured
// alone; this process is the clients (node:http, one socket per client, no keep-alive).

import { type ChildProcess, fork } from "node:child_process";
import { Agent, request } from "node:http";
import { cpus } from "node:os";
import { fileURLToPath } from "node:url";
import { fmt, median } from "./harness.js";
import type { EventTemplate, ServerCommand, ServerReply } from "./serve-sse-server.js";

const SERVER = fileURLToPath(new URL("./serve-sse-server.js", import.meta.url));
const BODY = JSON.stringify({ input: "hi" });
const NEWLINE = 10;

type Mode = "rivulet" | "floor";

interface ClientResult {
  status: number;
  ttfbMs: number;
  frames: number;
  bytes: number;
  error?: string;
}

interface RoundResult {
  wallMs: number;
  eventsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  heapMb: number;
  rssMb: number;
  bytesPerClient: number;
}

interface Server {
  child: ChildProcess;
  port: number;
  next(): Promise<ServerReply>;
}

function option(args: string[], name: string, fallback: number): number {
  const index = args.indexOf(`--${name}`);
  return index < 0 ? fallback : Number(args[index + 1]);
}

/** Forks a server child and waits until it listens. */
async function startServer(mode: Mode, chunks: number, template?: EventTemplate): Promise<Server> {
  const args = [mode, String(chunks), ...(template === undefined ? [] : [JSON.stringify(template)])];
  const child = fork(SERVER, args, {
    execArgv: ["--expose-gc"],
    stdio: ["ignore", "inherit", "inherit", "ipc"],
  });
  const replies: ServerReply[] = [];
  const waiting: Array<(reply: ServerReply) => void> = [];
  child.on("message", (reply: ServerReply) => {
    const resolve = waiting.shift();
    if (resolve === undefined) replies.push(reply);
    else resolve(reply);
  });
  const next = () => {
    const queued = replies.shift();
    return queued !== undefined
      ? Promise.resolve(queued)
      : new Promise<ServerReply>((resolve) => waiting.push(resolve));
  };
  const listening = await next();
  if (listening.type !== "listening") throw new Error(`${mode}: unexpected ${JSON.stringify(listening)}`);
  return { child, port: listening.port, next };
}

/** Counts the SSE frames of a body as it arrives: a frame ends with a blank line ("\n\n"). */
class FrameCounter {
  frames = 0;
  #previous = 0;
  add(chunk: Buffer): void {
    let index = chunk.indexOf(NEWLINE);
    while (index >= 0) {
      const before = index === 0 ? this.#previous : chunk[index - 1];
      if (before === NEWLINE) this.frames++;
      index = chunk.indexOf(NEWLINE, index + 1);
    }
    this.#previous = chunk[chunk.length - 1] ?? this.#previous;
  }
}

/** One client: POSTs the body, times the first body byte, counts frames to the end. */
function oneClient(agent: Agent, port: number, onFirstBody?: (text: string) => void): Promise<ClientResult> {
  return new Promise((resolve) => {
    const started = performance.now();
    const req = request(
      {
        host: "127.0.0.1",
        port,
        path: "/chat/stream_events",
        method: "POST",
        agent,
        headers: { "content-type": "application/json", "content-length": Buffer.byteLength(BODY) },
      },
      (res) => {
        let ttfbMs = -1;
        let bytes = 0;
        const counter = new FrameCounter();
        const texts: string[] = [];
        res.on("data", (chunk: Buffer) => {
          if (ttfbMs < 0) ttfbMs = performance.now() - started;
          bytes += chunk.length;
          counter.add(chunk);
          if (onFirstBody !== undefined) texts.push(chunk.toString("utf8"));
        });
        res.on("end", () => {
          onFirstBody?.(texts.join(""));
          resolve({ status: res.statusCode ?? 0, ttfbMs, frames: counter.frames, bytes });
        });
        res.on("error", (error) => resolve({ status: 0, ttfbMs, frames: 0, bytes, error: error.message }));
      },
    );
    req.on("error", (error) => resolve({ status: 0, ttfbMs: -1, frames: 0, bytes: 0, error: error.message }));
    req.end(BODY);
  });
}

function percentile(sorted: number[], fraction: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(fraction * (sorted.length - 1)))] ?? Number.NaN;
}

function ask(server: Server, command: ServerCommand): void {
  server.child.send(command);
}

/** One round: C clients at once against one server; every client must get every frame. */
async function round(server: Server, clients: number, chunks: number): Promise<RoundResult> {
  const agent = new Agent({ keepAlive: false, maxSockets: clients * 2 });
  ask(server, { type: "start" });
  const started = performance.now();
  const results = await Promise.all(Array.from({ length: clients }, () => oneClient(agent, server.port)));
  const wallMs = performance.now() - started;
  ask(server, { type: "stop" });
  const peak = await server.next();
  agent.destroy();
  if (peak.type !== "peak") throw new Error(`unexpected ${JSON.stringify(peak)}`);
  // A start event, one per chunk, an end event, then the `end` frame.
  const expectedFrames = chunks + 3;
  const wrong = results.filter((result) => result.status !== 200 || result.frames !== expectedFrames);
  if (wrong.length > 0)
    throw new Error(`${wrong.length} of ${clients} clients failed; first: ${JSON.stringify(wrong[0])}`);
  const ttfbs = results.map((result) => result.ttfbMs).sort((a, b) => a - b);
  const events = results.reduce((sum, result) => sum + result.frames - 1, 0);
  return {
    wallMs,
    eventsPerSecond: events / (wallMs / 1000),
    p50Ms: percentile(ttfbs, 0.5),
    p99Ms: percentile(ttfbs, 0.99),
    heapMb: peak.heapBytes / 1024 / 1024,
    rssMb: peak.rssBytes / 1024 / 1024,
    bytesPerClient: results.reduce((sum, result) => sum + result.bytes, 0) / clients,
  };
}

/** The rivulet server's own on_chat_model_stream event, for the floor to copy its shape. */
async function eventTemplate(port: number): Promise<EventTemplate> {
  let body = "";
  const agent = new Agent({ keepAlive: false });
  await oneClient(agent, port, (text) => {
    body = text;
  });
  agent.destroy();
  for (const frame of body.split("\n\n")) {
    const data = frame.split("\n").find((line) => line.startsWith("data: "));
    if (data === undefined) continue;
    const event: EventTemplate = JSON.parse(data.slice(6));
    if (event.event === "on_chat_model_stream") return event;
  }
  throw new Error(`no on_chat_model_stream event in ${body.slice(0, 500)}`);
}

const ROWS: Array<{ label: string; unit: string; key: keyof RoundResult; better: "higher" | "lower" }> = [
  { label: "events per second", unit: "events/s", key: "eventsPerSecond", better: "higher" },
  { label: "time to first byte, p50", unit: "ms", key: "p50Ms", better: "lower" },
  { label: "time to first byte, p99", unit: "ms", key: "p99Ms", better: "lower" },
  { label: "peak heap growth", unit: "MB", key: "heapMb", better: "lower" },
  { label: "peak RSS", unit: "MB", key: "rssMb", better: "lower" },
  { label: "wall time per round", unit: "ms", key: "wallMs", better: "lower" },
  { label: "bytes per client", unit: "B", key: "bytesPerClient", better: "lower" },
];

function table(results: Record<Mode, RoundResult[]>, markdown: boolean): string[] {
  const header = ["measure", "unit", "rivulet", "floor", "rivulet ÷ floor"];
  const lines = ROWS.map(({ label, unit, key }) => {
    const rivulet = median(results.rivulet.map((result) => result[key]));
    const floor = median(results.floor.map((result) => result[key]));
    return [label, unit, fmt(rivulet), fmt(floor), `${fmt(rivulet / floor)}x`];
  });
  if (markdown) return [header, header.map(() => "---"), ...lines].map((cells) => `| ${cells.join(" | ")} |`);
  return [header, ...lines].map((cells) =>
    cells.map((cell, index) => cell.padEnd(index === 0 ? 26 : 12)).join(" "),
  );
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes("--quick");
  const markdown = args.includes("--markdown");
  const clients = option(args, "clients", quick ? 200 : 1000);
  const chunks = option(args, "chunks", 100);
  const timedRounds = quick ? 1 : 3;
  const rivulet = await startServer("rivulet", chunks);
  const floor = await startServer("floor", chunks, await eventTemplate(rivulet.port));
  const servers: Record<Mode, Server> = { rivulet, floor };
  const results: Record<Mode, RoundResult[]> = { rivulet: [], floor: [] };
  try {
    for (let index = 0; index <= timedRounds; index++) {
      const order: Mode[] = index % 2 === 0 ? ["rivulet", "floor"] : ["floor", "rivulet"];
      for (const mode of order) {
        const result = await round(servers[mode], clients, chunks);
        if (index > 0) results[mode].push(result); // round 0 is the warm-up
        console.error(`round ${index}${index === 0 ? " (warm-up)" : ""} ${mode}: ${fmt(result.wallMs)} ms`);
      }
    }
  } finally {
    rivulet.child.kill();
    floor.child.kill();
  }
  const cpu = cpus()[0]?.model ?? "unknown cpu";
  console.log(
    `node: ${process.version}; date: ${new Date().toISOString().slice(0, 10)}${quick ? " (quick)" : ""}`,
  );
  console.log(`machine: ${cpus().length} cores (${cpu}), ${process.platform}-${process.arch}`);
  console.log(
    `${clients} concurrent SSE clients x ${chunks} chunks (${chunks + 2} events each), loopback; medians of ${timedRounds} round(s) after 1 warm-up`,
  );
  for (const line of table(results, markdown)) console.log(line);
}

await main();

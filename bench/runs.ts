// What a durable run costs per event, and how fast a finished run replays. A chain whose model
// streams 200 tokens with no delay, consumed three ways:
//   plain    chain.streamEvents (v2), the floor
//   memory   createRunManager over memoryRunStore: start, then read live until the terminal
//   redis    the same over redisRunStore (only with REDIS_URL set: a redis-server you started)
// and a replay of the finished run from id 0 on each store (events per second). Interleaved
// rounds, medians after warm-up, ratios to the floor.
//
// Run: npm run bench:runs (builds first); REDIS_URL=redis://127.0.0.1:6379 npm run bench:runs

import { createClient } from "redis";
import { ChatPromptTemplate } from "rivulet";
import {
  createRunManager,
  memoryRunStore,
  nodeRedisCommands,
  type RunManager,
  redisRunStore,
} from "rivulet/runs";
import { FakeListChatModel } from "rivulet/testing";

const ANSWER = Array.from({ length: 200 }, (_, index) => `w${index}`).join(" ");

function chain() {
  return ChatPromptTemplate.fromMessages([["human", "{q}"]]).pipe(
    new FakeListChatModel({ responses: [ANSWER], chunking: "word" }),
  );
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)] ?? Number.NaN;
}

async function plain(): Promise<number> {
  let events = 0;
  for await (const _event of chain().streamEvents({ q: "go" }, { version: "v2" })) events++;
  return events;
}

/** Starts a run, reads it live to its terminal, and returns its id and event count. */
async function durable(manager: RunManager): Promise<{ runId: string; events: number }> {
  const { runId } = await manager.start(chain(), { q: "go" });
  let events = 0;
  for await (const entry of manager.read(runId)) if (entry.type === "event") events++;
  return { runId, events };
}

async function replay(manager: RunManager, runId: string): Promise<number> {
  let events = 0;
  for await (const entry of manager.read(runId)) if (entry.type === "event") events++;
  return events;
}

interface Sample {
  perEvent: number[];
  replayRate: number[];
}

async function main(): Promise<void> {
  const quick = process.argv.includes("--quick");
  const rounds = quick ? 5 : 9;
  const warmup = quick ? 1 : 3;
  const managers = new Map<string, RunManager>([["memory", createRunManager({ store: memoryRunStore() })]]);
  const client =
    process.env.REDIS_URL === undefined ? undefined : createClient({ url: process.env.REDIS_URL });
  if (client !== undefined) {
    await client.connect();
    managers.set("redis", createRunManager({ store: redisRunStore(nodeRedisCommands(client)) }));
  }
  const samples = new Map<string, Sample>([["plain", { perEvent: [], replayRate: [] }]]);
  for (const name of managers.keys()) samples.set(name, { perEvent: [], replayRate: [] });
  for (let round = 0; round < warmup + rounds; round++) {
    const timed = round >= warmup;
    let started = performance.now();
    const plainEvents = await plain();
    if (timed) samples.get("plain")?.perEvent.push(((performance.now() - started) * 1000) / plainEvents);
    for (const [name, manager] of managers) {
      started = performance.now();
      const { runId, events } = await durable(manager);
      if (timed) samples.get(name)?.perEvent.push(((performance.now() - started) * 1000) / events);
      started = performance.now();
      const replayed = await replay(manager, runId);
      if (timed) samples.get(name)?.replayRate.push(replayed / ((performance.now() - started) / 1000));
    }
  }
  const floor = median(samples.get("plain")?.perEvent ?? []);
  console.log("case     µs/event   ratio to plain   replay events/s");
  for (const [name, sample] of samples) {
    const perEvent = median(sample.perEvent);
    const rate =
      sample.replayRate.length === 0 ? "" : Math.round(median(sample.replayRate)).toLocaleString("en-US");
    console.log(
      `${name.padEnd(8)} ${perEvent.toFixed(2).padStart(8)}   ${(perEvent / floor).toFixed(2).padStart(13)}x   ${rate}`,
    );
  }
  for (const manager of managers.values()) await manager.close();
  await client?.quit();
}

if (process.argv[1]?.endsWith("runs.js")) await main();

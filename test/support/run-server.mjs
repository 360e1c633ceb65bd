// A serve() process for the two-server Redis test: a chain on the offline fakes served at /x with
// durable runs on the Redis at REDIS_URL. Its model waits SLEEP_MS between chunks, so a run is
// mid-way when the test cuts a reader or kills this process. Prints its URL as one stdout line.
// Plain .mjs on the built bundles: a child process cannot import the TypeScript sources.
import { createClient } from "redis";
import { ChatPromptTemplate, StringOutputParser } from "../../dist/bundle/index.js";
import { nodeRedisCommands, redisRunStore } from "../../dist/bundle/runs.js";
import { listen, serve } from "../../dist/bundle/serve.js";
import { FakeListChatModel } from "../../dist/bundle/testing.js";

const client = createClient({ url: process.env.REDIS_URL });
client.on("error", () => undefined);
await client.connect();
const model = new FakeListChatModel({
  responses: ["one two three four five six seven eight"],
  sleep: Number(process.env.SLEEP_MS ?? 50),
});
const chain = ChatPromptTemplate.fromMessages([["user", "{topic}"]])
  .pipe(model)
  .pipe(new StringOutputParser());
const store = redisRunStore(nodeRedisCommands(client), { cancelPollMs: 50 });
const runs = {
  store,
  leaseMs: Number(process.env.LEASE_MS ?? 300),
  idleMs: Number(process.env.IDLE_MS ?? 100),
};
const app = serve({ "/x": chain }, { runs, heartbeat: false });
const { url } = await listen(app, { port: Number(process.env.PORT ?? 0) });
process.stdout.write(`${url}\n`);

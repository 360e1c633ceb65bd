// The server side of the SSE serving bench (serve-sse.ts), in a child process of its own so its
// heap is measured alone: `node serve-sse-server.js rivulet|floor <chunks> [template]`.
//
// rivulet: `serve({ "/chat": model })` started by `listen()`, a chat model streaming <chunks>
//          one-character chunks with no delay, read through `POST /chat/stream_events`.
// floor:   a bare `node:http` handler that reads the body, then writes the same frames as SSE
//          (a start event, one per chunk, an end event, then `end`), each event built and
//          JSON-encoded per chunk from a template of the rivulet server's own stream event, so
//          the bytes are alike; it waits for `drain` when a write says the socket is full.
//
// The parent talks over IPC: the child sends `{ port }` once listening; `start` takes a GC'd
// baseline and samples process.memoryUsage() every 5 ms; `stop` answers the peak heapUsed above
// the baseline (garbage included: no GC is forced while sampling) and the peak RSS.

import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import { AIMessageChunk, BaseChatModel } from "rivulet";
import { listen, serve } from "rivulet/serve";
import { collectGarbage } from "./harness.js";

/** What the parent sends. */
export type ServerCommand = { type: "start" } | { type: "stop" };

/** What the child sends back. */
export type ServerReply =
  | { type: "listening"; port: number }
  | { type: "peak"; heapBytes: number; rssBytes: number; samples: number };

class ChunkModel extends BaseChatModel {
  readonly count: number;
  constructor(count: number) {
    super({ name: "ChunkModel" });
    this.count = count;
  }
  _llmType(): string {
    return "bench";
  }
  override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    for (let index = 0; index < this.count; index++)
      yield new AIMessageChunk({ content: String.fromCharCode(97 + (index % 26)) });
  }
}

/** A stream event as rivulet sends it, used by the floor to build frames of the same shape. */
export interface EventTemplate {
  event: string;
  name: string;
  run_id: string;
  tags: string[];
  metadata: Record<string, unknown>;
  parent_ids: string[];
  data: { chunk: Record<string, unknown> };
}

function frame(value: unknown): string {
  return `event: data\ndata: ${JSON.stringify(value)}\n\n`;
}

async function floorHandler(
  req: IncomingMessage,
  res: ServerResponse,
  chunks: number,
  template: EventTemplate,
): Promise<void> {
  for await (const _ of req); // the body, read and dropped
  res.writeHead(200, { "content-type": "text/event-stream; charset=utf-8", "cache-control": "no-cache" });
  const write = async (text: string) => {
    if (!res.write(text)) await new Promise((resolve) => res.once("drain", resolve));
  };
  const base = {
    name: template.name,
    run_id: template.run_id,
    tags: template.tags,
    metadata: template.metadata,
  };
  await write(frame({ ...base, event: "on_chat_model_start", data: { input: "hi" }, parent_ids: [] }));
  for (let index = 0; index < chunks; index++) {
    const content = String.fromCharCode(97 + (index % 26));
    await write(
      frame({
        ...base,
        event: "on_chat_model_stream",
        data: { chunk: { ...template.data.chunk, content } },
        parent_ids: [],
      }),
    );
  }
  await write(
    frame({ ...base, event: "on_chat_model_end", data: { output: template.data.chunk }, parent_ids: [] }),
  );
  res.end("event: end\n\n");
}

async function startServer(
  mode: string,
  chunks: number,
  template: EventTemplate | undefined,
): Promise<number> {
  if (mode === "rivulet") {
    const running = await listen(serve({ "/chat": new ChunkModel(chunks) }), { port: 0 });
    return Number(new URL(running.url).port);
  }
  if (template === undefined) throw new Error("the floor needs the event template");
  const server = createServer((req, res) => void floorHandler(req, res, chunks, template));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const address = server.address();
  if (typeof address !== "object" || address === null) throw new Error("no address");
  return address.port;
}

function main(): void {
  const [mode = "rivulet", chunksText = "100", templateText] = process.argv.slice(2);
  const template: EventTemplate | undefined =
    templateText === undefined ? undefined : JSON.parse(templateText);
  let base = { heap: 0, rss: 0 };
  let peak = { heap: 0, rss: 0, samples: 0 };
  let sampler: NodeJS.Timeout | undefined;
  const sample = () => {
    const usage = process.memoryUsage();
    peak = {
      heap: Math.max(peak.heap, usage.heapUsed - base.heap),
      rss: Math.max(peak.rss, usage.rss),
      samples: peak.samples + 1,
    };
  };
  const reply = (message: ServerReply) => process.send?.(message);
  process.on("message", (command: ServerCommand) => {
    if (command.type === "start") {
      collectGarbage();
      const usage = process.memoryUsage();
      base = { heap: usage.heapUsed, rss: usage.rss };
      peak = { heap: 0, rss: 0, samples: 0 };
      sampler = setInterval(sample, 5);
    } else {
      clearInterval(sampler);
      sample();
      reply({ type: "peak", heapBytes: peak.heap, rssBytes: peak.rss, samples: peak.samples });
    }
  });
  void startServer(mode, Number(chunksText), template).then((port) => reply({ type: "listening", port }));
}

main();

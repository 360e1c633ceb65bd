import type { StreamEvent } from "../events/stream-event.js";
import { sseResponse } from "../serve/sse-response.js";
import { type ToUIMessageStreamOptions, uiMessageChunks } from "./to-ui-message-stream.js";

/** Options of {@link toUIMessageStreamResponse}: the stream's options plus the response's headers. */
export interface ToUIMessageStreamResponseOptions extends ToUIMessageStreamOptions {
  /** Extra response headers (the protocol's own headers always win). */
  headers?: Headers | Record<string, string> | undefined;
  /** Aborted when the client goes away (the body is cancelled); pass the run's controller so a disconnect stops it. */
  abort?: AbortController | undefined;
}

/**
 * A `Response` carrying {@link toUIMessageStream}'s chunks as the AI SDK's client reads them:
 * one SSE frame `data: <json>\n\n` per chunk, then `data: [DONE]\n\n`, with the headers
 * `content-type: text/event-stream`, `cache-control: no-cache`,
 * `x-vercel-ai-ui-message-stream: v1` and `x-accel-buffering: no`. The body is pull-based
 * (events are read only as fast as the client reads), and cancelling it (the client left)
 * closes the events' iterator, which cancels the run that produces them.
 *
 * @example
 * export const POST = async (request: Request) =>
 *   toUIMessageStreamResponse(agent.streamEvents({ messages }, { version: "v2", signal: request.signal }));
 */
export function toUIMessageStreamResponse(
  events: AsyncIterable<StreamEvent>,
  options: ToUIMessageStreamResponseOptions = {},
): Response {
  const headers = new Headers(options.headers);
  const response = sseResponse(uiMessageFrames(events, options), {
    abort: options.abort ?? new AbortController(),
    heartbeat: undefined,
    headers,
  });
  response.headers.set("content-type", "text/event-stream");
  response.headers.set("cache-control", "no-cache");
  response.headers.set("x-vercel-ai-ui-message-stream", "v1");
  response.headers.set("x-accel-buffering", "no");
  return response;
}

async function* uiMessageFrames(
  events: AsyncIterable<StreamEvent>,
  options: ToUIMessageStreamOptions,
): AsyncGenerator<string, void, undefined> {
  for await (const chunk of uiMessageChunks(events, options)) yield `data: ${JSON.stringify(chunk)}\n\n`;
  yield "data: [DONE]\n\n";
}

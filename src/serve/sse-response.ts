import { AbortError } from "../errors/abort-error.js";
import type { ResolvedHeartbeat } from "./heartbeat.js";

const encoder = new TextEncoder();
const PING = encoder.encode(": ping\n\n");

/** What {@link sseResponse} needs besides the frames. */
export interface SseResponseOptions {
  /** Aborted when the client goes away (the body is cancelled, or a heartbeat cannot be written). */
  readonly abort: AbortController;
  readonly heartbeat: ResolvedHeartbeat | undefined;
  readonly headers: Headers;
}

/**
 * A `text/event-stream` response whose body is pull-based: the first frame is queued at once
 * (so `metadata` reaches the client before any work), and each further frame is taken from
 * `frames` only when the client reads, so the chain produces only as fast as the client
 * consumes. Heartbeats (`: ping` comments, which every SSE client ignores) are queued on an
 * interval; one that cannot be queued means the body is gone. A cancelled body (the client
 * disconnected, or the adapter saw a failed write) aborts `abort` and closes `frames`, which
 * closes the run.
 *
 * @example
 * return sseResponse(frames(), { abort, heartbeat, headers });
 */
export function sseResponse(frames: AsyncIterator<string>, options: SseResponseOptions): Response {
  let stopHeartbeat: (() => void) | undefined;
  const finish = () => {
    stopHeartbeat?.();
    stopHeartbeat = undefined;
  };
  const goneAway = (reason: unknown) => {
    finish();
    if (!options.abort.signal.aborted) {
      options.abort.abort(new AbortError("The client closed the connection", { reason }));
    }
    void frames.return?.().catch(() => undefined);
  };
  const body = new ReadableStream<Uint8Array>(
    {
      start: async (controller) => {
        await enqueueNext(frames, controller, finish);
        if (options.heartbeat === undefined || options.abort.signal.aborted) return;
        stopHeartbeat = options.heartbeat.schedule(() => {
          try {
            controller.enqueue(PING);
          } catch (error) {
            goneAway(error);
          }
        }, options.heartbeat.intervalMs);
      },
      pull: (controller) => enqueueNext(frames, controller, finish),
      cancel: goneAway,
    },
    { highWaterMark: 0 },
  );
  options.headers.set("content-type", "text/event-stream; charset=utf-8");
  options.headers.set("cache-control", "no-cache, no-transform");
  options.headers.set("x-accel-buffering", "no");
  return new Response(body, { status: 200, headers: options.headers });
}

async function enqueueNext(
  frames: AsyncIterator<string>,
  controller: ReadableStreamDefaultController<Uint8Array>,
  finish: () => void,
): Promise<void> {
  let step: IteratorResult<string>;
  try {
    step = await frames.next();
  } catch (error) {
    finish();
    controller.error(error);
    return;
  }
  if (step.done === true) {
    finish();
    controller.close();
    return;
  }
  try {
    controller.enqueue(encoder.encode(step.value));
  } catch {
    // The body was cancelled while the frame was being made; `cancel` has cleaned up.
  }
}

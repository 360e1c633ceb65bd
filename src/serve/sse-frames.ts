import { type ErrorPayloadOptions, errorPayload } from "../errors/error-payload.js";
import { encodeSseFrame } from "../sse/encode-sse-frame.js";
import { serializeEventData } from "../sse/serialize-event-data.js";
import { wireForm } from "../wire/encode-wire-value.js";
import type { WireDialect } from "../wire/wire-dialect.js";
import { maskEventError } from "./mask-event-error.js";

/** What {@link sseFrames} writes around the values. */
export interface SseFramesOptions {
  readonly runId: string;
  readonly dialect: WireDialect;
  /** Send `event: metadata` with the run id first (the `stream` route). */
  readonly metadata: boolean;
  readonly errors: ErrorPayloadOptions;
  /** Aborted when the client has gone away: nobody reads, so a failure is not written. */
  readonly signal: AbortSignal;
}

/**
 * The SSE text of one streamed route, frame by frame: `event: metadata` with `{"run_id"}` first
 * when asked, an `event: data` frame per value (in the dialect's shape), then `event: end` with
 * no data. A failure becomes one `event: error` frame with `{ status_code, message, code, run_id }`
 * (the message masked unless the server exposes messages) and the stream stops there, with no
 * `end`, as LangServe does. Values are produced only when the next frame is asked for.
 *
 * @example
 * sseFrames(await chain.stream(input, config), { runId, dialect: "langserve", metadata: true, errors: {}, signal });
 */
export async function* sseFrames(
  values: AsyncIterable<unknown>,
  options: SseFramesOptions,
): AsyncGenerator<string> {
  if (options.metadata) {
    yield encodeSseFrame({ event: "metadata", data: JSON.stringify({ run_id: options.runId }) });
  }
  // Values are written in the dialect in the serializer's one walk (no converted copy first).
  const dialect = options.dialect;
  const serializeOptions = { replace: (inner: object) => wireForm(inner, dialect) };
  try {
    for await (const value of values) {
      const data = serializeEventData(maskEventError(value, options.errors), serializeOptions);
      yield encodeSseFrame({ event: "data", data });
    }
  } catch (error) {
    if (options.signal.aborted) return;
    yield errorFrame(error, options);
    return;
  }
  yield encodeSseFrame({ event: "end" });
}

function errorFrame(error: unknown, options: SseFramesOptions): string {
  const payload = errorPayload(error, options.errors);
  const data = {
    status_code: payload.status,
    message: payload.message,
    code: payload.code,
    run_id: options.runId,
  };
  return encodeSseFrame({ event: "error", data: JSON.stringify(data) });
}

/**
 * One event read from a Server-Sent Events stream by `parseSseStream`. `event` is
 * `"message"` when the frame named none; `data` joins the frame's `data:` lines with
 * `"\n"`; `id` is the last event id in force (as in the WHATWG spec it carries over to
 * later events until a new `id:` field changes it; absent while empty); `retry` is the
 * reconnection delay from the most recent valid `retry:` field since the previous event (all
 * digits, and small enough to be an exact integer: at most 2^53 - 1).
 */
export interface SseMessage {
  event: string;
  data: string;
  id?: string;
  retry?: number;
}

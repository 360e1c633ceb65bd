/**
 * One Server-Sent Events frame to send: `event` names it (omitted: the client sees
 * `"message"`), `data` is its text (any line breaks become several `data:` lines; omitted:
 * no `data:` line at all, as in the `event: end` frame that closes `streamEvents`; WHATWG
 * clients such as `EventSource` and `parseSseStream` dispatch only frames with data), `id`
 * sets the client's last event id and `retry` its reconnection delay in milliseconds.
 *
 * @example
 * const frame: SseFrame = { event: "data", data: JSON.stringify(event) };
 */
export interface SseFrame {
  event?: string;
  data?: string;
  id?: string;
  retry?: number;
}

/**
 * One Server-Sent Events frame to send: `event` names it (omitted: the client sees
 * `"message"`), `data` is its text (any line breaks become several `data:` lines), `id`
 * sets the client's last event id and `retry` its reconnection delay in milliseconds.
 *
 * @example
 * const frame: SseFrame = { event: "data", data: JSON.stringify(event) };
 */
export interface SseFrame {
  event?: string;
  data: string;
  id?: string;
  retry?: number;
}

import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import type { SseFrame } from "./sse-frame.js";

/**
 * Encodes one frame as Server-Sent Events text: `event: <name>`, `id: <id>`,
 * `retry: <ms>`, one `data: ` line per line of `data` (split at `\n`, `\r\n` and `\r`,
 * which the client joins back with `\n`; none when `data` is omitted, while `data: ""`
 * writes one empty `data: ` line), then a blank line that ends the frame. An
 * `event` or `id` containing CR or LF would end the field early and let the text inject
 * fields or whole events, so it is refused with an `InvalidInputError`, as are an `id`
 * with NUL (clients ignore it) and a `retry` that is not a non-negative integer.
 *
 * @example
 * encodeSseFrame({ event: "data", data: '{"a":1}' }); // 'event: data\ndata: {"a":1}\n\n'
 * encodeSseFrame({ event: "end" }); // 'event: end\n\n'
 */
export function encodeSseFrame(frame: SseFrame): string {
  let text = "";
  if (frame.event !== undefined) {
    checkSingleLine("event", frame.event);
    text += `event: ${frame.event}\n`;
  }
  if (frame.id !== undefined) {
    checkSingleLine("id", frame.id);
    if (frame.id.includes("\0"))
      throw new InvalidInputError("SSE field `id` must not contain NUL: clients ignore such an id.");
    text += `id: ${frame.id}\n`;
  }
  if (frame.retry !== undefined) {
    checkRetry(frame.retry);
    text += `retry: ${frame.retry}\n`;
  }
  if (frame.data !== undefined) for (const line of frame.data.split(/\r\n|\r|\n/)) text += `data: ${line}\n`;
  return `${text}\n`;
}

function checkSingleLine(field: "event" | "id", value: string): void {
  if (/[\r\n]/.test(value)) {
    throw new InvalidInputError(
      `SSE field \`${field}\` must not contain CR or LF (got ${JSON.stringify(value)}): ` +
        "a line break would end the field and let the rest be read as other fields.",
    );
  }
}

/** The shared numeric check, reported as the bad input a frame is (not a bad option). */
function checkRetry(retry: number): void {
  try {
    checkNumberOption("retry", retry, "non-negative-integer");
  } catch (error) {
    if (!InvalidConfigError.isInstance(error)) throw error;
    throw new InvalidInputError(`SSE frame: ${error.message} (the reconnection delay in ms)`, {
      cause: error,
    });
  }
}

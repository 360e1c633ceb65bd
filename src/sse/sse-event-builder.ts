import type { SseMessage } from "./sse-message.js";

/**
 * Internal: the field-by-field state of the WHATWG event stream interpretation. Fed one
 * line at a time; a blank line dispatches the frame gathered so far (returned), if it had
 * any `data` field.
 */
export class SseEventBuilder {
  private dataLines: string[] = [];
  private eventType = "";
  private lastEventId = "";
  private retry: number | undefined;

  /** Processes one line (without its line break); returns a message when the line dispatches one. */
  line(line: string): SseMessage | undefined {
    if (line === "") return this.dispatch();
    if (line.startsWith(":")) return undefined; // a comment (often a keep-alive)
    const colon = line.indexOf(":");
    const field = colon === -1 ? line : line.slice(0, colon);
    let value = colon === -1 ? "" : line.slice(colon + 1);
    if (value.startsWith(" ")) value = value.slice(1); // only one space is syntax; more are data
    switch (field) {
      case "event":
        this.eventType = value;
        break;
      case "data":
        this.dataLines.push(value);
        break;
      case "id":
        if (!value.includes("\0")) this.lastEventId = value;
        break;
      case "retry":
        // Only exact integers: a very long run of digits reads as an inexact number or Infinity.
        if (/^[0-9]+$/.test(value) && Number.isSafeInteger(Number(value))) this.retry = Number(value);
        break;
      // Any other field is ignored, as the spec requires.
    }
    return undefined;
  }

  private dispatch(): SseMessage | undefined {
    const dataLines = this.dataLines;
    const eventType = this.eventType;
    this.dataLines = [];
    this.eventType = "";
    if (dataLines.length === 0) return undefined;
    const message: SseMessage = {
      event: eventType === "" ? "message" : eventType,
      data: dataLines.join("\n"),
    };
    if (this.lastEventId !== "") message.id = this.lastEventId;
    if (this.retry !== undefined) {
      message.retry = this.retry;
      this.retry = undefined;
    }
    return message;
  }
}

import type { StreamEvent, StreamEventV1 } from "rivulet";
import { show, truncate } from "./tour-context.js";

/** One event on one line: event, name, tags, parent depth and the data, cut to the terminal width. */
export function formatEvent(e: StreamEvent | StreamEventV1): string {
  const depth = "parent_ids" in e ? "  ".repeat(e.parent_ids.length) : "";
  const tags = e.tags.length > 0 ? ` [${e.tags.join(", ")}]` : "";
  return truncate(`${depth}${e.event.padEnd(22)} ${e.name}${tags}  ${show(e.data)}`);
}

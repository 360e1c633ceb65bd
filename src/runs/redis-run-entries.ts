import { InvalidConfigError } from "../errors/input-errors.js";
import type { StreamEvent } from "../events/stream-event.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { decodeWireValue } from "../wire/decode-wire-value.js";
import { encodeWireValue } from "../wire/encode-wire-value.js";
import type { RunInfo, RunLogEntry, RunTerminalEntry, RunTerminalStatus } from "./run-record.js";

// How run records are written in Redis: JSON in Rivulet's lossless wire dialect, so messages,
// chunks and documents in an event come back as the same classes on any instance.

/** An event as a stream entry's `event` field. */
export function encodeEvent(event: StreamEvent): string {
  return JSON.stringify(encodeWireValue(event, "rivulet"));
}

/** A terminal record (its id is the stream entry's) as the `terminal` field and meta field. */
export function encodeTerminal(terminal: RunTerminalEntry): string {
  const { status, output, error } = terminal;
  return JSON.stringify(encodeWireValue({ status, output, error }, "rivulet"));
}

/** The id of a stream entry written as `0-<id>`. */
export function entryId(streamId: unknown): number {
  const match = typeof streamId === "string" ? /^0-(\d+)$/.exec(streamId) : null;
  if (match?.[1] === undefined) throw badReply("a stream entry id", streamId);
  return Number(match[1]);
}

/** The records of an `XRANGE` reply (`[[id, [field, value]], ...]`). */
export function parseEntries(reply: unknown): RunLogEntry[] {
  if (!Array.isArray(reply)) throw badReply("XRANGE entries", reply);
  return reply.map((entry: unknown) => {
    if (!Array.isArray(entry) || !Array.isArray(entry[1])) throw badReply("an XRANGE entry", entry);
    const id = entryId(entry[0]);
    const [field, value] = entry[1];
    if (typeof value !== "string") throw badReply("an entry's value", value);
    if (field === "event") return { type: "event", id, event: decodeEvent(value) };
    if (field === "terminal") return decodeTerminal(id, value);
    throw badReply("an entry field (event or terminal)", field);
  });
}

/** The records of an `XREAD` reply on one stream (`[[key, entries]]`, or null on timeout). */
export function parseReadReply(reply: unknown): RunLogEntry[] | undefined {
  if (reply === null || reply === undefined) return undefined;
  if (Array.isArray(reply) && Array.isArray(reply[0])) return parseEntries(reply[0][1]);
  // RESP3 answers a map of stream name to entries (node-redis: a plain object or a Map).
  if (reply instanceof Map) return parseEntries([...reply.values()][0]);
  if (isPlainObject(reply)) return parseEntries(Object.values(reply)[0]);
  throw badReply("an XREAD reply", reply);
}

/** A run's info from `INFO_SCRIPT`'s reply (`[hash fields and values, lease exists]`). */
export function parseInfo(runId: string, reply: unknown): RunInfo | undefined {
  if (!Array.isArray(reply) || !Array.isArray(reply[0])) throw badReply("the info script's reply", reply);
  const pairs: unknown[] = reply[0];
  if (pairs.length === 0) return undefined;
  const fields = new Map<string, string>();
  for (let index = 0; index + 1 < pairs.length; index += 2) {
    const key = pairs[index];
    const value = pairs[index + 1];
    if (typeof key === "string" && typeof value === "string") fields.set(key, value);
  }
  const terminalText = fields.get("terminal");
  const terminal =
    terminalText === undefined ? undefined : decodeTerminal(Number(fields.get("terminalId")), terminalText);
  return {
    runId,
    status: terminal?.status ?? "running",
    createdAt: Number(fields.get("createdAt")),
    metadata: decodeMetadata(fields.get("metadata") ?? "{}"),
    terminal,
    leaseAlive: terminal !== undefined || Number(reply[1]) === 1,
  };
}

function decodeEvent(text: string): StreamEvent {
  const value = decodeWireValue(JSON.parse(text), "rivulet");
  if (!isStreamEvent(value)) throw badReply("a stored stream event", text);
  return value;
}

function isStreamEvent(value: unknown): value is StreamEvent {
  return isPlainObject(value) && typeof value.event === "string" && typeof value.run_id === "string";
}

const STATUSES: ReadonlySet<string> = new Set<RunTerminalStatus>([
  "success",
  "error",
  "cancelled",
  "interrupted",
]);

function isStatus(value: unknown): value is RunTerminalStatus {
  return typeof value === "string" && STATUSES.has(value);
}

function decodeTerminal(id: number, text: string): RunTerminalEntry {
  const value = decodeWireValue(JSON.parse(text), "rivulet");
  if (!isPlainObject(value) || !isStatus(value.status)) throw badReply("a stored terminal record", text);
  const terminal: RunTerminalEntry = { type: "terminal", id, status: value.status };
  const withOutput = "output" in value ? { ...terminal, output: value.output } : terminal;
  return isErrorPayload(value.error) ? { ...withOutput, error: value.error } : withOutput;
}

function isErrorPayload(value: unknown): value is NonNullable<RunTerminalEntry["error"]> {
  return (
    isPlainObject(value) &&
    typeof value.code === "string" &&
    typeof value.name === "string" &&
    typeof value.message === "string" &&
    typeof value.status === "number"
  );
}

function decodeMetadata(text: string): Record<string, string> {
  const value: unknown = JSON.parse(text);
  const metadata: Record<string, string> = {};
  if (!isPlainObject(value)) return metadata;
  for (const [key, inner] of Object.entries(value)) if (typeof inner === "string") metadata[key] = inner;
  return metadata;
}

function badReply(expected: string, got: unknown): InvalidConfigError {
  return new InvalidConfigError(
    `redisRunStore: expected ${expected} from Redis, got ${JSON.stringify(got)?.slice(0, 200)}. The commands must answer raw replies (strings, integers, arrays, null; a map for XREAD), as nodeRedisCommands does.`,
  );
}

import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { describeWrongValue } from "./describe-wrong-value.js";
import type { ToolCallChunk } from "./tool-call.js";

const SHAPE = "{ name?: string, args?: string, id?: string, index?: number }";
const STRING_FIELDS = ["name", "args", "id"] as const;
const EXPECTED: Readonly<Record<(typeof STRING_FIELDS)[number], string>> = {
  name: "a string (the tool's name, or a piece of it)",
  args: "a string (a piece of the JSON text of the arguments)",
  id: "a string (the call's id)",
};

function checkChunk(chunk: unknown, position: number): void {
  const at = `AIMessageChunk tool_call_chunks[${position}]`;
  if (!isNonArrayObject(chunk)) {
    throw new InvalidInputError(`${at} must be an object ${SHAPE}, got ${describeWrongValue(chunk)}.`);
  }
  for (const field of STRING_FIELDS) {
    const value = chunk[field];
    if (value === undefined || typeof value === "string") continue;
    const hint = value === null ? " Leave the field out instead of null." : "";
    throw new InvalidInputError(
      `${at}.${field} must be ${EXPECTED[field]}, got ${describeWrongValue(value)}.${hint}`,
    );
  }
  if (chunk.type !== undefined && chunk.type !== "tool_call_chunk") {
    throw new InvalidInputError(
      `${at}.type must be "tool_call_chunk" or left out, got ${JSON.stringify(chunk.type) ?? describeWrongValue(chunk.type)}.`,
    );
  }
  // The index joins a call's fragments: a NaN one would never match and split the call.
  const index = chunk.index;
  const name = `tool_call_chunks[${position}].index`;
  if (typeof index === "number") checkNumberOption(name, index, "non-negative-integer");
  else if (index !== undefined) {
    // Worded as checkNumberOption words it, so a string index reads as before.
    const got = typeof index === "string" ? `the string ${JSON.stringify(index)}` : describeWrongValue(index);
    throw new InvalidConfigError(`${name} must be a non-negative integer, got ${got}`);
  }
}

/**
 * Checks `tool_call_chunks` where an `AIMessageChunk` is built and returns it unchanged, so that a
 * wrong type (`tool_call_chunks: {}`, a `null` fragment, `args: 5`) is an `InvalidInputError`
 * naming the field and what it takes, instead of a raw `TypeError` when the calls are first read.
 * A bad `index` (NaN, negative, fractional) is the `InvalidConfigError` of `checkNumberOption`.
 *
 * @example
 * checkToolCallChunks([{ index: 0, id: "c1", name: "f", args: "{" }]); // returned as is
 * checkToolCallChunks(JSON.parse('[{ "index": 0, "args": 5 }]')); // throws InvalidInputError
 */
export function checkToolCallChunks(chunks: ToolCallChunk[]): ToolCallChunk[] {
  // Typed for callers; read as unknown, since plain JavaScript and parsed JSON reach it too.
  const value: unknown = chunks;
  if (!Array.isArray(value)) {
    throw new InvalidInputError(
      `AIMessageChunk tool_call_chunks must be an array of fragments ${SHAPE}, got ${describeWrongValue(value)}.`,
    );
  }
  for (let position = 0; position < value.length; position++) checkChunk(value[position], position);
  return chunks;
}

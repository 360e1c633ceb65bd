import { isDeepStrictEqual } from "node:util";
import { describe, expect, it } from "vitest";
import { seededRandom } from "../internal/test-support/seeded-random.js";
import { JsonStreamParser, type JsonStreamParserOptions } from "./json-stream-parser.js";
import type { JsonStreamPatchOperation } from "./json-stream-patch-operation.js";
import type { JsonObject, JsonValue } from "./json-value.js";

// ---- deterministic randomness -------------------------------------------------------------

type Rng = () => number;

function pick<T>(rng: Rng, items: readonly T[]): T {
  return items[Math.floor(rng() * items.length)]!;
}

function int(rng: Rng, max: number): number {
  return Math.floor(rng() * (max + 1));
}

// ---- a random JSON writer (text directly, so escapes, spacing and number forms vary) ------

const STRING_PIECES = [
  "a",
  "Z",
  " ",
  "7",
  '"',
  "\\",
  "/",
  "\n",
  "\t",
  "\b",
  "\f",
  "\r",
  "\u0001",
  "é",
  "日本語",
  "😀",
  "\ud800",
  "~",
  "ü",
];
const KEYS = ["a", "b", "name", "a/b", "~", "~1", "", "日本", "😀", "x y", 'q"'];
const SHORT_ESCAPES: Record<string, string> = {
  '"': '\\"',
  "\\": "\\\\",
  "\n": "\\n",
  "\t": "\\t",
  "\b": "\\b",
  "\f": "\\f",
  "\r": "\\r",
};

function ws(rng: Rng): string {
  return rng() < 0.6 ? "" : pick(rng, [" ", "\n  ", "\t", " \r\n "]);
}

function unicodeEscape(rng: Rng, code: number): string {
  const hex = code.toString(16).padStart(4, "0");
  return `\\u${rng() < 0.5 ? hex : hex.toUpperCase()}`;
}

function writeString(rng: Rng, text: string): string {
  let out = '"';
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    const code = text.charCodeAt(i);
    const short = SHORT_ESCAPES[ch];
    if (short !== undefined) out += rng() < 0.8 ? short : unicodeEscape(rng, code);
    else if (code < 0x20 || (code >= 0xd800 && code <= 0xdfff && rng() < 0.5))
      out += unicodeEscape(rng, code);
    else if (ch === "/" && rng() < 0.5) out += "\\/";
    else if (rng() < 0.05) out += unicodeEscape(rng, code);
    else out += ch;
  }
  return `${out}"`;
}

function randomText(rng: Rng): string {
  let text = "";
  const n = int(rng, 12);
  for (let i = 0; i < n; i += 1) text += pick(rng, STRING_PIECES);
  return text;
}

function writeNumber(rng: Rng): string {
  let text = rng() < 0.3 ? "-" : "";
  text += rng() < 0.2 ? "0" : `${1 + int(rng, 8)}${"0123456789".slice(0, int(rng, 10))}`;
  if (rng() < 0.4) text += `.${String(int(rng, 99999)).padStart(int(rng, 3) + 1, "0")}`;
  if (rng() < 0.3) text += `${pick(rng, ["e", "E"])}${pick(rng, ["", "+", "-"])}${int(rng, 300)}`;
  return text;
}

function writeValue(rng: Rng, depth: number): string {
  const roll = rng();
  if (depth < 4 && roll < 0.25) return writeObject(rng, depth + 1);
  if (depth < 4 && roll < 0.45) return writeArray(rng, depth + 1);
  if (roll < 0.7) return writeString(rng, randomText(rng));
  if (roll < 0.88) return writeNumber(rng);
  return pick(rng, ["true", "false", "null"]);
}

function writeObject(rng: Rng, depth: number): string {
  const keys = KEYS.filter(() => rng() < 0.35);
  const members = keys.map(
    (key) => `${ws(rng)}${writeString(rng, key)}${ws(rng)}:${ws(rng)}${writeValue(rng, depth)}${ws(rng)}`,
  );
  return `{${members.length === 0 ? ws(rng) : members.join(",")}}`;
}

function writeArray(rng: Rng, depth: number): string {
  const items = Array.from({ length: int(rng, 5) }, () => `${ws(rng)}${writeValue(rng, depth)}${ws(rng)}`);
  return `[${items.length === 0 ? ws(rng) : items.join(",")}]`;
}

const FIXED_CORPUS = [
  '{"countries": [{"name": "France", "population": 67391582}, {"name": "Spain", "population": 47615034}]}',
  '{"城市": "東京", "説明": "日本の首都", "emoji": "\\ud83d\\ude00 😀"}',
  '{"a": {}, "b": [], "c": [[], [{}], {"d": [[[]]]}], "e": ""}',
  "[-0, 0.5, -1.25e-7, 1E+21, 3e0, 12345678901234567890, -0.0]",
  '"just a string with \\"quotes\\" and \\\\ backslashes\\/"',
  "42",
  "-7.5e-3",
  "true",
  "null",
  '  \n {"deep": [[[[[[{"x": [1, [2, [3, {"y": "z"}]]]}]]]]]]} \n ',
];

function corpus(): { text: string; body: string }[] {
  const rng = seededRandom(20240601);
  const docs = FIXED_CORPUS.map((text) => ({ text, body: text }));
  for (let i = 0; i < 140; i += 1) {
    const body = `${ws(rng)}${writeValue(rng, i % 3 === 0 ? 0 : 1)}${ws(rng)}`;
    // Every fifth document comes in a Markdown fence (the expected value is the fenced body).
    const text = i % 5 === 0 ? `Here you go:\n\`\`\`json\n${body}\n\`\`\`\nDone.` : body;
    docs.push({ text, body });
  }
  return docs;
}

function cut(rng: Rng, text: string): string[] {
  const max = pick(rng, [1, 2, 4, 7, 16]);
  const chunks: string[] = [];
  for (let i = 0; i < text.length; ) {
    const size = 1 + int(rng, max - 1);
    chunks.push(text.slice(i, i + size));
    i += size;
  }
  return chunks;
}

// ---- checkers -----------------------------------------------------------------------------

function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

/**
 * True when `partial` could have been shown while `final` was being streamed: object keys a
 * subset with partial values, arrays a prefix whose earlier elements are complete and whose
 * last is partial, strings prefixes, numbers anything (equal when `complete`).
 */
function isPartialOf(partial: unknown, final: JsonValue, complete = false): boolean {
  if (Array.isArray(final)) {
    if (!Array.isArray(partial) || partial.length > final.length) return false;
    return partial.every((item, i) =>
      i < partial.length - 1 ? isDeepStrictEqual(item, final[i]) : isPartialOf(item, final[i]!, complete),
    );
  }
  if (isObject(final)) {
    if (!isObject(partial)) return false;
    return Object.keys(partial).every(
      (key) => Object.hasOwn(final, key) && isPartialOf(partial[key], final[key]!, complete),
    );
  }
  if (typeof final === "string")
    return typeof partial === "string" && (complete ? partial === final : final.startsWith(partial));
  if (typeof final === "number")
    return typeof partial === "number" && (!complete || Object.is(partial, final));
  return partial === final;
}

/** Every value in `value` with its path, children before their container (completion order). */
function postOrder(
  value: JsonValue,
  path: (string | number)[] = [],
): { path: (string | number)[]; value: JsonValue }[] {
  const out: { path: (string | number)[]; value: JsonValue }[] = [];
  if (Array.isArray(value)) {
    for (const [i, item] of value.entries()) out.push(...postOrder(item, [...path, i]));
  } else if (isObject(value))
    for (const [key, item] of Object.entries(value)) out.push(...postOrder(item, [...path, key]));
  out.push({ path, value });
  return out;
}

// ---- a tiny JSON-Patch applier (add, replace, and Rivulet's append) ------------------------

function applyPatch(doc: JsonValue | undefined, ops: JsonStreamPatchOperation[]): JsonValue | undefined {
  let root = doc;
  for (const op of ops) {
    const value = structuredClone(op.value);
    if (op.path === "") {
      root = op.op === "append" ? `${root as string}${value as string}` : value;
      continue;
    }
    const segments = op.path
      .slice(1)
      .split("/")
      .map((s) => s.replaceAll("~1", "/").replaceAll("~0", "~"));
    const last = segments.pop()!;
    let parent = root as JsonValue;
    for (const segment of segments) parent = (parent as Record<string, JsonValue>)[segment]!;
    const container = parent as Record<string, JsonValue>;
    const next = op.op === "append" ? `${container[last] as string}${value as string}` : value;
    Object.defineProperty(container, last, {
      value: next,
      writable: true,
      enumerable: true,
      configurable: true,
    });
  }
  return root;
}

// ---- the properties -----------------------------------------------------------------------

function run(chunks: string[], options: JsonStreamParserOptions) {
  const parser = new JsonStreamParser(options);
  const shown: { value: JsonValue | undefined; copy: JsonValue | undefined }[] = [];
  let patched: JsonValue | undefined;
  const events: { path: (string | number)[]; value: JsonValue }[] = [];
  for (const chunk of chunks) {
    const changed = parser.push(chunk);
    if (options.diff === true) {
      const ops = parser.drainPatch();
      expect(ops.length > 0).toBe(changed);
      patched = applyPatch(patched, ops);
    }
    if (options.pathEvents === true) events.push(...parser.drainPathEvents());
    if (!changed) continue;
    const value = parser.value;
    if (options.diff === true) expect(patched).toEqual(value);
    shown.push({ value, copy: structuredClone(value) });
  }
  const final = parser.finish();
  if (options.pathEvents === true) events.push(...parser.drainPathEvents());
  return { shown, final, events };
}

describe("JsonStreamParser fuzz", () => {
  const docs = corpus();
  const rng = seededRandom(7);

  it("streams every document to JSON.parse's value, with valid, never-mutated snapshots", () => {
    for (const { text, body } of docs) {
      const expected = JSON.parse(body) as JsonValue;
      for (let round = 0; round < 3; round += 1) {
        const { shown, final } = run(cut(rng, text), {});
        expect(final).toEqual(expected);
        for (const [i, { value, copy }] of shown.entries()) {
          expect(isPartialOf(copy, expected), `${JSON.stringify(copy)} of ${body}`).toBe(true);
          expect(value).toEqual(copy);
          if (i > 0) expect(isDeepStrictEqual(copy, shown[i - 1]!.copy)).toBe(false);
        }
      }
    }
  });

  it("reaches the same final value in in-place mode", () => {
    for (const { text, body } of docs) {
      expect(run(cut(rng, text), { mode: "in-place" }).final).toEqual(JSON.parse(body));
    }
  });

  it("shows only complete leaves with completeValues", () => {
    for (const { text, body } of docs) {
      const expected = JSON.parse(body) as JsonValue;
      const { shown, final } = run(cut(rng, text), { completeValues: true });
      expect(final).toEqual(expected);
      for (const { copy } of shown)
        expect(isPartialOf(copy, expected, true), JSON.stringify(copy)).toBe(true);
    }
  });

  it("lists every completed value in completion order with pathEvents", () => {
    for (const { text, body } of docs) {
      const { events } = run(cut(rng, text), { pathEvents: true, mode: "in-place" });
      expect(events).toEqual(postOrder(JSON.parse(body) as JsonValue));
    }
  });

  it("rebuilds every snapshot from the drained patch ops", () => {
    for (const { text, body } of docs) {
      for (const completeValues of [false, true]) {
        const { final } = run(cut(rng, text), { diff: true, completeValues });
        expect(final).toEqual(JSON.parse(body));
      }
    }
  });

  it("never throws from push on corrupted documents, and finish throws when JSON.parse does", () => {
    for (const { text } of docs) {
      const at = int(rng, text.length);
      const corrupted =
        text.slice(0, at) + pick(rng, ["}", "]", ",", ":", "x", '"', "\\", "\n", "```"]) + text.slice(at);
      const parser = new JsonStreamParser();
      for (const chunk of cut(rng, corrupted)) expect(() => parser.push(chunk)).not.toThrow();
      // Fenced text is not JSON.parse input; fences have their own tests.
      if (!corrupted.includes("```")) {
        let parsed: unknown;
        try {
          parsed = JSON.parse(corrupted);
        } catch {
          expect(() => parser.finish(), JSON.stringify(corrupted)).toThrow();
          continue;
        }
        expect(parser.finish()).toEqual(parsed);
      }
    }
  });
});

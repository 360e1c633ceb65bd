import { isPlainObject } from "../internal/is-plain-object.js";

function quote(text: string): string {
  // Python's repr picks single quotes unless the text holds one and no double quote.
  const mark = text.includes("'") && !text.includes('"') ? '"' : "'";
  let out = mark;
  for (const char of text) {
    const code = char.codePointAt(0)!;
    if (char === "\\") out += "\\\\";
    else if (char === mark) out += `\\${mark}`;
    else if (char === "\n") out += "\\n";
    else if (char === "\r") out += "\\r";
    else if (char === "\t") out += "\\t";
    else if (code < 0x20 || code === 0x7f) out += `\\x${code.toString(16).padStart(2, "0")}`;
    else out += char;
  }
  return out + mark;
}

/**
 * Renders a value the way the Python guides print messages: strings quoted as Python's `repr`
 * does, objects as `{'key': value}`, arrays as `[a, b]`. `true`, `false` and `null` keep their
 * JavaScript spelling, since this is a JavaScript library.
 */
export function formatValue(value: unknown): string {
  if (typeof value === "string") return quote(value);
  if (value === undefined) return "undefined";
  if (value === null || typeof value !== "object") return String(value);
  if (Array.isArray(value)) return `[${value.map(formatValue).join(", ")}]`;
  if (!isPlainObject(value)) return String(value);
  const entries = Object.entries(value).filter(([, v]) => v !== undefined);
  return `{${entries.map(([k, v]) => `${quote(k)}: ${formatValue(v)}`).join(", ")}}`;
}

/**
 * Renders a message as `ClassName(field=value, ...)`, like the seed transcripts:
 * `AIMessageChunk(content='The', id='run-1')`. Fields whose value is undefined are skipped; callers
 * leave out empty ones they do not want shown.
 */
export function formatMessage(className: string, fields: ReadonlyArray<readonly [string, unknown]>): string {
  const parts = fields.filter(([, value]) => value !== undefined).map(([k, v]) => `${k}=${formatValue(v)}`);
  return `${className}(${parts.join(", ")})`;
}

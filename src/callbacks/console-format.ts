/** ANSI styles of the console tracer's lines, as `@langchain/core` colours them. */
export const ANSI = {
  bold: ["\u001b[1m", "\u001b[22m"],
  grey: ["\u001b[90m", "\u001b[39m"],
  green: ["\u001b[32m", "\u001b[39m"],
  cyan: ["\u001b[36m", "\u001b[39m"],
  red: ["\u001b[31m", "\u001b[39m"],
} as const satisfies Record<string, readonly [open: string, close: string]>;

/** One of {@link ANSI}'s styles. */
export type AnsiStyle = keyof typeof ANSI;

/** `text` in `style`, or as is when colours are off. */
export function styled(style: AnsiStyle, text: string, color: boolean): string {
  if (!color) return text;
  const [open, close] = ANSI[style];
  return `${open}${text}${close}`;
}

/** Pretty JSON (two-space indent); `fallback` for a value JSON cannot show (a cycle, a BigInt). */
export function prettyJson(value: unknown, fallback: string): string {
  try {
    return JSON.stringify(value, null, 2) ?? fallback;
  } catch {
    return fallback;
  }
}

/** A tool's input or output as the tracer quotes it: a string trimmed, anything else as pretty JSON. */
export function formatToolValue(value: unknown): string {
  if (typeof value === "string") return value.trim();
  if (value === null || value === undefined) return String(value);
  return prettyJson(value, String(value));
}

/** How long a run took: `850ms` under a second, else seconds with two decimals (`1.25s`). */
export function formatElapsed(milliseconds: number): string {
  return milliseconds < 1000 ? `${milliseconds}ms` : `${(milliseconds / 1000).toFixed(2)}s`;
}

/** An error as the tracer records it: an Error's message and stack, anything else as text. */
export function describeError(error: unknown): string {
  if (error instanceof Error) return error.stack ? `${error.message}\n\n${error.stack}` : error.message;
  try {
    return String(error);
  } catch {
    return "(an error that cannot be shown)";
  }
}

/** A value as a record: an object as is, anything else under `key` (`{ output: "text" }`). */
export function asRecord(value: unknown, key: string): unknown {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) return value;
  return value === undefined ? {} : { [key]: value };
}

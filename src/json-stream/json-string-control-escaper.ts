const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const SHORT_ESCAPES: Readonly<Record<number, string>> = {
  8: "\\b",
  9: "\\t",
  10: "\\n",
  12: "\\f",
  13: "\\r",
};

function escapeControl(code: number): string {
  return SHORT_ESCAPES[code] ?? `\\u${code.toString(16).padStart(4, "0")}`;
}

/**
 * Rewrites streamed JSON text so that raw control characters inside strings (a literal
 * newline or tab a model wrote into a multi-line value) become their escapes (`\n`, `\t`,
 * `\u0001`...), which `JSON.parse` requires; text outside strings passes through unchanged, so
 * valid JSON is never altered. It tracks strings by their quotes across chunks, in O(length).
 * Prose around the JSON counts too: an odd number of `"` before it puts the tracking out of
 * step, which is why callers keep the strict parse of the original text as a fallback.
 *
 * @example
 * const escaper = new JsonStringControlEscaper();
 * escaper.push('{"poem": "roses\nare'); // '{"poem": "roses\\nare'
 */
export class JsonStringControlEscaper {
  #inString = false;
  #afterBackslash = false;

  /** The chunk with the control characters of strings escaped. */
  push(text: string): string {
    let out = "";
    let copiedUpTo = 0;
    for (let index = 0; index < text.length; index++) {
      const code = text.charCodeAt(index);
      if (!this.#inString) {
        if (code === QUOTE) this.#inString = true;
        continue;
      }
      if (this.#afterBackslash) {
        this.#afterBackslash = false;
        continue;
      }
      if (code === BACKSLASH) this.#afterBackslash = true;
      else if (code === QUOTE) this.#inString = false;
      else if (code < 0x20) {
        out += text.slice(copiedUpTo, index) + escapeControl(code);
        copiedUpTo = index + 1;
      }
    }
    return copiedUpTo === 0 ? text : out + text.slice(copiedUpTo);
  }
}

/** Where a {@link StringDecoder} stands after a call to `decode`. */
export type StringDecoderStatus = "open" | "closed" | "error";

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const NO_ESCAPE = 0;
const AFTER_BACKSLASH = 1;
const IN_UNICODE = 2;

/** The character each one-letter escape stands for (JSON allows exactly these eight). */
const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '"': '"',
  "\\": "\\",
  "/": "/",
  b: "\b",
  f: "\f",
  n: "\n",
  r: "\r",
  t: "\t",
};

function isHighSurrogate(code: number): boolean {
  return code >= 0xd800 && code <= 0xdbff;
}

function hexDigit(c: number): number {
  if (c >= 0x30 && c <= 0x39) return c - 0x30;
  const lower = c | 0x20;
  if (lower >= 0x61 && lower <= 0x66) return lower - 0x61 + 10;
  return -1;
}

/**
 * Decodes the body of one JSON string (after its opening quote) across any number of chunks.
 * Plain runs are taken with one `slice` each, so every character is looked at once. An escape
 * cut by a chunk boundary is held until complete, and so is a high surrogate at the end of a
 * chunk (raw or `\uD83D`-escaped), so partial text never ends in half a character pair.
 */
export class StringDecoder {
  /** Set by `decode`: still inside the string, past its closing quote, or malformed. */
  status: StringDecoderStatus = "open";
  /** What went wrong when `status` is `"error"`. */
  errorMessage = "";
  /** Index of the first character the last `decode` call did not consume. */
  nextIndex = 0;
  private escape = NO_ESCAPE;
  private hexLeft = 0;
  private hexValue = 0;
  private heldHigh = "";

  /**
   * What the decoder holds back at the end of the text read so far, for completing a prefix
   * (`parsePartialJson`): a high surrogate waiting for its pair, and the length of a cut-off
   * escape (0 for none, 1 for a lone backslash, 2 to 5 for a backslash, `u` and the hex digits
   * read so far). Reading these changes nothing.
   */
  get heldText(): string {
    return this.heldHigh;
  }

  /** See {@link heldText}. */
  get pendingEscapeLength(): number {
    if (this.escape === AFTER_BACKSLASH) return 1;
    if (this.escape === IN_UNICODE) return 2 + (4 - this.hexLeft);
    return 0;
  }

  /** Starts a new string (after its opening quote). */
  reset(): void {
    this.status = "open";
    this.escape = NO_ESCAPE;
    this.heldHigh = "";
  }

  /**
   * Reads `text` from `start` until the closing quote, an error or the end of the chunk.
   * Returns the decoded text (ready to show) and sets `status` and `nextIndex`.
   */
  decode(text: string, start: number): string {
    const n = text.length;
    let i = start;
    let out = this.heldHigh;
    this.heldHigh = "";
    while (i < n && this.status === "open") {
      if (this.escape !== NO_ESCAPE) {
        out += this.escapeStep(text.charCodeAt(i), text, i);
        if (this.status === "open") i += 1;
        continue;
      }
      let j = i;
      while (j < n) {
        const c = text.charCodeAt(j);
        if (c === QUOTE || c === BACKSLASH || c < 0x20) break;
        j += 1;
      }
      if (j > i) out += text.slice(i, j);
      i = j;
      if (j < n) i = this.special(text.charCodeAt(j), j);
    }
    this.nextIndex = i;
    return this.status === "open" ? this.holdHigh(out) : out;
  }

  private special(c: number, index: number): number {
    if (c === QUOTE) {
      this.status = "closed";
      return index + 1;
    }
    if (c === BACKSLASH) {
      this.escape = AFTER_BACKSLASH;
      return index + 1;
    }
    // JSON.parse rejects raw control characters (a literal newline) inside strings.
    this.fail(`Bad control character in string literal`);
    return index;
  }

  private escapeStep(c: number, text: string, index: number): string {
    if (this.escape === AFTER_BACKSLASH) {
      if (c === 0x75) {
        this.escape = IN_UNICODE;
        this.hexLeft = 4;
        this.hexValue = 0;
        return "";
      }
      this.escape = NO_ESCAPE;
      const decoded = SIMPLE_ESCAPES[text.charAt(index)];
      if (decoded === undefined) this.fail(`Bad escaped character in string literal`);
      return decoded ?? "";
    }
    const digit = hexDigit(c);
    if (digit < 0) {
      this.fail(`Bad Unicode escape in string literal`);
      return "";
    }
    this.hexValue = this.hexValue * 16 + digit;
    this.hexLeft -= 1;
    if (this.hexLeft > 0) return "";
    this.escape = NO_ESCAPE;
    return String.fromCharCode(this.hexValue);
  }

  private holdHigh(out: string): string {
    if (out.length > 0 && isHighSurrogate(out.charCodeAt(out.length - 1))) {
      this.heldHigh = out.slice(-1);
      return out.slice(0, -1);
    }
    return out;
  }

  private fail(message: string): void {
    this.status = "error";
    this.errorMessage = message;
  }
}

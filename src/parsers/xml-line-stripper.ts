/** `\s` as JavaScript's regular expressions and `trim()` define it. */
function isWhitespace(char: string): boolean {
  return /\s/.test(char);
}

/**
 * `@langchain/core`'s clean-up of XML output, streamed: each line's leading whitespace is
 * dropped and the whole text is trimmed. Whitespace at the end of the text so far is held
 * back until something else follows (so it is never shown, as a trimmed text would not show
 * it); a line's leading whitespace is dropped as it comes. O(length) over the stream.
 *
 * @example
 * const stripper = new XmlLineStripper();
 * stripper.push("<a>\n   x "); // "<a>\nx" (the trailing space is held)
 */
export class XmlLineStripper {
  #atLineStart = true;
  #held = "";
  #emitted = false;

  /** The cleaned text this chunk adds. */
  push(text: string): string {
    let out = "";
    let runStart = -1;
    for (let index = 0; index < text.length; index += 1) {
      const char = text.charAt(index);
      if (char === "\n" || isWhitespace(char)) {
        if (runStart >= 0) out += text.slice(runStart, index);
        runStart = -1;
        if (char === "\n") {
          this.#held += char;
          this.#atLineStart = true;
        } else if (!this.#atLineStart) this.#held += char;
        continue;
      }
      if (runStart < 0) {
        // Whitespace before the first visible character is the trimmed start of the text.
        if (this.#emitted) out += this.#held;
        this.#held = "";
        runStart = index;
      }
      this.#emitted = true;
      this.#atLineStart = false;
    }
    if (runStart >= 0) out += text.slice(runStart);
    return out;
  }
}

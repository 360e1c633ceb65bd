/**
 * Internal: cuts decoded text, arriving in chunks of any size, into lines. With
 * `breakOnCr` (SSE), `\r\n`, `\r` and `\n` each end a line, and a `\r` at the end of one
 * chunk followed by `\n` at the start of the next counts once, not as a line plus an empty
 * line (which would dispatch an SSE event early). Without it (NDJSON) only `\n` ends a
 * line: JSON text may hold a lone `\r` as whitespace.
 */
export class LineSplitter {
  private pending = "";
  private afterCr = false;
  private readonly breaks: RegExp;

  constructor(options: { breakOnCr: boolean }) {
    this.breaks = options.breakOnCr ? /\r\n|\r|\n/g : /\n/g;
  }

  /** The lines completed by `text`, without their line breaks. */
  push(text: string): string[] {
    const lines: string[] = [];
    if (text === "") return lines; // Keep `afterCr`: a decoder can yield "" between two halves of "\r\n".
    let start = 0;
    if (this.afterCr && text.charCodeAt(0) === 10) start = 1;
    this.afterCr = false;
    this.breaks.lastIndex = start;
    for (;;) {
      const match = this.breaks.exec(text);
      if (match === null) break;
      lines.push(this.pending + text.slice(start, match.index));
      this.pending = "";
      start = match.index + match[0].length;
      if (match[0] === "\r" && start === text.length) this.afterCr = true;
    }
    this.pending += text.slice(start);
    return lines;
  }

  /** The text after the last line break: an unterminated last line, or "". */
  rest(): string {
    return this.pending;
  }
}

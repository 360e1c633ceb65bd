/** How many pieces are kept apart before they are joined into one flat string. */
const PIECES_PER_BLOCK = 1024;

/**
 * Builds a long text from many small pieces (one per token) in O(length) time and memory. `+` on
 * each piece would leave one rope node per token alive until the text is read (tens of bytes a
 * token); here every 1,024 pieces are joined into one flat block, so a million one-character
 * tokens cost about a thousand small objects beyond the text itself. Reading the text in between
 * (`toString`) is cheap: the pieces since the last read are joined and appended once.
 *
 * @example
 * const text = new TextBuilder();
 * for await (const token of tokens) text.append(token);
 * text.toString();
 */
export class TextBuilder {
  #text = "";
  #pieces: string[] = [];

  /** Adds the next piece. */
  append(piece: string): void {
    this.#pieces.push(piece);
    if (this.#pieces.length === PIECES_PER_BLOCK) this.#flush();
  }

  /** The whole text so far. */
  toString(): string {
    if (this.#pieces.length > 0) this.#flush();
    return this.#text;
  }

  #flush(): void {
    this.#text += this.#pieces.join("");
    this.#pieces = [];
  }
}

const BLOCK = 1024;

/**
 * Keeps the whole streamed text (for the error a failed parse reports) in O(length) time and
 * memory without holding one small string per chunk: every 1,024 chunks are joined into one
 * block, so a million 4-character chunks leave about a thousand strings for the garbage
 * collector to trace instead of a million.
 */
export class TextAccumulator {
  private readonly blocks: string[] = [];
  private pending: string[] = [];

  /** Adds the next chunk. */
  append(text: string): void {
    this.pending.push(text);
    if (this.pending.length === BLOCK) {
      this.blocks.push(this.pending.join(""));
      this.pending = [];
    }
  }

  /** The whole text so far. */
  toString(): string {
    return this.blocks.join("") + this.pending.join("");
  }
}

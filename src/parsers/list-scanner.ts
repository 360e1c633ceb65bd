import type { Aggregator } from "../streams/aggregator.js";

/**
 * Splits streamed text into list items, looking only at new text: the unfinished item is kept
 * as a string that grows by the new piece, and separators are searched for in the new piece
 * alone, so a stream costs O(text length). `pick` turns a finished raw item into the item
 * (or undefined to skip it: a blank item, a line that is not a list entry).
 */
export class ListScanner {
  readonly #separator: string;
  readonly #pick: (raw: string) => string | undefined;
  #pending = "";

  constructor(separator: string, pick: (raw: string) => string | undefined) {
    this.#separator = separator;
    this.#pick = pick;
  }

  /** Reads a chunk; returns the items it finished, in order. */
  push(text: string): string[] {
    const out: string[] = [];
    let start = 0;
    for (let at = text.indexOf(this.#separator); at !== -1; at = text.indexOf(this.#separator, start)) {
      this.#emit(this.#pending + text.slice(start, at), out);
      this.#pending = "";
      start = at + this.#separator.length;
    }
    this.#pending += start === 0 ? text : text.slice(start);
    return out;
  }

  /** Ends the text; returns the last item, if any. */
  finish(): string[] {
    const out: string[] = [];
    this.#emit(this.#pending, out);
    this.#pending = "";
    return out;
  }

  #emit(raw: string, out: string[]): void {
    const item = this.#pick(raw);
    if (item !== undefined) out.push(item);
  }
}

/** A `pick` for {@link ListScanner}: the trimmed item, blank ones skipped. */
export function trimmedItem(raw: string): string | undefined {
  const item = raw.trim();
  return item === "" ? undefined : item;
}

/** A `pick` for {@link ListScanner} over lines: the first capture group of `pattern`, trimmed, for matching lines only. */
export function lineItem(pattern: RegExp): (raw: string) => string | undefined {
  return (raw) => {
    // Trimmed first: a CRLF line keeps its `\r`, which `.` in the pattern would not match.
    const captured = pattern.exec(raw.trim())?.[1];
    return captured === undefined ? undefined : trimmedItem(captured);
  };
}

/** All the items of a whole text. */
export function scanAll(scanner: ListScanner, text: string): string[] {
  return [...scanner.push(text), ...scanner.finish()];
}

/** Streams each item once finished, as a one-element array (the last at the end of the text). */
export async function* scanStream(
  scanner: ListScanner,
  texts: AsyncIterable<string>,
): AsyncGenerator<string[]> {
  for await (const text of texts) for (const item of scanner.push(text)) yield [item];
  for (const item of scanner.finish()) yield [item];
}

/** Concatenates item arrays into the list; an empty stream gives `[]`, as `parse` of an empty text does. */
export class ListAggregator implements Aggregator<string[], string[]> {
  readonly #items: string[] = [];
  add(chunk: string[]): void {
    this.#items.push(...chunk);
  }
  result(): string[] {
    return this.#items;
  }
}

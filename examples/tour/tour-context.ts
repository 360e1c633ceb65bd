import { inspect } from "node:util";
import type { BaseChatModel } from "rivulet";

/** What every tour section gets: the model, and ways to print. */
export interface TourContext {
  model: BaseChatModel;
  /** Which model is used, for the banner. */
  modelLabel: string;
  /** True with `--fast`: no delay between tokens. */
  fast: boolean;
  out: Printer;
}

/** A tour section: one heading of the seed guide. */
export interface TourSection {
  id: string;
  title: string;
  run(ctx: TourContext): Promise<void>;
}

const WIDTH = 150;

/** Terminal output for the tour: headings, code, streamed tokens, compact values and events. */
export class Printer {
  readonly #write: (text: string) => void;

  constructor(write: (text: string) => void = (t) => process.stdout.write(t)) {
    this.#write = write;
  }

  heading(title: string): void {
    this.#write(`\n${"=".repeat(title.length + 4)}\n  ${title}\n${"=".repeat(title.length + 4)}\n`);
  }

  step(text: string): void {
    this.#write(`\n--- ${text}\n`);
  }

  note(text: string): void {
    this.#write(`${text}\n`);
  }

  /** Shows the code a step runs, indented. */
  code(source: string): void {
    this.#write(`${source.replace(/^/gm, "  > ")}\n`);
  }

  /** Writes a token as it arrives, with the seed's `|` separator. */
  token(text: string, separator = "|"): void {
    this.#write(`${text}${separator}`);
  }

  line(text = ""): void {
    this.#write(`${text}\n`);
  }

  /** A value on one line, like the seeds' reprs (messages print as `AIMessageChunk(content=...)`). */
  value(value: unknown): void {
    this.#write(`${truncate(show(value))}\n`);
  }
}

/** A compact one-line form of any value. */
export function show(value: unknown): string {
  return inspect(value, {
    depth: 6,
    breakLength: Number.POSITIVE_INFINITY,
    compact: true,
    colors: false,
    maxStringLength: 200,
  });
}

/** Cuts a line to the terminal width. */
export function truncate(text: string, width = WIDTH): string {
  return text.length <= width ? text : `${text.slice(0, width - 1)}…`;
}

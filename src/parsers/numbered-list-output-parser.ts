import type { Aggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import { ListAggregator, ListScanner, lineItem, scanAll, scanStream } from "./list-scanner.js";

// `1. foo` or `1) foo`, after optional indentation; other lines (a preamble) are not items.
const NUMBERED = /^\s*\d+[.)]\s+(.*)$/;

/**
 * Parses a numbered list (`1. foo\n2. bar`) into `["foo", "bar"]`: one item per line that
 * starts with a number and `.` or `)`, trimmed; other lines are ignored. Streaming yields each
 * item once its line ends, as a one-element array (the last at the end of the text); the
 * output is the whole list.
 *
 * @example
 * await new NumberedListOutputParser().invoke("Here:\n1. red\n2. green"); // ["red", "green"]
 */
export class NumberedListOutputParser extends BaseOutputParser<string[], string[]> {
  constructor(fields: { name?: string } = {}) {
    super();
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async parse(text: string): Promise<string[]> {
    return scanAll(new ListScanner("\n", lineItem(NUMBERED)), text);
  }

  override getFormatInstructions(): string {
    return "Your response should be a numbered list with each item on a new line, eg:\n\n1. foo\n2. bar\n3. baz";
  }

  override createAggregator(): Aggregator<string[], string[]> {
    return new ListAggregator();
  }

  protected override parseTextStream(texts: AsyncIterable<string>): AsyncIterable<string[]> {
    return scanStream(new ListScanner("\n", lineItem(NUMBERED)), texts);
  }
}

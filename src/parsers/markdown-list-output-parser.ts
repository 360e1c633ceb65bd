import type { Aggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import { ListAggregator, ListScanner, lineItem, scanAll, scanStream } from "./list-scanner.js";

// `- foo`, `* foo` or `+ foo`, after optional indentation; other lines (a preamble) are not items.
const BULLETED = /^\s*[-*+]\s+(.*)$/;

/**
 * Parses a Markdown bullet list (`- foo\n- bar`) into `["foo", "bar"]`: one item per line that
 * starts with `-`, `*` or `+`, trimmed; other lines are ignored. Streaming yields each item
 * once its line ends, as a one-element array (the last at the end of the text); the output is
 * the whole list.
 *
 * @example
 * await new MarkdownListOutputParser().invoke("- red\n- green"); // ["red", "green"]
 */
export class MarkdownListOutputParser extends BaseOutputParser<string[], string[]> {
  constructor(fields: { name?: string } = {}) {
    super();
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async parse(text: string): Promise<string[]> {
    return scanAll(new ListScanner("\n", lineItem(BULLETED)), text);
  }

  override getFormatInstructions(): string {
    return "Your response should be a markdown list, eg: `- foo\n- bar\n- baz`";
  }

  override createAggregator(): Aggregator<string[], string[]> {
    return new ListAggregator();
  }

  protected override parseTextStream(texts: AsyncIterable<string>): AsyncIterable<string[]> {
    return scanStream(new ListScanner("\n", lineItem(BULLETED)), texts);
  }
}

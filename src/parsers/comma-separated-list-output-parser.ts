import type { Aggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import { ListAggregator, ListScanner, scanAll, scanStream } from "./list-scanner.js";

/** Every item counts, trimmed; an empty one (`a,,b`, a trailing comma, an empty text) is `""`. */
const trimmed = (raw: string): string => raw.trim();

/**
 * Parses `foo, bar, baz` into `["foo", "bar", "baz"]`: the text split at each comma, items
 * trimmed, as `@langchain/core` does, so empty items are kept (`"a,b,c,"` gives
 * `["a", "b", "c", ""]`, and an empty text `[""]`). Streaming yields each item as soon as the
 * comma after it arrives, as a one-element array (`["foo"]`, `["bar"]`, then `["baz"]` at the
 * end of the text), and the output is the whole list; only new text is scanned, so a stream
 * costs O(text length).
 *
 * @example
 * await new CommaSeparatedListOutputParser().invoke("red, green, blue"); // ["red", "green", "blue"]
 */
export class CommaSeparatedListOutputParser extends BaseOutputParser<string[], string[]> {
  constructor(fields: { name?: string } = {}) {
    super();
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async parse(text: string): Promise<string[]> {
    return scanAll(new ListScanner(",", trimmed), text);
  }

  override getFormatInstructions(): string {
    return "Your response should be a list of comma separated values, eg: `foo, bar, baz`";
  }

  override createAggregator(): Aggregator<string[], string[]> {
    return new ListAggregator();
  }

  protected override parseTextStream(texts: AsyncIterable<string>): AsyncIterable<string[]> {
    return scanStream(new ListScanner(",", trimmed), texts);
  }
}

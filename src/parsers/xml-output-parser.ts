import { type Aggregator, LastValueAggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import type { XMLResult } from "./xml-element-tree.js";
import { XmlOutputReader } from "./xml-output-reader.js";

/** Options of {@link XMLOutputParser}. */
export interface XMLOutputParserFields {
  /** The element names to ask the model for in the format instructions. */
  tags?: string[];
  name?: string;
}

/**
 * `@langchain/core`'s `XMLOutputParser`: the model's XML as nested values, each element
 * `{ name: text }` without child elements and `{ name: [children] }` with them, attributes
 * left out: `<movies><movie><title>Dune</title></movie></movies>` gives
 * `{ movies: [{ movie: [{ title: "Dune" }] }] }`. Text is cleaned as LangChain cleans it (each
 * line's leading whitespace dropped, the whole trimmed) and entities decoded; bare XML or a
 * ```` ```xml ```` fence. Streaming yields the growing value each time it changed, as
 * LangChain's does (`{}`, `{ movies: "" }`, ..., `{ ... { title: "Du" } ... }`), but reads each
 * character once instead of re-parsing the text per chunk. Malformed XML fails with an
 * `OutputParserError` carrying the text, mid-stream as soon as it is seen; unfinished XML is not
 * an error. Differences from LangChain, on purpose: CDATA content is text (LangChain drops it), a
 * fenced answer streams (LangChain's throws until the closing fence), attributes are not checked,
 * and there is no `diff` mode.
 *
 * @example
 * const parser = new XMLOutputParser({ tags: ["movies", "movie", "title"] });
 * const chain = prompt.pipe(model).pipe(parser);
 * await chain.invoke({ format_instructions: parser.getFormatInstructions() }); // { movies: [...] }
 */
export class XMLOutputParser extends BaseOutputParser<XMLResult, XMLResult> {
  readonly tags: string[] | undefined;

  constructor(fields: XMLOutputParserFields = {}) {
    super();
    this.tags = fields.tags;
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async parse(text: string): Promise<XMLResult> {
    const reader = new XmlOutputReader();
    reader.push(text);
    return reader.finish();
  }

  override getFormatInstructions(): string {
    const lines = [
      "Write your answer as XML: one root element holding the others, every element opened and closed",
      "(<name>...</name>), with no text outside the root. Nest elements to group related values.",
      "For example, <answer>\n  <item>\n    <title>...</title>\n  </item>\n</answer> is well formed;",
      "<answer>\n  <item>\n</answer> is not (<item> is never closed).",
    ];
    if (this.tags !== undefined && this.tags.length > 0) {
      lines.push(`Use these element names: ${this.tags.join(", ")}.`);
    } else {
      lines.push("Choose element names that describe their content.");
    }
    return lines.join("\n");
  }

  override createAggregator(): Aggregator<XMLResult, XMLResult> {
    // Each chunk is the whole value so far: the last one is the output.
    return new LastValueAggregator<XMLResult>();
  }

  protected override async *parseTextStream(texts: AsyncIterable<string>): AsyncIterable<XMLResult> {
    const reader = new XmlOutputReader();
    for await (const text of texts) {
      reader.push(text);
      const changed = reader.tree.takeChanged();
      if (changed !== undefined) yield changed;
    }
    reader.finish();
  }
}

export type { XMLResult } from "./xml-element-tree.js";

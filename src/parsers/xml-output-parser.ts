import { applyPatch } from "../json-patch/apply-patch.js";
import type { JsonPatchOperation } from "../json-patch/json-patch-operation.js";
import { type Aggregator, LastValueAggregator } from "../streams/aggregator.js";
import { BaseOutputParser } from "./base-output-parser.js";
import { compareJson } from "./compare-json.js";
import type { XMLResult } from "./xml-element-tree.js";
import { XmlOutputReader } from "./xml-output-reader.js";

/** Options of {@link XMLOutputParser}. */
export interface XMLOutputParserFields {
  /** The element names to ask the model for in the format instructions. */
  tags?: string[];
  /** Stream JSON Patch ops from each value to the next instead of the values (the output is still the value). */
  diff?: boolean;
  name?: string;
}

/** What an {@link XMLOutputParser} streams for its fields: values, or patch ops with `diff: true`. */
export type XMLOutputChunk<F> = F extends { diff: true } ? JsonPatchOperation[] : XMLResult;

/**
 * Folds a diff stream into the value, in place on a document only it owns: the ops' values are
 * copies (see `compareJson`) except the first, which replaces the root and is cloned here, so
 * chunks handed out are never changed and each batch costs its ops, not the document.
 */
class XmlPatchAggregator implements Aggregator<JsonPatchOperation[], XMLResult> {
  #value: XMLResult | undefined = undefined;

  add(ops: JsonPatchOperation[]): void {
    const owned = this.#value === undefined ? structuredClone(ops) : ops;
    this.#value = applyPatch(this.#value, owned, { mutate: true });
  }

  result(): XMLResult | undefined {
    return this.#value;
  }
}

/**
 * `@langchain/core`'s `XMLOutputParser`: the model's XML as nested values, each element
 * `{ name: text }` without child elements and `{ name: [children] }` with them, attributes
 * left out: `<movies><movie><title>Dune</title></movie></movies>` gives
 * `{ movies: [{ movie: [{ title: "Dune" }] }] }`. Text is cleaned as LangChain cleans it (each
 * line's leading whitespace dropped, the whole trimmed) and entities decoded; bare XML or a
 * ```` ```xml ```` fence. Streaming yields the growing value each time it changed, as
 * LangChain's does (`{}`, `{ movies: "" }`, ..., `{ ... { title: "Du" } ... }`), but reads each
 * character once instead of re-parsing the text per chunk. Each value streamed costs the open
 * elements and their direct children (closed elements keep their value and are shared by
 * later values), so an element with thousands of children costs its width per change. Malformed XML fails with an
 * `OutputParserError` carrying the text, mid-stream as soon as it is seen; unfinished XML is not
 * an error. With `diff: true` it streams JSON Patch ops instead, the ops LangChain's diff mode
 * sends (the first replaces the root). Differences from LangChain, on purpose: CDATA content is
 * text (LangChain drops it), a fenced answer streams (LangChain's throws until the closing
 * fence), and attributes are not checked.
 *
 * @example
 * const parser = new XMLOutputParser({ tags: ["movies", "movie", "title"] });
 * const chain = prompt.pipe(model).pipe(parser);
 * await chain.invoke({ format_instructions: parser.getFormatInstructions() }); // { movies: [...] }
 */
export class XMLOutputParser<
  F extends XMLOutputParserFields = XMLOutputParserFields,
> extends BaseOutputParser<XMLResult, XMLOutputChunk<F>> {
  readonly tags: string[] | undefined;
  readonly diff: boolean;

  constructor(fields?: F) {
    super();
    this.tags = fields?.tags;
    this.diff = fields?.diff ?? false;
    if (fields?.name !== undefined) this.name = fields.name;
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

  override createAggregator(): Aggregator<XMLOutputChunk<F>, XMLResult> {
    // A value chunk is the whole value so far (the last one is the output); ops build it.
    const aggregator: Aggregator<never, XMLResult> = this.diff
      ? new XmlPatchAggregator()
      : new LastValueAggregator();
    return aggregator as Aggregator<XMLOutputChunk<F>, XMLResult>;
  }

  protected override async *parseTextStream(texts: AsyncIterable<string>): AsyncIterable<XMLOutputChunk<F>> {
    const reader = new XmlOutputReader();
    let previous: XMLResult | undefined;
    for await (const text of texts) {
      reader.push(text);
      const changed = reader.tree.takeChanged();
      if (changed === undefined) continue;
      const chunk: XMLResult | JsonPatchOperation[] = !this.diff
        ? changed
        : previous === undefined
          ? [{ op: "replace", path: "", value: changed }]
          : compareJson(previous, changed);
      previous = changed;
      if (Array.isArray(chunk) && chunk.length === 0) continue;
      // The chunk is the value without diff and the ops with it, which is what XMLOutputChunk<F> says.
      yield chunk as XMLOutputChunk<F>;
    }
    reader.finish();
  }
}

export type { XMLResult } from "./xml-element-tree.js";

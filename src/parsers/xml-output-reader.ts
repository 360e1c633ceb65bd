import { OutputParserError } from "../errors/output-parser-error.js";
import { type XMLResult, XmlElementTree } from "./xml-element-tree.js";
import { XmlLineStripper } from "./xml-line-stripper.js";
import { XmlTokenizer } from "./xml-tokenizer.js";

/** Where the reader is in the model's text. */
const Phase = {
  /** Nothing visible yet. */
  Start: 0,
  /** XML without a fence. */
  Bare: 1,
  /** Text that is not XML: looking for an opening fence. */
  Prose: 2,
  /** Right after the opening backticks: an optional `xml` tag. */
  Tag: 3,
  Fenced: 4,
  /** After the closing fence: ignored. */
  After: 5,
} as const;
type PhaseValue = (typeof Phase)[keyof typeof Phase];

const TAG = "xml";

/**
 * Reads a model's XML output one chunk at a time: cleaned as `@langchain/core` cleans it
 * (see {@link XmlLineStripper}), bare or in a ```` ```xml ```` fence (prose before the fence is
 * ignored, as is anything after it), into an {@link XmlElementTree}. Linear in the text.
 */
export class XmlOutputReader {
  readonly tree = new XmlElementTree();
  readonly #tokenizer = new XmlTokenizer(this.tree, () => this.#raw.join(""));
  readonly #stripper = new XmlLineStripper();
  #phase: PhaseValue = Phase.Start;
  #backticks = 0;
  #tag = "";
  readonly #raw: string[] = [];

  push(text: string): void {
    this.#raw.push(text);
    const cleaned = this.#stripper.push(text);
    let plain = "";
    for (const char of cleaned) {
      if (
        this.#phase === Phase.Bare ||
        (this.#phase === Phase.Fenced && char !== "`" && this.#backticks === 0)
      ) {
        plain += char;
        continue;
      }
      plain = this.#flushPlain(plain);
      this.#fenceStep(char);
    }
    this.#flushPlain(plain);
  }

  /** Ends the input: the value read; throws when the text held no XML at all. */
  finish(): XMLResult {
    if (this.#phase === Phase.Prose) {
      const text = this.#raw.join("");
      throw new OutputParserError(
        `Invalid XML output: it must start with an element or hold one in a \`\`\`xml fence, found "${text.trim().slice(0, 30)}"`,
        text,
      );
    }
    return this.tree.value();
  }

  #flushPlain(plain: string): string {
    if (plain.length > 0) this.#tokenizer.push(plain);
    return "";
  }

  #fenceStep(char: string): void {
    switch (this.#phase) {
      case Phase.Start:
        if (char === "<") {
          this.#phase = Phase.Bare;
          this.#tokenizer.push(char);
          return;
        }
        this.#phase = Phase.Prose;
        this.#countFence(char, Phase.Tag);
        return;
      case Phase.Prose:
        this.#countFence(char, Phase.Tag);
        return;
      case Phase.Tag:
        this.#tagStep(char);
        return;
      case Phase.Fenced:
        this.#fencedStep(char);
        return;
      default:
        return;
    }
  }

  #countFence(char: string, next: PhaseValue): void {
    this.#backticks = char === "`" ? this.#backticks + 1 : 0;
    if (this.#backticks === 3) {
      this.#backticks = 0;
      this.#phase = next;
    }
  }

  #tagStep(char: string): void {
    this.#tag += char;
    if (this.#tag === TAG) this.#phase = Phase.Fenced;
    else if (!TAG.startsWith(this.#tag)) {
      this.#phase = Phase.Fenced;
      const content = this.#tag;
      this.#tag = "";
      for (const contentChar of content) this.#fencedStep(contentChar);
    }
  }

  #fencedStep(char: string): void {
    if (char === "`") {
      this.#backticks += 1;
      if (this.#backticks === 3) this.#phase = Phase.After;
      return;
    }
    // Backticks that did not make a fence are content.
    if (this.#backticks > 0) this.#tokenizer.push("`".repeat(this.#backticks));
    this.#backticks = 0;
    this.#tokenizer.push(char);
  }
}

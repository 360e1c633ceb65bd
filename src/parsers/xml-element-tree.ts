import { OutputParserError } from "../errors/output-parser-error.js";

/**
 * `@langchain/core`'s XML value: each element is `{ name: text }` when it has no child
 * elements, and `{ name: [child, child...] }` when it has (its own text is then dropped).
 * Attributes are not part of it.
 */
export type XMLResult = { [name: string]: string | XMLResult[] };

interface XmlElement {
  readonly name: string;
  readonly children: XmlElement[];
  text: string;
  /** The element's value once it is closed (it cannot change any more). */
  closed: XMLResult | undefined;
}

function elementValue(element: XmlElement): XMLResult {
  if (element.closed !== undefined) return element.closed;
  const value: XMLResult = {};
  const content = element.children.length > 0 ? element.children.map(elementValue) : element.text;
  Object.defineProperty(value, element.name, {
    value: content,
    writable: true,
    enumerable: true,
    configurable: true,
  });
  return value;
}

/**
 * The elements read so far, and whether the value they make changed since it was last taken.
 * A closed element keeps its value, so taking the value costs the open elements and their
 * direct children, not the whole document.
 */
export class XmlElementTree {
  #root: XmlElement | undefined = undefined;
  #open: XmlElement[] = [];
  #changed = true;
  #done = false;

  /** True while no root element is open (text here must be whitespace). */
  get outsideRoot(): boolean {
    return this.#open.length === 0;
  }

  open(name: string, selfClosing: boolean, text: () => string): void {
    if (this.#done)
      throw new OutputParserError(
        `Invalid XML output: a second root element <${name}>; wrap all elements in one root`,
        text(),
      );
    const element: XmlElement = { name, children: [], text: "", closed: undefined };
    const parent = this.#open.at(-1);
    if (parent === undefined) this.#root = element;
    else parent.children.push(element);
    this.#changed = true;
    if (selfClosing) this.#finish(element);
    else this.#open.push(element);
  }

  close(name: string, text: () => string): void {
    const element = this.#open.at(-1);
    if (element === undefined || element.name !== name) {
      const expected = element === undefined ? "no element is open" : `<${element.name}> is open`;
      throw new OutputParserError(
        `Invalid XML output: unmatched closing tag </${name}> (${expected})`,
        text(),
      );
    }
    this.#open.pop();
    this.#finish(element);
  }

  appendText(text: string): void {
    const element = this.#open.at(-1);
    if (element === undefined || text.length === 0) return;
    element.text += text;
    if (element.children.length === 0) this.#changed = true;
  }

  /** The value so far when it changed since the last call (`{}` before any element), else undefined. */
  takeChanged(): XMLResult | undefined {
    if (!this.#changed) return undefined;
    this.#changed = false;
    return this.value();
  }

  value(): XMLResult {
    return this.#root === undefined ? {} : elementValue(this.#root);
  }

  #finish(element: XmlElement): void {
    element.closed = elementValue(element);
    if (this.#open.length === 0) this.#done = true;
  }
}

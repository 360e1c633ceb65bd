import { OutputParserError } from "../errors/output-parser-error.js";
import type { XmlElementTree } from "./xml-element-tree.js";

const State = {
  Text: 0,
  Entity: 1,
  TagStart: 2,
  OpenName: 3,
  InTag: 4,
  Quoted: 5,
  CloseName: 6,
  Bang: 7,
  Cdata: 8,
  Skip: 9,
} as const;
type StateValue = (typeof State)[keyof typeof State];

const ENTITIES: Readonly<Record<string, string>> = { amp: "&", lt: "<", gt: ">", quot: '"', apos: "'" };
const NAME_START = /[A-Za-z_:\u00c0-\uffff]/;
const NAME_CHAR = /[A-Za-z0-9_:.\-\u00b7\u00c0-\uffff]/;
const CDATA_OPEN = "[CDATA[";

function decodeEntity(body: string): string | undefined {
  const named = ENTITIES[body];
  if (named !== undefined) return named;
  const code = /^#x[0-9a-fA-F]+$/.test(body)
    ? Number.parseInt(body.slice(2), 16)
    : /^#[0-9]+$/.test(body)
      ? Number.parseInt(body.slice(1), 10)
      : Number.NaN;
  return Number.isInteger(code) && code <= 0x10ffff ? String.fromCodePoint(code) : undefined;
}

/**
 * A small incremental XML reader for model output: elements, text, the five predefined and
 * numeric entities, comments, CDATA (kept as text), `<?...?>` and `<!DOCTYPE ...>` (skipped).
 * Attributes are skipped, quotes respected. Each character is read once, across chunk
 * boundaries; structure goes to an {@link XmlElementTree}. Malformed XML (an unmatched closing
 * tag, text outside the root, an unknown entity) throws an `OutputParserError` at once; an
 * unfinished document is not an error (its value is what was read).
 */
export class XmlTokenizer {
  #state: StateValue = State.Text;
  #buffer = "";
  #lastInTag = "";
  #quote = "";
  #terminator = "";
  /** `text` gives the whole input so far, for error messages. */
  constructor(
    private readonly tree: XmlElementTree,
    private readonly text: () => string,
  ) {}

  push(text: string): void {
    let index = 0;
    while (index < text.length) {
      if (this.#state === State.Text) index = this.#readText(text, index);
      else {
        this.#step(text.charAt(index));
        index += 1;
      }
    }
  }

  #fail(message: string): never {
    throw new OutputParserError(`Invalid XML output: ${message}`, this.text());
  }

  #readText(text: string, start: number): number {
    let end = start;
    while (end < text.length && text.charAt(end) !== "<" && text.charAt(end) !== "&") end += 1;
    this.#addText(text.slice(start, end));
    if (end < text.length) {
      this.#state = text.charAt(end) === "<" ? State.TagStart : State.Entity;
      this.#buffer = "";
    }
    return end + (end < text.length ? 1 : 0);
  }

  #addText(text: string): void {
    if (text.length === 0) return;
    if (this.tree.outsideRoot) {
      if (text.trim() !== "") this.#fail(`text outside the root element: "${text.trim().slice(0, 20)}"`);
      return;
    }
    this.tree.appendText(text);
  }

  #step(char: string): void {
    switch (this.#state) {
      case State.Entity:
        this.#entity(char);
        return;
      case State.TagStart:
        this.#tagStart(char);
        return;
      case State.OpenName:
        if (NAME_CHAR.test(char)) this.#buffer += char;
        else {
          this.#state = State.InTag;
          this.#lastInTag = "";
          this.#inTag(char);
        }
        return;
      case State.InTag:
        this.#inTag(char);
        return;
      case State.Quoted:
        if (char === this.#quote) this.#state = State.InTag;
        return;
      case State.CloseName:
        this.#closeName(char);
        return;
      case State.Bang:
        this.#bang(char);
        return;
      default:
        this.#untilTerminator(char);
        return;
    }
  }

  #entity(char: string): void {
    if (char !== ";") {
      this.#buffer += char;
      if (this.#buffer.length > 10) this.#fail(`an "&" that starts no entity (write &amp; for "&")`);
      return;
    }
    const decoded = decodeEntity(this.#buffer);
    if (decoded === undefined) this.#fail(`unknown entity "&${this.#buffer};" (write &amp; for "&")`);
    this.#state = State.Text;
    this.#addText(decoded);
  }

  #tagStart(char: string): void {
    if (char === "/") this.#state = State.CloseName;
    else if (char === "!") this.#state = State.Bang;
    else if (char === "?") this.#skipUntil("?>");
    else if (NAME_START.test(char)) {
      this.#state = State.OpenName;
      this.#buffer = char;
    } else this.#fail(`"<" followed by "${char}" does not start a tag (write &lt; for "<")`);
  }

  #inTag(char: string): void {
    if (char === '"' || char === "'") {
      this.#state = State.Quoted;
      this.#quote = char;
    } else if (char === ">") {
      this.tree.open(this.#buffer, this.#lastInTag === "/", this.text);
      this.#state = State.Text;
    } else if (char.trim() !== "") this.#lastInTag = char;
  }

  #closeName(char: string): void {
    if (char !== ">") {
      if (char.trim() !== "") this.#buffer += char;
      return;
    }
    this.tree.close(this.#buffer, this.text);
    this.#state = State.Text;
  }

  #bang(char: string): void {
    this.#buffer += char;
    if (this.#buffer === "--") this.#skipUntil("-->");
    else if (this.#buffer === CDATA_OPEN) {
      this.#state = State.Cdata;
      this.#terminator = "]]>";
      this.#buffer = "";
    } else if (!"--".startsWith(this.#buffer) && !CDATA_OPEN.startsWith(this.#buffer)) this.#skipUntil(">");
  }

  #skipUntil(terminator: string): void {
    this.#state = State.Skip;
    this.#terminator = terminator;
    this.#buffer = "";
  }

  /** Comments, declarations and CDATA: read to their terminator (CDATA's content is text). */
  #untilTerminator(char: string): void {
    this.#buffer += char;
    if (!this.#buffer.endsWith(this.#terminator)) {
      if (this.#state === State.Cdata && this.#buffer.length > this.#terminator.length) {
        // Everything but a possible start of the terminator is content already.
        const ready = this.#buffer.slice(0, -(this.#terminator.length - 1));
        this.#buffer = this.#buffer.slice(ready.length);
        this.#addText(ready);
      } else if (this.#state === State.Skip) this.#buffer = this.#buffer.slice(-this.#terminator.length);
      return;
    }
    if (this.#state === State.Cdata) this.#addText(this.#buffer.slice(0, -this.#terminator.length));
    this.#state = State.Text;
    this.#buffer = "";
  }
}

import { canStartValue, isJsonWhitespace } from "./json-chars.js";
import { JsonTokenizer } from "./json-tokenizer.js";
import type { PartialTree } from "./partial-tree.js";

/** Which part of the model's text is being read. */
const Phase = {
  /** Whitespace before anything. */
  Lead: 0,
  /** Text that is not JSON: looking for an opening fence. */
  Prose: 1,
  /** Right after the opening fence's backticks: an optional `json` tag. */
  Tag: 2,
  Value: 3,
  /** After the complete value: whitespace, and the closing fence when fenced. */
  Trail: 4,
  /** After the closing fence: ignored. */
  After: 5,
  Failed: 6,
} as const;
type PhaseValue = (typeof Phase)[keyof typeof Phase];

const BACKTICK = 0x60;
const TAG = "json";

/**
 * Finds the JSON in a model's text, one chunk at a time, and feeds it to the tokenizer.
 * Accepts bare JSON (whitespace around it only) or a Markdown fence (```` ```json ```` or
 * ```` ``` ````) anywhere in the text: as in LangChain, prose before a fence and anything after
 * the closing fence are ignored, and a missing closing fence is tolerated once the value is
 * complete. Every boundary (a fence split as "``" + "`json") works across chunks because the
 * reader keeps its position in the fence as state, never the text itself.
 */
export class FencedJsonReader {
  private phase: PhaseValue = Phase.Lead;
  private fenced = false;
  private backticks = 0;
  private tagIndex = 0;
  private offset = 0;
  private error = "";
  private tokenizer: JsonTokenizer;

  constructor(private readonly tree: PartialTree) {
    this.tokenizer = new JsonTokenizer(tree);
  }

  /** Reads the next chunk. Never throws: malformed text ends reading and is reported by `finish`. */
  push(text: string): void {
    let i = 0;
    while (i < text.length && this.phase !== Phase.After && this.phase !== Phase.Failed) {
      i = this.step(text, i);
    }
    if (this.phase === Phase.Value) this.tokenizer.endChunk();
    this.tree.flush();
    this.offset += text.length;
  }

  /** End of input: returns why the text holds no valid JSON value, or `undefined` when it does. */
  finish(): string | undefined {
    switch (this.phase) {
      case Phase.Value: {
        const error = this.tokenizer.end();
        this.tree.flush();
        return error;
      }
      case Phase.Trail:
      case Phase.After:
        return undefined;
      case Phase.Failed:
        return this.error;
      default:
        return this.fenced ? "Unexpected end of JSON input" : "No JSON value found";
    }
  }

  private step(text: string, i: number): number {
    switch (this.phase) {
      case Phase.Lead:
        return this.readLead(text, i);
      case Phase.Prose:
        return this.readProse(text, i);
      case Phase.Tag:
        return this.readTag(text, i);
      case Phase.Value:
        return this.readValue(text, i);
      default:
        return this.readTrail(text, i);
    }
  }

  private readLead(text: string, start: number): number {
    let i = start;
    while (i < text.length && isJsonWhitespace(text.charCodeAt(i))) i += 1;
    if (i < text.length) this.phase = canStartValue(text.charCodeAt(i)) ? Phase.Value : Phase.Prose;
    return i;
  }

  /** Looks for three backticks in a row (the count survives chunk boundaries). */
  private readProse(text: string, start: number): number {
    for (let i = start; i < text.length; i += 1) {
      if (text.charCodeAt(i) !== BACKTICK) {
        this.backticks = 0;
        continue;
      }
      this.backticks += 1;
      if (this.backticks === 3) {
        this.phase = Phase.Tag;
        this.fenced = true;
        this.backticks = 0;
        return i + 1;
      }
    }
    return text.length;
  }

  private readTag(text: string, i: number): number {
    const c = text.charCodeAt(i);
    // `| 0x20` lower-cases ASCII letters, so "JSON" is accepted too.
    if (this.tagIndex < TAG.length && (c | 0x20) === TAG.charCodeAt(this.tagIndex)) {
      this.tagIndex += 1;
      return i + 1;
    }
    if (this.tagIndex !== 0 && this.tagIndex !== TAG.length) {
      return this.fail(`Unexpected fence language tag at position ${this.offset + i}`);
    }
    this.phase = Phase.Value;
    return i;
  }

  private readValue(text: string, i: number): number {
    const stop = this.tokenizer.feed(text, i, this.offset);
    if (this.tokenizer.failed) {
      if (!this.fenced && this.tokenizer.failedBeforeValue) {
        // Nothing was shown yet: treat what was read as prose and look for a fence after it.
        this.tree.abandonLeaf();
        this.tokenizer = new JsonTokenizer(this.tree);
        this.phase = Phase.Prose;
        return stop;
      }
      return this.fail(this.tokenizer.error);
    }
    if (stop < text.length) this.phase = Phase.Trail;
    return stop;
  }

  private readTrail(text: string, start: number): number {
    let i = start;
    // Whitespace may come before the closing fence, not inside it.
    if (this.backticks === 0) while (i < text.length && isJsonWhitespace(text.charCodeAt(i))) i += 1;
    if (i === text.length) return i;
    if (!this.fenced || text.charCodeAt(i) !== BACKTICK) {
      return this.fail(`Unexpected non-whitespace character after JSON at position ${this.offset + i}`);
    }
    this.backticks += 1;
    if (this.backticks === 3) this.phase = Phase.After;
    return i + 1;
  }

  private fail(message: string): number {
    this.phase = Phase.Failed;
    this.error = message;
    return Number.POSITIVE_INFINITY;
  }
}

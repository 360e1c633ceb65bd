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

/** A piece of unfenced text kept from the first "```" on, in case it must be read as a fence. */
interface KeptText {
  readonly text: string;
  /** Position of `text[0]` in the whole input. */
  readonly offset: number;
}

/**
 * Finds the JSON in a model's text, one chunk at a time, and feeds it to the tokenizer.
 * Accepts bare JSON (whitespace around it only) or a Markdown fence (```` ```json ```` or
 * ```` ``` ````) anywhere in the text: as in LangChain, prose before a fence and anything after
 * the closing fence are ignored, and a missing closing fence is tolerated once the value is
 * complete. Every boundary (a fence split as "``" + "`json") works across chunks because the
 * reader keeps its position in the fence as state.
 *
 * Text whose first character can start a JSON value (`1. Here is...`, `true story...`,
 * `"Sure", here...`, `[Note] ...`) is read tentatively as bare JSON. If that read fails (inside
 * the value, after it, or at the end), the text is treated as LangChain does: prose, with the
 * JSON in the first fence. To do so without keeping or rescanning the whole text, the reader
 * watches every tentative chunk for the first "```" (one `indexOf` per chunk) and keeps only
 * the text after it (bare JSON with "```" inside a string keeps that much until the end, as
 * chunk references); on failure that kept text is read as the fence's content (each character
 * is read at most once more), or, when no fence came yet, reading goes on as prose. The
 * partial value shown by the failed tentative read is dropped when the fence opens (so the
 * fenced value starts fresh); values already handed out stay as they were. When no fence is
 * ever found, `finish` reports the tentative read's error.
 */
export class FencedJsonReader {
  private phase: PhaseValue = Phase.Lead;
  private fenced = false;
  private backticks = 0;
  private tagIndex = 0;
  private offset = 0;
  private error = "";
  private tokenizer: JsonTokenizer;
  /** Backticks ending the unfenced text read so far (0 to 2), while no "```" was seen in it. */
  private leadBackticks = 0;
  /** Unfenced text after its first "```", once seen (see the class comment). */
  private kept: KeptText[] | undefined = undefined;
  /** Why the tentative bare-JSON read failed, once it did. */
  private bareError: string | undefined = undefined;

  constructor(private readonly tree: PartialTree) {
    this.tokenizer = new JsonTokenizer(tree);
  }

  /** Reads the next chunk. Never throws: malformed text ends reading and is reported by `finish`. */
  push(text: string): void {
    if (this.isTentative()) this.watchForFence(text);
    this.read(text, 0);
    if (this.phase === Phase.Value) this.tokenizer.endChunk();
    this.tree.flush();
    this.offset += text.length;
  }

  /** End of input: returns why the text holds no valid JSON value, or `undefined` when it does. */
  finish(): string | undefined {
    if (this.phase === Phase.Value && !this.fenced) {
      const error = this.tokenizer.end();
      if (error === undefined || this.kept === undefined) {
        this.tree.flush();
        return error;
      }
      // Not bare JSON after all, but a fence came: read it.
      this.bareError = error;
      this.readKept();
    }
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
        if (this.fenced) return "Unexpected end of JSON input";
        return this.bareError ?? "No JSON value found";
    }
  }

  /** Reads `text` from `start` with the current phase (`this.offset` is the position of `text[0]`). */
  private read(text: string, start: number): void {
    let i = start;
    while (i < text.length && this.phase !== Phase.After && this.phase !== Phase.Failed) {
      i = this.step(text, i);
    }
  }

  /** True while the text might be bare JSON (it may still turn out to be prose before a fence). */
  private isTentative(): boolean {
    return (
      this.phase === Phase.Lead ||
      (!this.fenced && (this.phase === Phase.Value || this.phase === Phase.Trail))
    );
  }

  /** Finds the first "```" of the unfenced text (across chunks), then keeps the text after it. */
  private watchForFence(text: string): void {
    if (this.kept !== undefined) {
      this.kept.push({ text, offset: this.offset });
      return;
    }
    let run = this.leadBackticks;
    let i = 0;
    while (i < text.length) {
      const next = text.indexOf("`", i);
      if (next < 0) {
        run = 0;
        break;
      }
      if (next > i) run = 0;
      i = next + 1;
      run += 1;
      if (run === 3) {
        this.kept = [{ text: text.slice(i), offset: this.offset + i }];
        this.leadBackticks = 0;
        return;
      }
    }
    this.leadBackticks = run;
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
    if (i === text.length) return i;
    if (canStartValue(text.charCodeAt(i))) {
      this.phase = Phase.Value;
    } else {
      // Prose for sure: the prose scanner looks for the fence itself.
      this.phase = Phase.Prose;
      this.kept = undefined;
      this.leadBackticks = 0;
    }
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
        this.openFence();
        return i + 1;
      }
    }
    return text.length;
  }

  private openFence(): void {
    this.phase = Phase.Tag;
    this.fenced = true;
    this.backticks = 0;
    if (this.bareError !== undefined) {
      // Drop what the failed tentative read showed: the fenced value starts fresh.
      this.tree.reset();
      this.tokenizer = new JsonTokenizer(this.tree);
    }
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
      if (!this.fenced) return this.notBareJson(this.tokenizer.error);
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
    const message = `Unexpected non-whitespace character after JSON at position ${this.offset + i}`;
    if (!this.fenced) return this.notBareJson(message);
    if (text.charCodeAt(i) !== BACKTICK) return this.fail(message);
    this.backticks += 1;
    if (this.backticks === 3) this.phase = Phase.After;
    return i + 1;
  }

  /**
   * The tentative bare-JSON read failed in the current chunk: read the text after the first
   * fence, if one was seen (the kept text includes the rest of this chunk), or else go on as
   * prose after this chunk, which `watchForFence` already searched.
   */
  private notBareJson(message: string): number {
    this.bareError = message;
    if (this.kept !== undefined) {
      this.readKept();
    } else {
      this.phase = Phase.Prose;
      this.backticks = this.leadBackticks;
    }
    return Number.POSITIVE_INFINITY;
  }

  /** Reads the kept text after the first fence as that fence's content. */
  private readKept(): void {
    const kept = this.kept ?? [];
    this.kept = undefined;
    const offset = this.offset;
    this.openFence();
    for (const piece of kept) {
      this.offset = piece.offset;
      this.read(piece.text, 0);
    }
    this.offset = offset;
  }

  private fail(message: string): number {
    this.phase = Phase.Failed;
    this.error = message;
    return Number.POSITIVE_INFINITY;
  }
}

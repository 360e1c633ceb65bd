import { isJsonWhitespace } from "./json-chars.js";
import { isCompleteNumber, NumberState, type NumberStateValue, nextNumberState } from "./number-grammar.js";
import { StringDecoder } from "./string-decoder.js";
import type { UnfinishedToken } from "./unfinished-token.js";
import type { ValueSink } from "./value-sink.js";

/** Where the tokenizer stands between two characters. */
const Tok = {
  /** A value must come next (top level, after `:` or after `,` in an array). */
  Value: 0,
  /** Just after `[`: a value or `]`. */
  FirstElement: 1,
  /** Just after `{`: a key or `}`. */
  FirstKey: 2,
  /** After `,` in an object: a key. */
  Key: 3,
  KeyString: 4,
  Colon: 5,
  /** After a member's value: `,` or `}`. */
  ObjectNext: 6,
  /** After an element: `,` or `]`. */
  ArrayNext: 7,
  String: 8,
  Number: 9,
  Literal: 10,
  /** The top-level value is complete; only whitespace may follow. */
  Done: 11,
  Failed: 12,
} as const;
type TokState = (typeof Tok)[keyof typeof Tok];

const LITERALS: Readonly<Record<string, { text: string; value: boolean | null }>> = {
  t: { text: "true", value: true },
  f: { text: "false", value: false },
  n: { text: "null", value: null },
};

/**
 * The incremental JSON state machine: reads chunks as they come, never goes back over text
 * it has read, and reports structure to a {@link ValueSink}. Each handler consumes a run of
 * characters in one state, so a character is examined once (a character that ends a number
 * is examined a second time by the state that follows). On malformed input it stops in a
 * failed state with `error` set and reads nothing further; it never throws.
 */
export class JsonTokenizer {
  /** Why the input is not JSON, once `failed` is true. */
  error = "";
  /** Index (within the chunk given to `feed`) of the character that made the input invalid. */
  failIndex = 0;
  private state: TokState = Tok.Value;
  private readonly containers: boolean[] = [];
  private readonly strings = new StringDecoder();
  private keyText = "";
  private numState: NumberStateValue = NumberState.Start;
  private numText = "";
  private numValidLength = 0;
  private numReportedLength = 0;
  private literalText = "";
  private literalValue: boolean | null = null;
  private literalIndex = 0;
  private offset = 0;

  constructor(private readonly sink: ValueSink) {}

  /** True once the top-level value is complete. */
  get done(): boolean {
    return this.state === Tok.Done;
  }

  /** True once the input is known not to be JSON. */
  get failed(): boolean {
    return this.state === Tok.Failed;
  }

  /**
   * Reads `text` from `start`; `offset` is the position of `text[0]` in the whole input (for
   * error messages). Returns the index where reading stopped: `text.length`, the failing
   * character, or the first non-whitespace character after a complete top-level value.
   */
  feed(text: string, start: number, offset: number): number {
    this.offset = offset;
    const n = text.length;
    let i = start;
    while (i < n) {
      switch (this.state) {
        case Tok.String:
        case Tok.KeyString:
          i = this.readString(text, i);
          break;
        case Tok.Number:
          i = this.readNumber(text, i);
          break;
        case Tok.Literal:
          i = this.readLiteral(text, i);
          break;
        case Tok.Done:
          i = skipWhitespace(text, i);
          if (i < n) return i;
          break;
        case Tok.Failed:
          return this.failIndex;
        default:
          i = this.readStructure(text, skipWhitespace(text, i));
      }
    }
    return this.state === Tok.Failed ? this.failIndex : n;
  }

  /**
   * The token the text read so far ends inside (`undefined` between tokens, once done or
   * failed), for callers that complete a prefix as `parsePartialJson` does. Reading it changes
   * nothing.
   */
  unfinishedToken(): UnfinishedToken | undefined {
    switch (this.state) {
      case Tok.Literal:
        return { kind: "literal", value: this.literalValue };
      case Tok.Number:
        return { kind: "number", text: this.numText };
      case Tok.String:
      case Tok.KeyString:
        return {
          kind: "string",
          isKey: this.state === Tok.KeyString,
          heldText: this.strings.heldText,
          pendingEscapeLength: this.strings.pendingEscapeLength,
        };
      default:
        return undefined;
    }
  }

  /** End of a chunk: reports the progress of a number still being read (once per chunk). */
  endChunk(): void {
    if (this.state !== Tok.Number || this.numValidLength === this.numReportedLength) return;
    this.numReportedLength = this.numValidLength;
    this.sink.numberProgress(Number(this.numText.slice(0, this.numValidLength)));
  }

  /** End of input: completes a trailing number; returns an error message when the value is incomplete. */
  end(): string | undefined {
    if (this.state === Tok.Number && isCompleteNumber(this.numState)) this.finishNumber();
    if (this.state === Tok.Failed) return this.error;
    if (this.state !== Tok.Done) return "Unexpected end of JSON input";
    return undefined;
  }

  private readStructure(text: string, i: number): number {
    if (i >= text.length) return i;
    const c = text.charCodeAt(i);
    switch (this.state) {
      case Tok.FirstElement:
        if (c === 0x5d) return this.close(i);
        return this.beginValue(c, i);
      case Tok.Value:
        return this.beginValue(c, i);
      case Tok.FirstKey:
        if (c === 0x7d) return this.close(i);
        return this.beginKey(c, i);
      case Tok.Key:
        return this.beginKey(c, i);
      case Tok.Colon:
        if (c !== 0x3a) return this.fail(`Expected ':' after property name`, text, i);
        this.state = Tok.Value;
        return i + 1;
      case Tok.ObjectNext:
        return this.afterMember(c, text, i, 0x7d, Tok.Key);
      default:
        return this.afterMember(c, text, i, 0x5d, Tok.Value);
    }
  }

  /** After a member or element: `,` continues the container, its closing bracket ends it. */
  private afterMember(c: number, text: string, i: number, closer: number, next: TokState): number {
    if (c === closer) return this.close(i);
    if (c !== 0x2c) return this.fail(`Expected ',' or '${String.fromCharCode(closer)}'`, text, i);
    this.state = next;
    return i + 1;
  }

  private beginKey(c: number, i: number): number {
    if (c !== 0x22) return this.failAt(`Expected a double-quoted property name`, i);
    this.state = Tok.KeyString;
    this.keyText = "";
    this.strings.reset();
    return i + 1;
  }

  private beginValue(c: number, i: number): number {
    if (c === 0x7b || c === 0x5b) {
      const isArray = c === 0x5b;
      this.containers.push(isArray);
      this.sink.openContainer(isArray);
      this.state = isArray ? Tok.FirstElement : Tok.FirstKey;
      return i + 1;
    }
    if (c === 0x22) {
      this.state = Tok.String;
      this.strings.reset();
      this.sink.beginString();
      return i + 1;
    }
    if (c === 0x2d || (c >= 0x30 && c <= 0x39)) {
      this.state = Tok.Number;
      this.numState = NumberState.Start;
      this.numText = "";
      this.numValidLength = 0;
      this.numReportedLength = 0;
      this.sink.beginNumber();
      return i;
    }
    const literal = LITERALS[String.fromCharCode(c)];
    if (literal === undefined) return this.failAt(`Unexpected character '${String.fromCharCode(c)}'`, i);
    this.state = Tok.Literal;
    this.literalText = literal.text;
    this.literalValue = literal.value;
    this.literalIndex = 1;
    return i + 1;
  }

  private close(i: number): number {
    this.containers.pop();
    this.sink.closeContainer();
    this.afterValue();
    return i + 1;
  }

  /** A value just ended: what may follow depends on the container it sits in. */
  private afterValue(): void {
    const top = this.containers[this.containers.length - 1];
    if (top === undefined) this.state = Tok.Done;
    else this.state = top ? Tok.ArrayNext : Tok.ObjectNext;
  }

  private readString(text: string, i: number): number {
    const decoded = this.strings.decode(text, i);
    const isKey = this.state === Tok.KeyString;
    if (isKey) this.keyText += decoded;
    else if (decoded.length > 0) this.sink.appendString(decoded);
    const status = this.strings.status;
    if (status === "error") return this.failAt(this.strings.errorMessage, this.strings.nextIndex);
    if (status === "closed") {
      if (isKey) {
        this.sink.setKey(this.keyText);
        this.state = Tok.Colon;
      } else {
        this.sink.endString();
        this.afterValue();
      }
    }
    return this.strings.nextIndex;
  }

  private readNumber(text: string, start: number): number {
    const n = text.length;
    let i = start;
    let state = this.numState;
    let validEnd = -1;
    while (i < n) {
      const next = nextNumberState(state, text.charCodeAt(i));
      if (next === NumberState.End || next === NumberState.Error) break;
      state = next;
      i += 1;
      if (isCompleteNumber(state)) validEnd = i;
    }
    if (validEnd >= 0) this.numValidLength = this.numText.length + (validEnd - start);
    this.numText += text.slice(start, i);
    this.numState = state;
    if (i === n) return n;
    if (!isCompleteNumber(state)) return this.failAt(`No number after minus sign, '.' or exponent`, i);
    this.finishNumber();
    // The character that ended the number belongs to the next state: do not consume it.
    return i;
  }

  private finishNumber(): void {
    this.sink.endNumber(Number(this.numText));
    this.numText = "";
    this.afterValue();
  }

  private readLiteral(text: string, start: number): number {
    const n = text.length;
    let i = start;
    while (i < n && this.literalIndex < this.literalText.length) {
      if (text.charCodeAt(i) !== this.literalText.charCodeAt(this.literalIndex)) {
        return this.failAt(`Unexpected character '${text.charAt(i)}'`, i);
      }
      this.literalIndex += 1;
      i += 1;
    }
    if (this.literalIndex === this.literalText.length) {
      this.sink.literal(this.literalValue);
      this.afterValue();
    }
    return i;
  }

  private fail(message: string, text: string, i: number): number {
    return this.failAt(`${message}, found '${text.charAt(i)}'`, i);
  }

  private failAt(message: string, i: number): number {
    this.state = Tok.Failed;
    this.failIndex = i;
    this.error = `${message} at position ${this.offset + i}`;
    return i;
  }
}

function skipWhitespace(text: string, start: number): number {
  let i = start;
  while (i < text.length && isJsonWhitespace(text.charCodeAt(i))) i += 1;
  return i;
}

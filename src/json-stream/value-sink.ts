/**
 * What the JSON tokenizer reports while it reads, in document order: the receiving side
 * (the partial tree) decides what becomes visible, when, and which events and patch ops
 * that produces. Keeping this boundary narrow lets the tokenizer stay a pure state machine.
 */
export interface ValueSink {
  /** An object (`isArray` false) or array starts at the current position. */
  openContainer(isArray: boolean): void;
  /** The innermost open container ends. */
  closeContainer(): void;
  /** The innermost open object's next member has this key (its value has not begun yet). */
  setKey(key: string): void;
  /** A string value starts at the current position. */
  beginString(): void;
  /** More decoded text of the current string (may be called many times per chunk). */
  appendString(text: string): void;
  /** The current string value is complete. */
  endString(): void;
  /** A number starts at the current position (its first character may be a lone `-`). */
  beginNumber(): void;
  /** The current number's longest valid prefix now has this value (reported at most once per chunk). */
  numberProgress(value: number): void;
  /** The current number is complete with this value. */
  endNumber(value: number): void;
  /** A complete `true`, `false` or `null` at the current position. */
  literal(value: boolean | null): void;
}

/**
 * The token a JSON text ends inside, as the tokenizer reports it: a literal begun (`tr`), a
 * number begun (its text so far: `-`, `1.`, `2e+`), or a string begun (a key or a value, with
 * what its decoder holds back: a high surrogate awaiting its pair, and the length of an escape
 * cut off by the end of the text).
 */
export type UnfinishedToken =
  | { kind: "literal"; value: boolean | null }
  | { kind: "number"; text: string }
  | { kind: "string"; isKey: boolean; heldText: string; pendingEscapeLength: number };

/**
 * The JSON number grammar (`-? (0 | [1-9][0-9]*) (.[0-9]+)? ([eE][+-]?[0-9]+)?`) as a table-free
 * state machine over character codes, so the tokenizer can read a number one chunk at a time
 * and always know the length of its longest valid prefix.
 */
export const NumberState = {
  Start: 0,
  Minus: 1,
  Zero: 2,
  Integer: 3,
  Dot: 4,
  Fraction: 5,
  Exponent: 6,
  ExponentSign: 7,
  ExponentDigits: 8,
  /** The character is not part of the number, which ended in a valid state before it. */
  End: 9,
  /** The character cannot follow: the number is malformed (`-x`, `1.e5`, `1e+`). */
  Error: 10,
} as const;

/** One state of {@link NumberState}. */
export type NumberStateValue = (typeof NumberState)[keyof typeof NumberState];

const ZERO = 0x30;
const NINE = 0x39;

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isExponentMark(c: number): boolean {
  return c === 0x65 || c === 0x45; // e, E
}

/** True when the text read so far is a complete number (it may still grow). */
export function isCompleteNumber(state: NumberStateValue): boolean {
  return (
    state === NumberState.Zero ||
    state === NumberState.Integer ||
    state === NumberState.Fraction ||
    state === NumberState.ExponentDigits
  );
}

/** The state after reading character code `c` in `state` (`End` or `Error` when `c` does not fit). */
export function nextNumberState(state: NumberStateValue, c: number): NumberStateValue {
  switch (state) {
    case NumberState.Start:
      if (c === 0x2d) return NumberState.Minus;
      return afterSign(c);
    case NumberState.Minus:
      return afterSign(c);
    case NumberState.Zero:
      return afterInteger(c, false);
    case NumberState.Integer:
      return afterInteger(c, true);
    case NumberState.Dot:
      return isDigit(c) ? NumberState.Fraction : NumberState.Error;
    case NumberState.Fraction:
      if (isDigit(c)) return NumberState.Fraction;
      return isExponentMark(c) ? NumberState.Exponent : NumberState.End;
    case NumberState.Exponent:
      if (c === 0x2b || c === 0x2d) return NumberState.ExponentSign;
      return isDigit(c) ? NumberState.ExponentDigits : NumberState.Error;
    case NumberState.ExponentSign:
      return isDigit(c) ? NumberState.ExponentDigits : NumberState.Error;
    case NumberState.ExponentDigits:
      return isDigit(c) ? NumberState.ExponentDigits : NumberState.End;
    default:
      return NumberState.Error;
  }
}

function afterSign(c: number): NumberStateValue {
  if (c === ZERO) return NumberState.Zero;
  return isDigit(c) ? NumberState.Integer : NumberState.Error;
}

function afterInteger(c: number, digitsAllowed: boolean): NumberStateValue {
  // A digit after a leading zero ends the number; the tokenizer then rejects the digit,
  // which is how "01" fails exactly as JSON.parse fails it.
  if (digitsAllowed && isDigit(c)) return NumberState.Integer;
  if (c === 0x2e) return NumberState.Dot;
  return isExponentMark(c) ? NumberState.Exponent : NumberState.End;
}

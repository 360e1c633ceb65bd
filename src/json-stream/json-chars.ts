// Character classes of the JSON grammar shared by the tokenizer and the fence reader.

/** True for the four characters JSON treats as whitespace (JSON.parse accepts no others). */
export function isJsonWhitespace(c: number): boolean {
  return c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;
}

/** True when `c` can begin a JSON value. */
export function canStartValue(c: number): boolean {
  // {  [  "  -  0-9  t(rue)  f(alse)  n(ull)
  return (
    c === 0x7b ||
    c === 0x5b ||
    c === 0x22 ||
    c === 0x2d ||
    (c >= 0x30 && c <= 0x39) ||
    c === 0x74 ||
    c === 0x66 ||
    c === 0x6e
  );
}

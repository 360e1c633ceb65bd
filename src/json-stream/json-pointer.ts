import { escapeJsonPointerToken } from "../json-patch/escape-json-pointer-token.js";

/**
 * Extends an RFC 6901 JSON Pointer by one segment, escaping `~` as `~0` and `/` as `~1`
 * (in that order, so a literal `~1` in a key survives a round trip).
 *
 * @example
 * childPointer("", "countries"); // "/countries"
 * childPointer("/countries", 0); // "/countries/0"
 * childPointer("", "a/b~c"); // "/a~1b~0c"
 */
export function childPointer(parent: string, segment: string | number): string {
  if (typeof segment === "number") return `${parent}/${segment}`;
  return `${parent}/${escapeJsonPointerToken(segment)}`;
}

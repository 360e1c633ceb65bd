import { escapeJsonPointerToken } from "./escape-json-pointer-token.js";

/**
 * Builds a JSON Pointer (RFC 6901) from reference tokens, escaping `~` as `~0` and `/` as
 * `~1`. Numbers are written as array indices. `[]` gives `""` (the whole document). The
 * inverse of `parseJsonPointer`.
 *
 * @example
 * formatJsonPointer(["logs", "a/b", 0]); // "/logs/a~1b/0"
 * formatJsonPointer(["streamed_output", "-"]); // "/streamed_output/-" (append to the array)
 */
export function formatJsonPointer(segments: readonly (string | number)[]): string {
  let pointer = "";
  for (const segment of segments) pointer += `/${escapeJsonPointerToken(String(segment))}`;
  return pointer;
}

import { InvalidInputError } from "../errors/input-errors.js";

/**
 * Splits a JSON Pointer (RFC 6901) into its unescaped reference tokens: `~1` becomes `/`
 * and `~0` becomes `~`, in that order of meaning, so `"~01"` is the token `"~1"`. `""` (the
 * whole document) gives `[]`; `"/"` gives `[""]` (the member with the empty name).
 * Throws `InvalidInputError` for a pointer that does not start with `/` or has a `~` not
 * followed by `0` or `1`.
 *
 * @example
 * parseJsonPointer("/a~1b/0"); // ["a/b", "0"]
 */
export function parseJsonPointer(path: string): string[] {
  if (path === "") return [];
  if (!path.startsWith("/")) {
    throw new InvalidInputError(
      `Invalid JSON Pointer ${JSON.stringify(path)}: it must be "" or start with "/".`,
    );
  }
  if (/~(?![01])/.test(path)) {
    throw new InvalidInputError(
      `Invalid JSON Pointer ${JSON.stringify(path)}: "~" must be followed by "0" or "1" (write "~0" for "~").`,
    );
  }
  // One pass over both escapes: replacing "~1" first and then "~0" would also be correct,
  // the reverse order would turn "~01" into "/" instead of "~1".
  return path
    .slice(1)
    .split("/")
    .map((token) => (token.includes("~") ? token.replace(/~[01]/g, unescapeToken) : token));
}

function unescapeToken(sequence: string): string {
  return sequence === "~0" ? "~" : "/";
}

/**
 * Escapes one reference token of a JSON Pointer (RFC 6901 §3): `~` as `~0`, then `/` as `~1`
 * (in that order: escaping `/` first would produce a `~1` whose `~` is then escaped again).
 * Most keys contain neither, and are returned without scanning them twice.
 *
 * @example
 * escapeJsonPointerToken("a/b~c"); // "a~1b~0c"
 */
export function escapeJsonPointerToken(token: string): string {
  if (!token.includes("~") && !token.includes("/")) return token;
  return token.replaceAll("~", "~0").replaceAll("/", "~1");
}

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
  // Most keys need no escaping; skip the two replaceAll scans for them.
  if (!segment.includes("~") && !segment.includes("/")) return `${parent}/${segment}`;
  return `${parent}/${segment.replaceAll("~", "~0").replaceAll("/", "~1")}`;
}

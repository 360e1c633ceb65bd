import { InvalidInputError } from "../errors/input-errors.js";
import type { TemplateNode } from "./template-node.js";

// Characters that never belong in a variable name: a name holding them means the author wrote
// literal braces (JSON, code) and forgot to double them, which is better reported at once.
const SUSPICIOUS_NAME = /["'\n\r{]/;

function describe(template: string, index: number): string {
  const start = Math.max(0, index - 20);
  const excerpt = template.slice(start, index + 20).replace(/\n/g, "\\n");
  return `at position ${index} (near "${excerpt}")`;
}

function readVariable(template: string, open: number): { name: string; end: number } {
  const close = template.indexOf("}", open + 1);
  if (close < 0) {
    throw new InvalidInputError(
      `Unclosed "{" in f-string template ${describe(template, open)}. Close it with "}", ` +
        'or write "{{" for a literal brace.',
    );
  }
  const name = template.slice(open + 1, close);
  if (name.trim() === "" || SUSPICIOUS_NAME.test(name)) {
    throw new InvalidInputError(
      `Invalid variable "{${name}}" in f-string template ${describe(template, open)}. ` +
        'Variables look like {topic}; write "{{" and "}}" for literal braces (or use templateFormat: "mustache").',
    );
  }
  return { name, end: close + 1 };
}

/**
 * Parses a Python-style f-string template: `{name}` is a variable, `{{` and `}}` are literal
 * braces. Unbalanced braces and empty or malformed names throw an `InvalidInputError` naming
 * the position, so a broken template fails when it is built rather than when it is used.
 *
 * @example
 * parseFString("a {x} {{b}}"); // [literal "a ", variable x, literal " {b}"]
 */
export function parseFString(template: string): TemplateNode[] {
  const nodes: TemplateNode[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const char = template[i]!;
    const next = template[i + 1];
    if ((char === "{" || char === "}") && next === char) {
      text += char;
      i += 2;
    } else if (char === "{") {
      const { name, end } = readVariable(template, i);
      if (text !== "") nodes.push({ type: "literal", text });
      text = "";
      nodes.push({ type: "variable", name, path: [name] });
      i = end;
    } else if (char === "}") {
      throw new InvalidInputError(
        `Single "}" in f-string template ${describe(template, i)}. Write "}}" for a literal brace.`,
      );
    } else {
      text += char;
      i += 1;
    }
  }
  if (text !== "") nodes.push({ type: "literal", text });
  return nodes;
}

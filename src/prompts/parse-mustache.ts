import { InvalidInputError } from "../errors/input-errors.js";
import type { TemplateNode } from "./template-node.js";

/** A tag or a run of text, before sections are nested. */
type Token = { kind: "text"; text: string } | { kind: "name" | "#" | "^" | "/"; name: string; at: number };

type SectionFrame = { name: string; at: number; inverted: boolean; children: TemplateNode[] };

const VALID_NAME = /^[^\s{}]+$/;
// Tags that, alone on their line, take the whole line with them (the mustache "standalone" rule),
// so a section written on its own line does not leave a blank line in the output.
const STANDALONE_KINDS = new Set(["#", "^", "/", "!"]);

function fail(template: string, at: number, problem: string): never {
  const excerpt = template.slice(Math.max(0, at - 10), at + 30).replace(/\n/g, "\\n");
  throw new InvalidInputError(`${problem} in mustache template at position ${at} (near "${excerpt}").`);
}

/** Splits `a.b` into `["a", "b"]`; `.` (the current section item) is `[]`. */
function toPath(template: string, name: string, at: number): string[] {
  if (name === ".") return [];
  const path = name.split(".");
  if (path.some((s) => s === "")) fail(template, at, `Invalid variable name "${name}"`);
  return path;
}

/** Reads the tag that starts at `open`: its kind, name and where it ends. */
function readTag(template: string, open: number): { kind: string; name: string; end: number } {
  const triple = template.startsWith("{{{", open);
  const closer = triple ? "}}}" : "}}";
  const close = template.indexOf(closer, open + closer.length);
  if (close < 0) fail(template, open, `Unclosed "${triple ? "{{{" : "{{"}" tag (expected "${closer}")`);
  let inner = template.slice(open + closer.length, close).trim();
  let kind = "name";
  const sigil = triple ? "" : inner.charAt(0);
  if (sigil !== "" && "#^/!&".includes(sigil)) {
    kind = sigil === "&" ? "name" : sigil;
    inner = inner.slice(1).trim();
  } else if (sigil === ">" || sigil === "=") {
    const what = sigil === ">" ? "partials" : "delimiter changes";
    fail(template, open, `Mustache ${what} ({{${sigil}...}}) are not supported`);
  }
  if (kind !== "!" && !VALID_NAME.test(inner))
    fail(template, open, `Invalid tag "${template.slice(open, close + closer.length)}"`);
  return { kind, name: inner, end: close + closer.length };
}

/** If the tag at [open, end) is alone on its line, the bounds of that whole line; else undefined. */
function standaloneLine(
  template: string,
  open: number,
  end: number,
): { start: number; end: number } | undefined {
  const start = template.lastIndexOf("\n", open - 1) + 1;
  if (template.slice(start, open).trim() !== "") return undefined;
  const newline = template.indexOf("\n", end);
  const lineEnd = newline < 0 ? template.length : newline + 1;
  if (template.slice(end, lineEnd).trim() !== "") return undefined;
  return { start, end: lineEnd };
}

function tokenize(template: string): Token[] {
  const tokens: Token[] = [];
  let text = "";
  let i = 0;
  while (i < template.length) {
    const open = template.indexOf("{{", i);
    if (open < 0) break;
    text += template.slice(i, open);
    const tag = readTag(template, open);
    i = tag.end;
    const line = STANDALONE_KINDS.has(tag.kind) ? standaloneLine(template, open, tag.end) : undefined;
    if (line !== undefined) {
      text = text.slice(0, text.length - (open - line.start));
      i = line.end;
    }
    if (tag.kind === "!") continue;
    if (text !== "") tokens.push({ kind: "text", text });
    text = "";
    tokens.push({ kind: tag.kind as "name" | "#" | "^" | "/", name: tag.name, at: open });
  }
  text += template.slice(i);
  if (text !== "") tokens.push({ kind: "text", text });
  return tokens;
}

/**
 * Parses a mustache template: `{{name}}`, `{{{name}}}` and `{{& name}}` are variables (never
 * HTML-escaped: prompts are not HTML), `{{a.b}}` is a dotted path, `{{#list}}...{{/list}}` a
 * section, `{{^x}}...{{/x}}` an inverted section and `{{! ...}}` a comment. Partials and
 * delimiter changes are not supported. Malformed templates throw an `InvalidInputError` naming
 * the position.
 *
 * @example
 * parseMustache("Hi {{user.name}}{{#items}} - {{.}}{{/items}}");
 */
export function parseMustache(template: string): TemplateNode[] {
  const root: TemplateNode[] = [];
  const stack: SectionFrame[] = [];
  const current = (): TemplateNode[] => stack.at(-1)?.children ?? root;
  for (const token of tokenize(template)) {
    if (token.kind === "text") {
      current().push({ type: "literal", text: token.text });
    } else if (token.kind === "name") {
      current().push({ type: "variable", name: token.name, path: toPath(template, token.name, token.at) });
    } else if (token.kind === "/") {
      const frame = stack.pop();
      if (frame === undefined)
        fail(template, token.at, `Closing tag "{{/${token.name}}}" without an opening tag`);
      if (frame.name !== token.name) {
        fail(
          template,
          token.at,
          `Closing tag "{{/${token.name}}}" does not match the open section "${frame.name}"`,
        );
      }
      const path = toPath(template, frame.name, frame.at);
      current().push({
        type: "section",
        name: frame.name,
        path,
        inverted: frame.inverted,
        children: frame.children,
      });
    } else {
      stack.push({ name: token.name, at: token.at, inverted: token.kind === "^", children: [] });
    }
  }
  const open = stack.at(-1);
  if (open !== undefined) fail(template, open.at, `Unclosed section "${open.name}" (add {{/${open.name}}})`);
  return root;
}

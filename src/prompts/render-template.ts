import { isPlainObject } from "../internal/is-plain-object.js";
import { parseFString } from "./parse-f-string.js";
import { parseMustache } from "./parse-mustache.js";
import type { TemplateNode } from "./template-node.js";

/** The syntax of a template: Python-style `{var}` (the default) or mustache `{{var}}`. */
export type TemplateFormat = "f-string" | "mustache";

/**
 * How a value is written into a prompt, as `@langchain/core` does for f-strings: strings as
 * they are, anything else as JSON (`3`, `true`, `["a","b"]`, `{"k":1}`). A mustache template
 * writes nothing for `null` and `undefined`, as mustache does.
 */
export function stringifyPromptValue(value: unknown): string {
  if (typeof value === "string") return value;
  if (value === undefined) return "";
  // JSON.stringify answers undefined for functions and symbols, and throws for bigints.
  if (typeof value === "bigint" || typeof value === "function" || typeof value === "symbol")
    return String(value);
  return JSON.stringify(value) ?? String(value);
}

/**
 * Whether `name` is a value of `context`: own keys of plain objects and arrays, so `constructor`
 * or `toString` is never found on a prototype; any key of other objects (class getters), except
 * names that only `Object.prototype` gives.
 */
function hasName(context: unknown, name: string): context is object {
  if (typeof context !== "object" || context === null) return false;
  if (Object.hasOwn(context, name)) return true;
  if (isPlainObject(context) || Array.isArray(context)) return false;
  return name in context && !Object.hasOwn(Object.prototype, name);
}

/** Finds a path in the context stack, innermost first, as mustache does (the first segment picks the context). */
function lookup(stack: readonly unknown[], path: readonly string[]): unknown {
  if (path.length === 0) return stack.at(-1);
  const [first, ...rest] = path as [string, ...string[]];
  for (let i = stack.length - 1; i >= 0; i -= 1) {
    const context = stack[i];
    if (!hasName(context, first)) continue;
    let value: unknown = Reflect.get(context, first);
    for (const segment of rest) value = hasName(value, segment) ? Reflect.get(value, segment) : undefined;
    return value;
  }
  return undefined;
}

function isEmpty(value: unknown): boolean {
  return !value || (Array.isArray(value) && value.length === 0);
}

function renderSection(node: Extract<TemplateNode, { type: "section" }>, stack: unknown[]): string {
  const value = lookup(stack, node.path);
  if (node.inverted) return isEmpty(value) ? renderNodes(node.children, stack, true) : "";
  if (isEmpty(value)) return "";
  const items: readonly unknown[] = Array.isArray(value) ? value : [value];
  let out = "";
  for (const item of items) {
    // `true` only switches the section on; any other value becomes the context inside it.
    out += renderNodes(node.children, item === true ? stack : [...stack, item], true);
  }
  return out;
}

function renderNodes(nodes: readonly TemplateNode[], stack: unknown[], mustache: boolean): string {
  let out = "";
  for (const node of nodes) {
    if (node.type === "literal") out += node.text;
    else if (node.type === "variable") {
      const value = lookup(stack, node.path);
      // Mustache writes nothing for null; an f-string writes JSON ("null"), as @langchain/core does.
      out += value === null && mustache ? "" : stringifyPromptValue(value);
    } else out += renderSection(node, stack);
  }
  return out;
}

/**
 * Parses a template in the given format into its nodes. Throws an `InvalidInputError` for a
 * malformed template (unbalanced braces, unclosed sections).
 */
export function parseTemplate(template: string, templateFormat: TemplateFormat = "f-string"): TemplateNode[] {
  return templateFormat === "mustache" ? parseMustache(template) : parseFString(template);
}

/** Writes values into parsed nodes. A variable with no value writes nothing (callers check for missing ones first). */
export function renderNodesWith(
  nodes: readonly TemplateNode[],
  templateFormat: TemplateFormat,
  values: Readonly<Record<string, unknown>>,
): string {
  return renderNodes(nodes, [values], templateFormat === "mustache");
}

/**
 * Parses and renders a template in one step.
 *
 * @example
 * renderTemplate("tell me a joke about {topic}", "f-string", { topic: "parrots" });
 * renderTemplate("{{#items}}- {{.}}\n{{/items}}", "mustache", { items: ["a", "b"] }); // "- a\n- b\n"
 */
export function renderTemplate(
  template: string,
  templateFormat: TemplateFormat,
  values: Readonly<Record<string, unknown>>,
): string {
  return renderNodesWith(parseTemplate(template, templateFormat), templateFormat, values);
}

/**
 * The variables a template needs, in order of first use: every f-string variable; for mustache,
 * the first segment of each top-level variable or section name (names inside a section may come
 * from the section's item, so they are not required).
 */
export function templateVariables(nodes: readonly TemplateNode[]): string[] {
  const names = new Set<string>();
  for (const node of nodes) {
    const first = node.type === "literal" ? undefined : node.path[0];
    if (first !== undefined) names.add(first);
  }
  return [...names];
}

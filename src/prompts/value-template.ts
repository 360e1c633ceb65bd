import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { defineOwn } from "./own-values.js";
import { parseTemplate, renderNodesWith, type TemplateFormat, templateVariables } from "./render-template.js";
import type { TemplateNode } from "./template-node.js";

/**
 * A JSON-like value whose strings are templates: strings at any depth (in objects and arrays)
 * are parsed once and filled in at each format; other values are kept as they are.
 */
export type ValueTemplate =
  | { readonly kind: "string"; readonly nodes: readonly TemplateNode[] }
  | { readonly kind: "array"; readonly items: readonly ValueTemplate[] }
  | { readonly kind: "object"; readonly entries: ReadonlyArray<readonly [string, ValueTemplate]> }
  | { readonly kind: "literal"; readonly value: unknown };

// Deep enough for any real content block; a cycle in the template stops here instead of overflowing the stack.
const MAX_DEPTH = 256;

/**
 * Parses every string of `value` as a template in `templateFormat`, adding the variables it
 * uses to `variables` in order of first use. Throws an `InvalidInputError` for a malformed
 * template or a value nested deeper than 256 levels (a cycle).
 */
function compileValueTemplate(
  value: unknown,
  templateFormat: TemplateFormat,
  variables: Set<string>,
  depth = 0,
): ValueTemplate {
  if (depth > MAX_DEPTH) {
    throw new InvalidInputError(
      `A content block template is nested more than ${MAX_DEPTH} levels deep (does it contain itself?).`,
    );
  }
  if (typeof value === "string") {
    const nodes = parseTemplate(value, templateFormat);
    for (const name of templateVariables(nodes)) variables.add(name);
    return { kind: "string", nodes };
  }
  if (Array.isArray(value)) {
    return {
      kind: "array",
      items: value.map((item: unknown) => compileValueTemplate(item, templateFormat, variables, depth + 1)),
    };
  }
  if (isPlainObject(value)) return compileObjectTemplate(value, templateFormat, variables, depth);
  return { kind: "literal", value };
}

/** An object's template: see {@link compileValueTemplate}. */
export type ObjectTemplate = Extract<ValueTemplate, { kind: "object" }>;

/** {@link compileValueTemplate} for a record, typed as the object template it gives. */
export function compileObjectTemplate(
  value: Readonly<Record<string, unknown>>,
  templateFormat: TemplateFormat,
  variables: Set<string>,
  depth = 0,
): ObjectTemplate {
  const entries = Object.entries(value).map(
    ([key, item]) => [key, compileValueTemplate(item, templateFormat, variables, depth + 1)] as const,
  );
  return { kind: "object", entries };
}

/** The value with its templates filled in from `values` (a fresh copy of every array and object). */
export function renderValueTemplate(
  template: ValueTemplate,
  templateFormat: TemplateFormat,
  values: Readonly<Record<string, unknown>>,
): unknown {
  switch (template.kind) {
    case "string":
      return renderNodesWith(template.nodes, templateFormat, values);
    case "array":
      return template.items.map((item) => renderValueTemplate(item, templateFormat, values));
    case "object":
      return renderObjectTemplate(template, templateFormat, values);
    case "literal":
      return template.value;
  }
}

/** {@link renderValueTemplate} for an object template, typed as the record it gives. */
export function renderObjectTemplate(
  template: ObjectTemplate,
  templateFormat: TemplateFormat,
  values: Readonly<Record<string, unknown>>,
): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  // Defined, not assigned: a `__proto__` key stays a key.
  for (const [key, item] of template.entries)
    defineOwn(out, key, renderValueTemplate(item, templateFormat, values));
  return out;
}

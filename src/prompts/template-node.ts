/**
 * One piece of a parsed template: literal text, or a variable to fill in. Mustache sections
 * (`{{#list}}...{{/list}}`, inverted `{{^x}}...{{/x}}`) hold the nodes between their tags.
 * Variable and section names are dotted paths split into segments (`a.b` → `["a", "b"]`;
 * `.` alone, the current item inside a section, is `[]`).
 */
export type TemplateNode =
  | { readonly type: "literal"; readonly text: string }
  | { readonly type: "variable"; readonly name: string; readonly path: readonly string[] }
  | {
      readonly type: "section";
      readonly name: string;
      readonly path: readonly string[];
      readonly inverted: boolean;
      readonly children: readonly TemplateNode[];
    };

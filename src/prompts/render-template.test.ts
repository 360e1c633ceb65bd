import { InvalidInputError } from "rivulet";
import { describe, expect, it } from "vitest";
import { PromptTemplate, parseFString, parseMustache, parseTemplate, renderTemplate } from "./index.js";

describe("f-string templates", () => {
  it("fills {var} and keeps {{ }} as literal braces", () => {
    expect(renderTemplate("a {x} {{b}} {{{x}}}", "f-string", { x: 1 })).toBe("a 1 {b} {1}");
    expect(renderTemplate('JSON: {{"k": "{v}"}}', "f-string", { v: "z" })).toBe('JSON: {"k": "z"}');
  });

  it("parses into literal and variable nodes", () => {
    expect(parseFString("hi {name}!")).toEqual([
      { type: "literal", text: "hi " },
      { type: "variable", name: "name", path: ["name"] },
      { type: "literal", text: "!" },
    ]);
  });

  it.each([
    ["tell me about {topic", /Unclosed "\{" .*position 14/],
    ["a } b", /Single "\}" .*position 2/],
    ["{}", /Invalid variable "\{\}"/],
    ['{"a": 1}', /write "\{\{" and "\}\}" for literal braces/],
  ])("rejects %j at construction with a clear InvalidInputError", (template, message) => {
    const build = () => PromptTemplate.fromTemplate(template);
    expect(build).toThrow(InvalidInputError);
    expect(build).toThrow(message);
  });

  it("writes strings as they are and other values as JSON, as @langchain/core does", () => {
    const values = { s: "text", n: 3, b: true, nil: null, list: ["a", 1], obj: { k: "v" } };
    expect(renderTemplate("{s}|{n}|{b}|{nil}|{list}|{obj}", "f-string", values)).toBe(
      'text|3|true|null|["a",1]|{"k":"v"}',
    );
  });
});

describe("mustache templates", () => {
  it("fills {{var}}, {{{var}}} and {{& var}} without HTML escaping", () => {
    expect(renderTemplate("{{a}} {{{a}}} {{& a}} {{ a }}", "mustache", { a: "<b>&" })).toBe(
      "<b>& <b>& <b>& <b>&",
    );
  });

  it("follows dotted paths and writes nothing for missing nested values", () => {
    const values = { user: { name: "Ada", langs: ["en"] } };
    expect(renderTemplate("{{user.name}}/{{user.age}}/{{user.langs}}", "mustache", values)).toBe(
      'Ada//["en"]',
    );
  });

  it("renders sections over lists, objects and booleans, and inverted sections", () => {
    const template =
      "{{#items}}- {{name}} ({{owner}})\n{{/items}}{{^items}}none{{/items}}{{#flag}}!{{/flag}}";
    const values = { items: [{ name: "a" }, { name: "b" }], owner: "me", flag: true };
    expect(renderTemplate(template, "mustache", values)).toBe("- a (me)\n- b (me)\n!");
    expect(renderTemplate(template, "mustache", { items: [], owner: "me", flag: false })).toBe("none");
    expect(renderTemplate("{{#list}}{{.}},{{/list}}", "mustache", { list: [1, 2] })).toBe("1,2,");
    expect(renderTemplate("{{#user}}{{name}}{{/user}}", "mustache", { user: { name: "Ada" } })).toBe("Ada");
  });

  it("drops the line of a section tag that stands alone, and comments", () => {
    const template = "Items:\n  {{#items}}\n* {{.}}\n  {{/items}}\n{{! a comment }}\nEnd";
    expect(renderTemplate(template, "mustache", { items: ["x", "y"] })).toBe("Items:\n* x\n* y\nEnd");
  });

  it("lists top-level names only (names inside a section may come from its item)", () => {
    const prompt = PromptTemplate.fromTemplate(
      "{{greeting}} {{user.name}}{{#items}}{{label}}{{/items}}{{^empty}}{{/empty}}",
      {
        templateFormat: "mustache",
      },
    );
    expect(prompt.inputVariables).toEqual(["greeting", "user", "items", "empty"]);
  });

  it.each([
    ["{{name", /Unclosed "\{\{" tag/],
    ["{{#a}}x", /Unclosed section "a"/],
    ["{{#a}}x{{/b}}", /does not match the open section "a"/],
    ["x{{/a}}", /without an opening tag/],
    ["{{> partial}}", /partials .* are not supported/],
    ["{{=<% %>=}}", /delimiter changes .* are not supported/],
    ["{{a b}}", /Invalid tag/],
  ])("rejects %j with a clear InvalidInputError", (template, message) => {
    expect(() => parseMustache(template)).toThrow(InvalidInputError);
    expect(() => parseMustache(template)).toThrow(message);
  });

  it("parses sections into nested nodes", () => {
    expect(parseTemplate("{{#a.b}}{{.}}{{/a.b}}", "mustache")).toEqual([
      {
        type: "section",
        name: "a.b",
        path: ["a", "b"],
        inverted: false,
        children: [{ type: "variable", name: ".", path: [] }],
      },
    ]);
  });
});

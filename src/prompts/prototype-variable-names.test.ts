import { HumanMessage, PromptInputError } from "rivulet";
import { describe, expect, it } from "vitest";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { MessagesPlaceholder } from "./messages-placeholder.js";
import { PromptTemplate } from "./prompt-template.js";
import type { TemplateFormat } from "./render-template.js";
import { renderTemplate } from "./render-template.js";

// Names that every object inherits from Object.prototype: a lookup that is not restricted to own
// properties finds them on any input, so they were never missing and rendered as "" or as a function.
const NAMES = ["constructor", "toString", "__proto__", "hasOwnProperty", "valueOf"];

const FORMATS: Array<[TemplateFormat, (name: string) => string]> = [
  ["f-string", (name) => `say {${name}}`],
  ["mustache", (name) => `say {{${name}}}`],
];

/** An object whose own property `name` holds `value`, even when `name` is `__proto__`. */
function own(name: string, value: unknown, enumerable = true): Record<string, unknown> {
  const values: Record<string, unknown> = {};
  Object.defineProperty(values, name, { value, enumerable, writable: true, configurable: true });
  return values;
}

async function promptError(promise: Promise<unknown>): Promise<PromptInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PromptInputError.isInstance(error))
    throw new Error(`expected a PromptInputError, got ${String(error)}`);
  return error;
}

describe.each(FORMATS)("a %s variable named like an Object.prototype member", (templateFormat, template) => {
  describe.each(NAMES)("%s", (name) => {
    it("is inferred as an input variable", () => {
      expect(PromptTemplate.fromTemplate(template(name), { templateFormat }).inputVariables).toEqual([name]);
      expect(
        ChatPromptTemplate.fromMessages([["human", template(name)]], { templateFormat }).inputVariables,
      ).toEqual([name]);
    });

    it("is reported missing by PromptTemplate and ChatPromptTemplate", async () => {
      const prompt = PromptTemplate.fromTemplate(template(name), { templateFormat });
      expect((await promptError(prompt.format({}))).missing).toEqual([name]);
      expect((await promptError(prompt.invoke({ other: 1 }))).missing).toEqual([name]);
      const chat = ChatPromptTemplate.fromMessages([["human", template(name)]], { templateFormat });
      expect((await promptError(chat.invoke({}))).missing).toEqual([name]);
    });

    it("renders its value when given as an own property (JSON.parse, defineProperty, one-variable input)", async () => {
      const prompt = PromptTemplate.fromTemplate(template(name), { templateFormat });
      const parsed: Record<string, unknown> = JSON.parse(`{${JSON.stringify(name)}: "x"}`);
      expect(await prompt.format(parsed)).toBe("say x");
      expect(await prompt.format(own(name, "y"))).toBe("say y");
      expect(await prompt.format(own(name, "z", false))).toBe("say z");
      expect((await prompt.invoke("w")).toString()).toBe("say w");
      const chat = ChatPromptTemplate.fromMessages([["human", template(name)]], { templateFormat });
      expect((await chat.invoke(parsed)).toChatMessages()[0]?.content).toBe("say x");
    });

    it("renders a partial value, and leaves inputVariables when partial", async () => {
      const prompt = PromptTemplate.fromTemplate(template(name), { templateFormat });
      const partial = await prompt.partial(own(name, "p"));
      expect(partial.inputVariables).toEqual([]);
      expect(await partial.format({})).toBe("say p");
      const fromFields = new PromptTemplate({
        template: template(name),
        templateFormat,
        partialVariables: own(name, "q"),
      });
      expect(fromFields.inputVariables).toEqual([]);
      expect(await fromFields.format({})).toBe("say q");
      const chat = ChatPromptTemplate.fromMessages([["human", template(name)]], { templateFormat });
      const chatPartial = await chat.partial(own(name, () => "r"));
      expect(chatPartial.inputVariables).toEqual([]);
      expect((await chatPartial.invoke({})).toChatMessages()[0]?.content).toBe("say r");
      // A nested chat prompt brings its partial values along.
      const outer = ChatPromptTemplate.fromMessages([chatPartial]);
      expect((await outer.invoke({})).toChatMessages()[0]?.content).toBe("say r");
    });
  });
});

describe("prototype members in mustache paths and placeholders", () => {
  it("a dotted path reads own properties only", () => {
    expect(
      renderTemplate("[{{user.constructor}}][{{user.name.toString}}]", "mustache", { user: { name: "a" } }),
    ).toBe("[][]");
    expect(renderTemplate("[{{user.toString}}]", "mustache", { user: own("toString", "t") })).toBe("[t]");
    expect(renderTemplate("{{#user.constructor}}yes{{/user.constructor}}", "mustache", { user: {} })).toBe(
      "",
    );
  });

  it.each(NAMES)(
    "a MessagesPlaceholder named %s is missing when not given, and read when given",
    async (name) => {
      const placeholder = new MessagesPlaceholder(name);
      expect((await promptError(placeholder.formatMessages({}))).missing).toEqual([name]);
      expect(
        await new MessagesPlaceholder({ variableName: name, optional: true }).formatMessages({}),
      ).toEqual([]);
      const history = [new HumanMessage("hi")];
      expect(await placeholder.formatMessages(own(name, history))).toEqual(history);
      const chat = ChatPromptTemplate.fromMessages([new MessagesPlaceholder(name)]);
      expect((await promptError(chat.invoke({}))).missing).toEqual([name]);
      expect((await chat.invoke(own(name, history))).toChatMessages()).toEqual(history);
    },
  );
});

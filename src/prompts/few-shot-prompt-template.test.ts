import {
  ChatPromptTemplate as LangChainChatPrompt,
  FewShotPromptTemplate as LangChainFewShot,
  FewShotChatMessagePromptTemplate as LangChainFewShotChat,
  PromptTemplate as LangChainPrompt,
} from "@langchain/core/prompts";
import { InvalidInputError, PromptInputError } from "rivulet";
import { describe, expect, it } from "vitest";
import { BaseExampleSelector, type Example } from "./base-example-selector.js";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { FewShotChatMessagePromptTemplate } from "./few-shot-chat-message-prompt-template.js";
import { FewShotPromptTemplate } from "./few-shot-prompt-template.js";
import { PromptTemplate } from "./prompt-template.js";
import type { TemplateFormat } from "./render-template.js";

const examples = [
  { q: "1+1", a: "2" },
  { q: "2+2", a: "4" },
];

class FirstOnly extends BaseExampleSelector {
  readonly seen: unknown[] = [];
  constructor(readonly pool: Example[]) {
    super();
  }
  async addExample(example: Example) {
    this.pool.push(example);
  }
  async selectExamples(input: Record<string, unknown>) {
    this.seen.push(input);
    return this.pool.slice(0, 1);
  }
}

describe("FewShotPromptTemplate", () => {
  it("lays out prefix, examples and suffix with the separator (an empty prefix keeps its place)", async () => {
    const prompt = new FewShotPromptTemplate({
      examples,
      examplePrompt: PromptTemplate.fromTemplate("Q: {q}\nA: {a}"),
      suffix: "Q: {input}\nA:",
    });
    expect(prompt.inputVariables).toEqual(["input"]);
    expect(await prompt.format({ input: "3+3" })).toBe("\n\nQ: 1+1\nA: 2\n\nQ: 2+2\nA: 4\n\nQ: 3+3\nA:");
    expect((await prompt.invoke({ input: "x" })).toString()).toBe(
      "\n\nQ: 1+1\nA: 2\n\nQ: 2+2\nA: 4\n\nQ: x\nA:",
    );
  });

  it("formats a prefix with variables and a custom separator; partial() fixes a variable", async () => {
    const prompt = new FewShotPromptTemplate({
      examples,
      examplePrompt: PromptTemplate.fromTemplate("Q: {q}\nA: {a}"),
      prefix: "Solve {topic}",
      suffix: "Q: {input}",
      inputVariables: ["input", "topic"],
      exampleSeparator: "\n---\n",
    });
    expect(await prompt.format({ input: "3+3", topic: "math" })).toBe(
      "Solve math\n---\nQ: 1+1\nA: 2\n---\nQ: 2+2\nA: 4\n---\nQ: 3+3",
    );
    const fixed = await prompt.partial({ topic: "algebra" });
    expect(fixed.inputVariables).toEqual(["input"]);
    expect(await fixed.format({ input: "y" })).toBe(
      "Solve algebra\n---\nQ: 1+1\nA: 2\n---\nQ: 2+2\nA: 4\n---\nQ: y",
    );
  });

  it("asks an exampleSelector for the examples with the merged values", async () => {
    const selector = new FirstOnly([...examples]);
    const prompt = new FewShotPromptTemplate({
      exampleSelector: selector,
      examplePrompt: PromptTemplate.fromTemplate("Q: {q}\nA: {a}"),
      suffix: "{input}",
      partialVariables: { style: "short" },
    });
    expect(await prompt.format({ input: "i" })).toBe("\n\nQ: 1+1\nA: 2\n\ni");
    expect(selector.seen).toEqual([{ style: "short", input: "i" }]);
  });

  it("formats mustache prefix and suffix", async () => {
    const prompt = new FewShotPromptTemplate({
      examples,
      examplePrompt: PromptTemplate.fromTemplate("Q: {{q}}", { templateFormat: "mustache" }),
      suffix: "Q: {{input}}",
      templateFormat: "mustache",
    });
    expect(await prompt.format({ input: "z" })).toBe("\n\nQ: 1+1\n\nQ: 2+2\n\nQ: z");
  });

  it("keeps braces in an example's text (LangChain re-reads them as variables)", async () => {
    const prompt = new FewShotPromptTemplate({
      examples: [{ q: "{x}", a: '{"ok": true}' }],
      examplePrompt: PromptTemplate.fromTemplate("Q: {q}\nA: {a}"),
      suffix: "{input}",
    });
    expect(await prompt.format({ input: "i" })).toBe('\n\nQ: {x}\nA: {"ok": true}\n\ni');
  });

  it("throws typed errors: no examples, both sources, an undeclared variable, a missing value", async () => {
    const examplePrompt = PromptTemplate.fromTemplate("{q}");
    expect(() => new FewShotPromptTemplate({ examplePrompt, suffix: "{input}" })).toThrow(InvalidInputError);
    expect(() => new FewShotPromptTemplate({ examplePrompt, suffix: "{input}" })).toThrow(/needs examples/);
    expect(
      () => new FewShotPromptTemplate({ examples, exampleSelector: new FirstOnly([]), examplePrompt }),
    ).toThrow(/not both/);
    expect(
      () =>
        new FewShotPromptTemplate({
          examples,
          examplePrompt,
          suffix: "{input} {other}",
          inputVariables: ["input"],
        }),
    ).toThrow(/"other", which is not in inputVariables/);
    const prompt = new FewShotPromptTemplate({ examples, examplePrompt, suffix: "{input}" });
    const error = await prompt.format({}).catch((e: unknown) => e);
    expect(PromptInputError.isInstance(error) && error.missing).toEqual(["input"]);
    const badExample = new FewShotPromptTemplate({ examples: [{ a: "1" }], examplePrompt, suffix: "" });
    await expect(badExample.format({})).rejects.toThrow(PromptInputError);
  });

  it("runs as a prompt in a streamed chain", async () => {
    const prompt = new FewShotPromptTemplate({
      examples,
      examplePrompt: PromptTemplate.fromTemplate("{q}={a}"),
      suffix: "{input}=",
    });
    const chunks: string[] = [];
    for await (const value of await prompt.pipe((v) => v.toString()).stream({ input: "3+3" }))
      chunks.push(value);
    expect(chunks).toEqual(["\n\n1+1=2\n\n2+2=4\n\n3+3="]);
    const events: string[] = [];
    for await (const event of prompt.streamEvents({ input: "3+3" }, { version: "v2" }))
      events.push(event.event);
    expect(events).toEqual(["on_prompt_start", "on_prompt_end"]);
  });
});

describe("few-shot prompts format as @langchain/core's", () => {
  const cases: Array<{ prefix: string; suffix: string; separator?: string; format?: TemplateFormat }> = [
    { prefix: "", suffix: "Q: {input}\nA:" },
    { prefix: "Examples for {input}:", suffix: "", separator: "\n" },
    { prefix: "P", suffix: "S {input}", separator: "" },
    { prefix: "{{input}} first", suffix: "{{#input}}then {{.}}{{/input}}", format: "mustache" },
  ];
  it.each(cases)(
    "string prompt: prefix $prefix, suffix $suffix",
    async ({ prefix, suffix, separator, format }) => {
      const exampleTemplate = format === "mustache" ? "{{q}} -> {{a}}" : "{q} -> {a}";
      const fields = { examples, prefix, suffix, exampleSeparator: separator, templateFormat: format };
      const ours = new FewShotPromptTemplate({
        ...fields,
        examplePrompt: PromptTemplate.fromTemplate(exampleTemplate, { templateFormat: format }),
      });
      const theirs = new LangChainFewShot({
        ...fields,
        exampleSeparator: separator ?? "\n\n",
        templateFormat: format ?? "f-string",
        inputVariables: ["input"],
        examplePrompt: LangChainPrompt.fromTemplate(exampleTemplate, {
          templateFormat: format ?? "f-string",
        }),
      });
      expect(await ours.format({ input: "x" })).toBe(await theirs.format({ input: "x" }));
    },
  );

  it("chat prompt: the messages and format()'s text", async () => {
    const fields = { examples, prefix: "P {x}", suffix: "S", inputVariables: ["x"] };
    const ours = new FewShotChatMessagePromptTemplate({
      ...fields,
      examplePrompt: ChatPromptTemplate.fromMessages([
        ["human", "{q}"],
        ["ai", "{a}"],
      ]),
    });
    const theirs = new LangChainFewShotChat({
      ...fields,
      examplePrompt: LangChainChatPrompt.fromMessages([
        ["human", "{q}"],
        ["ai", "{a}"],
      ]),
    });
    expect(await ours.format({ x: "1" })).toBe(await theirs.format({ x: "1" }));
    const plain = (messages: Array<{ getType(): string; content: unknown }>) =>
      messages.map((m) => [m.getType(), m.content]);
    expect(plain(await ours.formatMessages({ x: "1" }))).toEqual(
      plain(await theirs.formatMessages({ x: "1" })),
    );
  });
});

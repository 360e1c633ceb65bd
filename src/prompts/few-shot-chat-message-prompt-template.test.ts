import { type BaseMessage, InvalidInputError, PromptInputError } from "rivulet";
import { FakeEchoChatModel, normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { BaseExampleSelector, type Example } from "./base-example-selector.js";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { ChatPromptValue } from "./chat-prompt-value.js";
import { FewShotChatMessagePromptTemplate } from "./few-shot-chat-message-prompt-template.js";
import { HumanMessagePromptTemplate } from "./human-message-prompt-template.js";

const examples = [
  { q: "1+1", a: "2" },
  { q: "2+2", a: "4" },
];
const examplePrompt = ChatPromptTemplate.fromMessages([
  ["human", "{q}"],
  ["ai", "{a}"],
]);
const plain = (messages: readonly BaseMessage[]) => messages.map((m) => `${m.getType()}:${m.text}`);

describe("FewShotChatMessagePromptTemplate", () => {
  it("formats each example into messages; invoke gives a ChatPromptValue", async () => {
    const fewShot = new FewShotChatMessagePromptTemplate({ examples, examplePrompt });
    expect(fewShot.inputVariables).toEqual([]);
    expect(plain(await fewShot.formatMessages({}))).toEqual(["human:1+1", "ai:2", "human:2+2", "ai:4"]);
    const value = await fewShot.invoke({});
    expect(value).toBeInstanceOf(ChatPromptValue);
    expect(plain(value.toChatMessages())).toEqual(["human:1+1", "ai:2", "human:2+2", "ai:4"]);
  });

  it("is a part of a chat prompt, between the system message and the user's turn", async () => {
    const fewShot = new FewShotChatMessagePromptTemplate({ examples, examplePrompt });
    const prompt = ChatPromptTemplate.fromMessages([["system", "wizard"], fewShot, ["human", "{input}"]]);
    expect(prompt.inputVariables).toEqual(["input"]);
    expect(plain(await prompt.formatMessages({ input: "q" }))).toEqual([
      "system:wizard",
      "human:1+1",
      "ai:2",
      "human:2+2",
      "ai:4",
      "human:q",
    ]);
  });

  it("passes each example only the example prompt's variables, and takes a message template as examplePrompt", async () => {
    const seen: unknown[] = [];
    const spy = {
      inputVariables: ["q"],
      formatMessages: async (values: Record<string, unknown>) => {
        seen.push(values);
        return [];
      },
    };
    await new FewShotChatMessagePromptTemplate({ examples, examplePrompt: spy }).formatMessages({});
    expect(seen).toEqual([{ q: "1+1" }, { q: "2+2" }]);
    const single = new FewShotChatMessagePromptTemplate({
      examples,
      examplePrompt: HumanMessagePromptTemplate.fromTemplate("{q} is {a}"),
    });
    expect(plain(await single.formatMessages({}))).toEqual(["human:1+1 is 2", "human:2+2 is 4"]);
  });

  it("shows prefix and suffix only in format()'s text", async () => {
    const fewShot = new FewShotChatMessagePromptTemplate({
      examples,
      examplePrompt,
      prefix: "P {x}",
      suffix: "S",
    });
    expect(fewShot.inputVariables).toEqual(["x"]);
    expect(await fewShot.format({ x: "1" })).toBe("P 1\n\n1+1\n\n2\n\n2+2\n\n4\n\nS");
    expect(await new FewShotChatMessagePromptTemplate({ examples, examplePrompt }).format({})).toBe(
      "\n\n1+1\n\n2\n\n2+2\n\n4\n\n",
    );
    await expect(fewShot.formatMessages({})).rejects.toThrow(PromptInputError);
    expect(plain(await (await fewShot.partial({ x: "2" })).formatMessages({}))).toHaveLength(4);
  });

  it("asks a selector with the values, and rejects a missing or doubled source", async () => {
    class LastOne extends BaseExampleSelector {
      readonly asked: unknown[] = [];
      async addExample(_example: Example) {}
      async selectExamples(input: Record<string, unknown>) {
        this.asked.push(input);
        return examples.slice(-1);
      }
    }
    const selector = new LastOne();
    const fewShot = new FewShotChatMessagePromptTemplate({ exampleSelector: selector, examplePrompt });
    const prompt = ChatPromptTemplate.fromMessages([fewShot, ["human", "{input}"]]);
    expect(plain(await prompt.formatMessages({ input: "hi" }))).toEqual(["human:2+2", "ai:4", "human:hi"]);
    expect(selector.asked).toEqual([{ input: "hi" }]);
    expect(() => new FewShotChatMessagePromptTemplate({ examplePrompt })).toThrow(InvalidInputError);
    expect(
      () => new FewShotChatMessagePromptTemplate({ examples, exampleSelector: selector, examplePrompt }),
    ).toThrow(/not both/);
  });

  it("streams through a chat model inside a chain, with the prompt's events", async () => {
    const fewShot = new FewShotChatMessagePromptTemplate({ examples, examplePrompt });
    const chain = ChatPromptTemplate.fromMessages([fewShot, ["human", "{input}"]]).pipe(
      new FakeEchoChatModel(),
    );
    const chunks = await toArray(chain.stream({ input: "three plus three" }));
    expect(chunks.map((c) => c.text)).toEqual(["three", " plus", " three"]);
    const events = normalizeIds(await toArray(chain.streamEvents({ input: "x" }, { version: "v2" })));
    const prompt = events.filter((e) => e.event.startsWith("on_prompt"));
    expect(prompt.map((e) => [e.event, e.name])).toEqual([
      ["on_prompt_start", "ChatPromptTemplate"],
      ["on_prompt_end", "ChatPromptTemplate"],
    ]);
  });
});

import {
  PipelinePromptTemplate as LangChainPipelinePromptTemplate,
  PromptTemplate as LangChainPromptTemplate,
} from "@langchain/core/prompts";
import { type BaseMessage, InvalidInputError, PromptInputError } from "rivulet";
import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { ChatPromptValue } from "./chat-prompt-value.js";
import { PipelinePromptTemplate } from "./pipeline-prompt-template.js";
import { PromptTemplate } from "./prompt-template.js";

const plain = (messages: readonly BaseMessage[]) => messages.map((m) => `${m.getType()}:${m.text}`);

const templates = {
  final: "{intro}\n\n{example}\n\n{start}",
  intro: "You are impersonating {person}.",
  example: "Here's an example of an interaction:\n\nQ: {example_q}\nA: {example_a}",
  start: "Now, do this for real!\n\nQ: {input}\nA:",
};
const values = {
  person: "Elon Musk",
  example_q: "What's your favorite car?",
  example_a: "Tesla",
  input: "Rockets?",
};

function pipelineWith<P>(make: (template: string) => P) {
  return {
    finalPrompt: make(templates.final),
    pipelinePrompts: [
      { name: "intro", prompt: make(templates.intro) },
      { name: "example", prompt: make(templates.example) },
      { name: "start", prompt: make(templates.start) },
    ],
  };
}

describe("PipelinePromptTemplate", () => {
  it("formats the pipeline prompts into the final prompt, as @langchain/core does", async () => {
    const ours = new PipelinePromptTemplate(pipelineWith((t) => PromptTemplate.fromTemplate(t)));
    const theirs = new LangChainPipelinePromptTemplate(
      pipelineWith((t) => LangChainPromptTemplate.fromTemplate(t)),
    );
    expect(ours.inputVariables).toEqual(["person", "example_q", "example_a", "input"]);
    expect(ours.inputVariables).toEqual(theirs.inputVariables);
    const text = await ours.format(values);
    expect(text).toBe(await theirs.format(values));
    expect(text).toBe(
      "You are impersonating Elon Musk.\n\nHere's an example of an interaction:\n\nQ: What's your favorite car?\nA: Tesla\n\nNow, do this for real!\n\nQ: Rockets?\nA:",
    );
    expect((await ours.invoke(values)).toString()).toBe(text);
  });

  it("chains pipeline outputs; a chat pipeline prompt gives messages, a chat final prompt a ChatPromptValue", async () => {
    const prompt = new PipelinePromptTemplate({
      pipelinePrompts: [
        { name: "a", prompt: PromptTemplate.fromTemplate("A{x}") },
        { name: "b", prompt: PromptTemplate.fromTemplate("B{a}{y}") },
        { name: "h", prompt: ChatPromptTemplate.fromMessages([["human", "{b}"]]) },
      ],
      finalPrompt: ChatPromptTemplate.fromMessages([
        ["system", "{b}"],
        ["placeholder", "{h}"],
      ]),
    });
    expect(prompt.inputVariables).toEqual(["x", "y"]);
    const value = await prompt.invoke({ x: "1", y: "2" });
    expect(value).toBeInstanceOf(ChatPromptValue);
    expect(plain(value.toChatMessages())).toEqual(["system:BA12", "human:BA12"]);
  });

  it("lists the final prompt's own variables, and reports a missing one with a PromptInputError", async () => {
    const prompt = new PipelinePromptTemplate({
      pipelinePrompts: [{ name: "greeting", prompt: PromptTemplate.fromTemplate("Hi {name}") }],
      finalPrompt: PromptTemplate.fromTemplate("{greeting}, {mood}"),
    });
    expect(prompt.inputVariables).toEqual(["name", "mood"]);
    expect(await prompt.format({ name: "Ada", mood: "welcome" })).toBe("Hi Ada, welcome");
    const error = await prompt.format({ name: "Ada" }).catch((e: unknown) => e);
    expect(PromptInputError.isInstance(error) && error.missing).toEqual(["mood"]);
    const fixed = await prompt.partial({ mood: "glad" });
    expect(fixed.inputVariables).toEqual(["name"]);
    expect(await fixed.format({ name: "Bo" })).toBe("Hi Bo, glad");
  });

  it("rejects a malformed pipeline with an InvalidInputError", () => {
    const prompt = PromptTemplate.fromTemplate("{x}");
    const bad = [{ name: "", prompt }] as never;
    expect(() => new PipelinePromptTemplate({ pipelinePrompts: bad, finalPrompt: prompt })).toThrow(
      /pipelinePrompts\[0\] must be \{ name, prompt \}/,
    );
    expect(() => new PipelinePromptTemplate({ pipelinePrompts: [], finalPrompt: "x" as never })).toThrow(
      InvalidInputError,
    );
  });

  it("runs as a prompt in a streamed chain", async () => {
    const prompt = new PipelinePromptTemplate({
      pipelinePrompts: [{ name: "who", prompt: PromptTemplate.fromTemplate("{first} {last}") }],
      finalPrompt: PromptTemplate.fromTemplate("Hello {who}"),
    });
    const chunks = await toArray(prompt.pipe((v) => v.toString()).stream({ first: "Ada", last: "L" }));
    expect(chunks).toEqual(["Hello Ada L"]);
  });
});

import { HumanMessagePromptTemplate } from "rivulet";
import { describe, expect, it } from "vitest";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { MessagesPlaceholder } from "./messages-placeholder.js";

// @langchain/core lists an optional placeholder's variable in inputVariables, so a prompt built
// with LangChain-shaped fields (inputVariables: ["history", "input"]) is common in ported code;
// formatting it without "history" failed with "Missing value for prompt variable".

describe("ChatPromptTemplate given an optional placeholder's variable in inputVariables", () => {
  const build = () =>
    new ChatPromptTemplate({
      promptMessages: [
        new MessagesPlaceholder({ variableName: "history", optional: true }),
        HumanMessagePromptTemplate.fromTemplate("{input}"),
      ],
      inputVariables: ["history", "input"],
    });

  it("formats without it, as @langchain/core does, and keeps it optional", async () => {
    const prompt = build();
    const messages = await prompt.formatMessages({ input: "q" });
    expect(messages.map((message) => message.content)).toEqual(["q"]);
    expect(prompt.inputVariables).toEqual(["input"]);
    expect(prompt.optionalVariables).toEqual(["history"]);
  });

  it("still requires the other declared variables", async () => {
    await expect(build().formatMessages({ history: [] })).rejects.toThrow(/"input"/);
  });
});

import { ChatMessagePromptTemplate as LangChainChatMessagePromptTemplate } from "@langchain/core/prompts";
import { ChatMessage, InvalidInputError, PromptInputError } from "rivulet";
import { describe, expect, it } from "vitest";
import { ChatMessagePromptTemplate } from "./chat-message-prompt-template.js";
import { ChatPromptTemplate } from "./chat-prompt-template.js";
import { PromptTemplate } from "./prompt-template.js";

describe("ChatMessagePromptTemplate", () => {
  it("formats a ChatMessage with its role", async () => {
    const note = ChatMessagePromptTemplate.fromTemplate("hi {name}", "wizard");
    expect(note.inputVariables).toEqual(["name"]);
    expect(note.role).toBe("wizard");
    const message = await note.format({ name: "bob" });
    expect(message).toBeInstanceOf(ChatMessage);
    expect([message.getType(), (message as ChatMessage).role, message.text]).toEqual([
      "generic",
      "wizard",
      "hi bob",
    ]);
  });

  it("is built from { prompt, role } or (prompt, role), and from content parts", async () => {
    const prompt = PromptTemplate.fromTemplate("{x}");
    expect((await new ChatMessagePromptTemplate({ prompt, role: "critic" }).format({ x: "1" })).text).toBe(
      "1",
    );
    expect((await new ChatMessagePromptTemplate(prompt, "critic").format({ x: "2" })).text).toBe("2");
    const parts = ChatMessagePromptTemplate.fromTemplate([{ type: "text", text: "see {x}" }], "observer");
    expect((await parts.format({ x: "3" })).content).toEqual([{ type: "text", text: "see 3" }]);
  });

  it("shows its role in a chat prompt's text, as @langchain/core does", async () => {
    const ours = ChatPromptTemplate.fromMessages([
      ChatMessagePromptTemplate.fromTemplate("hi {name}", "wizard"),
    ]);
    const theirs = LangChainChatMessagePromptTemplate.fromTemplate("hi {name}", "wizard");
    expect(await ours.format({ name: "x" })).toBe("wizard: hi x");
    const theirMessage = await theirs.format({ name: "x" });
    const ourMessage = (await ours.formatMessages({ name: "x" }))[0]!;
    expect([ourMessage.getType(), ourMessage.text]).toEqual([theirMessage.getType(), theirMessage.content]);
  });

  it("needs a role, and a value for each variable", async () => {
    expect(() => ChatMessagePromptTemplate.fromTemplate("{x}")).toThrow(InvalidInputError);
    expect(() => ChatMessagePromptTemplate.fromTemplate("{x}", "")).toThrow(/needs a role/);
    await expect(ChatMessagePromptTemplate.fromTemplate("{x}", "r").format({})).rejects.toThrow(
      PromptInputError,
    );
  });
});

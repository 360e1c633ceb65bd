import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { PromptInputError } from "../errors/prompt-input-error.js";
import { ChatPromptTemplate } from "../prompts/chat-prompt-template.js";
import { MessagesPlaceholder } from "../prompts/messages-placeholder.js";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import type { BaseMessage } from "./base-message.js";
import { ChatMessage } from "./chat-message.js";
import { ChatMessageChunk } from "./chat-message-chunk.js";
import { coerceMessageLikeToMessage } from "./coerce-message-like.js";
import { HumanMessage } from "./human-message.js";
import { HumanMessageChunk } from "./human-message-chunk.js";
import { messageFromJSON } from "./message-from-json.js";
import { SystemMessage } from "./system-message.js";
import { SystemMessageChunk } from "./system-message-chunk.js";
import { toChatMessages } from "./to-chat-messages.js";
import { ToolMessage } from "./tool-message.js";
import { ToolMessageChunk } from "./tool-message-chunk.js";

/** Content values that are neither a string nor a list of blocks with a string `type`. */
const BAD_CONTENT: Array<[string, unknown]> = [
  ["a number", 42],
  ["a boolean", true],
  ["an object", { text: "hi" }],
  ["an array with null", [null]],
  ["an array with a string", ["hi"]],
  ["an array with a nested array", [[{ type: "text", text: "hi" }]]],
  ["a block without type", [{ text: "hi" }]],
  ["a block with a numeric type", [{ type: 1, text: "hi" }]],
];

/** Every message class, built from fields whose content is `content`. */
const BUILDERS: Array<[string, (content: unknown) => BaseMessage]> = [
  ["HumanMessage", (content) => new HumanMessage({ content } as never)],
  ["HumanMessageChunk", (content) => new HumanMessageChunk({ content } as never)],
  ["SystemMessage", (content) => new SystemMessage({ content } as never)],
  ["SystemMessageChunk", (content) => new SystemMessageChunk({ content } as never)],
  ["AIMessage", (content) => new AIMessage({ content } as never)],
  ["AIMessageChunk", (content) => new AIMessageChunk({ content } as never)],
  ["ToolMessage", (content) => new ToolMessage({ content, tool_call_id: "c1" } as never)],
  ["ToolMessageChunk", (content) => new ToolMessageChunk({ content, tool_call_id: "c1" } as never)],
  ["ChatMessage", (content) => new ChatMessage({ content, role: "observer" } as never)],
  ["ChatMessageChunk", (content) => new ChatMessageChunk({ content, role: "observer" } as never)],
];

/** The error the call must throw: typed, naming what was wrong and what to pass. */
function expectContentError(call: () => unknown): InvalidInputError {
  let caught: unknown;
  try {
    call();
  } catch (error) {
    caught = error;
  }
  expect(InvalidInputError.isInstance(caught)).toBe(true);
  if (!InvalidInputError.isInstance(caught)) throw caught;
  expect(caught.message).toMatch(/string or an array of content blocks/);
  return caught;
}

describe("message content that is neither a string nor an array of blocks", () => {
  describe.each(BUILDERS)("new %s", (className, build) => {
    it.each(BAD_CONTENT)("rejects %s at the constructor", (_label, content) => {
      expect(expectContentError(() => build(content)).message).toContain(className);
    });

    it("accepts a string, a list of blocks, and no content (empty)", () => {
      expect(build("hi").content).toBe("hi");
      expect(build([{ type: "text", text: "hi" }]).text).toBe("hi");
      expect(build(undefined).content).toBe("");
      expect(build(null).content).toBe("");
    });
  });

  it.each([
    ["null", null],
    ["a number", 42],
    ["a boolean", false],
  ])("rejects %s given instead of the fields", (_label, fields) => {
    for (const build of [
      () => new HumanMessage(fields as never),
      () => new AIMessage(fields as never),
      () => new AIMessageChunk(fields as never),
      () => new ToolMessage(fields as never),
      () => new ChatMessage(fields as never),
    ]) {
      expect(() => build()).toThrow(InvalidInputError);
    }
  });

  it("reads a list of blocks given instead of the fields as the content, as @langchain/core does", () => {
    const blocks = [{ type: "text" as const, text: "hi" }];
    expect(new HumanMessage(blocks).content).toEqual(blocks);
    expect(new AIMessageChunk(blocks).text).toBe("hi");
    expect(new ToolMessage(blocks, "c1").content).toEqual(blocks);
    expect(new ChatMessage(blocks, "observer").content).toEqual(blocks);
  });

  it.each(BAD_CONTENT)(
    "coerceMessageLikeToMessage rejects %s in a tuple and in a { role, content } object",
    (_l, content) => {
      for (const role of ["user", "assistant", "system", "developer", "observer"]) {
        expectContentError(() => coerceMessageLikeToMessage([role, content] as never));
        expectContentError(() => coerceMessageLikeToMessage({ role, content } as never));
      }
      expectContentError(() =>
        coerceMessageLikeToMessage({ role: "tool", content, tool_call_id: "c" } as never),
      );
    },
  );

  it.each([
    ["a role that is not a string", [5, "hi"]],
    ["a pair without content", ["user"]],
    ["a triple", ["user", "hi", "extra"]],
  ])("coerceMessageLikeToMessage rejects a tuple with %s", (_label, tuple) => {
    expect(() => coerceMessageLikeToMessage(tuple as never)).toThrow(InvalidInputError);
  });

  it("coerceMessageLikeToMessage keeps OpenAI's null content of an assistant message with tool calls", () => {
    const message = coerceMessageLikeToMessage({
      role: "assistant",
      content: null,
      tool_calls: [{ id: "c1", type: "function", function: { name: "f", arguments: "{}" } }],
    } as never);
    expect(message.content).toBe("");
  });

  it.each(BAD_CONTENT)("messageFromJSON and toChatMessages reject %s", (_label, content) => {
    if (Array.isArray(content)) expectContentError(() => messageFromJSON({ type: "human", content }));
    else expect(() => messageFromJSON({ type: "human", content })).toThrow(InvalidInputError);
    expectContentError(() => toChatMessages([["user", content]]));
  });

  it.each(BAD_CONTENT)(
    "MessagesPlaceholder reports %s as a PromptInputError caused by the content error",
    async (_l, content) => {
      const placeholder = new MessagesPlaceholder("history");
      const error = await placeholder
        .formatMessages({ history: [["user", content]] })
        .catch((e: unknown) => e);
      expect(PromptInputError.isInstance(error)).toBe(true);
      if (!PromptInputError.isInstance(error)) return;
      expect(error.message).toMatch(/item 0 is not a message/);
      expect(InvalidInputError.isInstance(error.cause)).toBe(true);
    },
  );

  it.each(BAD_CONTENT)("ChatPromptTemplate.fromMessages rejects %s as a fixed message", (_label, content) => {
    expectContentError(() => ChatPromptTemplate.fromMessages([["human", content] as never]));
    expectContentError(() => ChatPromptTemplate.fromMessages([{ role: "user", content } as never]));
  });
});

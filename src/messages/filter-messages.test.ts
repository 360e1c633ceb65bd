import { describe, expect, it } from "vitest";
import {
  AIMessage,
  AIMessageChunk,
  filterMessages,
  HumanMessage,
  SystemMessage,
  ToolMessage,
} from "./index.js";

const messages = [
  new SystemMessage("you're a good assistant."),
  new HumanMessage({ content: "what's your name", id: "foo", name: "example_user" }),
  new AIMessage({ content: "steve-o", id: "bar", name: "example_assistant" }),
  new HumanMessage({ content: "what's your favorite color", id: "baz" }),
  new AIMessage({ content: "silicon blue", id: "blah" }),
];
const contents = (list: readonly { content: unknown }[]): unknown[] => list.map((message) => message.content);

describe("filterMessages", () => {
  it("keeps what meets any include condition and no exclude condition", () => {
    const kept = filterMessages(messages, {
      includeNames: ["example_user", "example_assistant"],
      includeTypes: ["system"],
      excludeIds: ["bar"],
    });
    expect(contents(kept)).toEqual(["you're a good assistant.", "what's your name"]);
    expect(kept[1]).toBe(messages[1]);
  });

  it("keeps everything not excluded when there is no include condition", () => {
    expect(contents(filterMessages(messages, { excludeTypes: ["ai"] }))).toEqual([
      "you're a good assistant.",
      "what's your name",
      "what's your favorite color",
    ]);
    expect(filterMessages(messages)).toEqual(messages);
    expect(
      contents(filterMessages(messages, { excludeNames: ["example_user"], excludeIds: ["blah"] })),
    ).toHaveLength(3);
  });

  it("takes classes as kinds, a chunk class standing for its kind", () => {
    const mixed = [...messages, new AIMessageChunk({ content: "chunk" }), new ToolMessage("t", "c1")];
    expect(contents(filterMessages(mixed, { includeTypes: [AIMessageChunk, ToolMessage] }))).toEqual([
      "steve-o",
      "silicon blue",
      "chunk",
      "t",
    ]);
    expect(contents(filterMessages(mixed, { includeIds: ["baz"], includeTypes: [SystemMessage] }))).toEqual([
      "you're a good assistant.",
      "what's your favorite color",
    ]);
  });

  it("rejects unknown kinds and non-message items with typed errors", () => {
    // @ts-expect-error: "user" is a role, not a message type
    expect(() => filterMessages(messages, { includeTypes: ["user"] })).toThrow(
      /includeTypes takes message types/,
    );
    // @ts-expect-error: not a message
    expect(() => filterMessages([{ role: "user", content: "x" }])).toThrow(/item 0 is an object/);
  });
});

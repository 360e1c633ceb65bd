import {
  type BaseMessage,
  type ContentBlock,
  HumanMessage,
  InvalidInputError,
  PromptInputError,
  SystemMessage,
} from "rivulet";
import { describe, expect, it } from "vitest";
import {
  ChatPromptTemplate,
  HumanMessagePromptTemplate,
  MessageContentTemplate,
  type MessagePromptLike,
} from "./index.js";

/** The messages as @langchain/core's scratch runs printed them: JSON of `{ type, content }`. */
const json = (messages: BaseMessage[]) =>
  JSON.stringify(messages.map((m) => ({ type: m.type, content: m.content })));

async function format(messages: MessagePromptLike[], values: Record<string, unknown>): Promise<string> {
  return json(await ChatPromptTemplate.fromMessages(messages).formatMessages(values));
}

// Each expected string below is what @langchain/core 1.4 gives for the same prompt and values.
describe("ChatPromptTemplate with multi-part content", () => {
  it("formats text blocks and image_url blocks (string or { url } form, given in object form)", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      [
        "human",
        [
          { type: "text", text: "hi {name}" },
          { type: "image_url", image_url: "{url}" },
        ],
      ],
    ]);
    expect(prompt.inputVariables).toEqual(["name", "url"]);
    expect(json(await prompt.formatMessages({ name: "bob", url: "http://x/a.png" }))).toBe(
      '[{"type":"human","content":[{"type":"text","text":"hi bob"},{"type":"image_url","image_url":{"url":"http://x/a.png"}}]}]',
    );
    expect(
      await format([["human", [{ type: "image_url", image_url: { url: "{url}", detail: "high" } }]]], {
        url: "http://x/a.png",
      }),
    ).toBe(
      '[{"type":"human","content":[{"type":"image_url","image_url":{"url":"http://x/a.png","detail":"high"}}]}]',
    );
    expect(await format([["human", [{ type: "image_url", image_url: "http://fixed" }]]], {})).toBe(
      '[{"type":"human","content":[{"type":"image_url","image_url":{"url":"http://fixed"}}]}]',
    );
  });

  it("keeps an image block's other fields as written", async () => {
    const block = { type: "image_url", image_url: "{u}", cache_control: { type: "ephemeral" } };
    expect(await format([["human", [block]]], { u: "http://x" })).toBe(
      '[{"type":"human","content":[{"type":"image_url","image_url":{"url":"http://x"},"cache_control":{"type":"ephemeral"}}]}]',
    );
  });

  it("formats the strings of other blocks at any depth (dict blocks)", async () => {
    const text = { type: "text", text: "{name}", cache_control: { type: "ephemeral" } };
    expect(await format([["human", [text]]], { name: "bob" })).toBe(
      '[{"type":"human","content":[{"type":"text","text":"bob","cache_control":{"type":"ephemeral"}}]}]',
    );
    const toolUse = { type: "tool_use", id: "1", name: "f", input: { q: "{a}" } };
    expect(await format([["ai", [{ type: "text", text: "{a}" }, toolUse]]], { a: "A" })).toBe(
      '[{"type":"ai","content":[{"type":"text","text":"A"},{"type":"tool_use","id":"1","name":"f","input":{"q":"A"}}]}]',
    );
    // Values that are not strings are written as @langchain/core writes them; empty text blocks stay.
    expect(
      await format(
        [
          [
            "human",
            [
              { type: "text", text: "{a} {b}" },
              { type: "text", text: "{a}" },
            ],
          ],
        ],
        { a: 1, b: 2 },
      ),
    ).toBe('[{"type":"human","content":[{"type":"text","text":"1 2"},{"type":"text","text":"1"}]}]');
    expect(
      await format(
        [
          [
            "human",
            [
              { type: "text", text: "" },
              { type: "text", text: "{e}" },
            ],
          ],
        ],
        { e: "" },
      ),
    ).toBe('[{"type":"human","content":[{"type":"text","text":""},{"type":"text","text":""}]}]');
  });

  it("refuses @langchain/core's bare string and { text } parts with the message content error", () => {
    // @langchain/core reads { text } parts as text blocks (and fails on strings with a TypeError);
    // here every part is a content block, as in a message.
    for (const part of ["hi {a}", { text: "{a}" }]) {
      expect(() => ChatPromptTemplate.fromMessages([["human", [part] as never]])).toThrow(
        /A "human" message template's content must be a string or an array of content blocks, but block 0 is/,
      );
      expect(() => HumanMessagePromptTemplate.fromTemplate([part as never])).toThrow(InvalidInputError);
    }
  });

  it("templates list content in system, ai and { role, content } messages, and with mustache", async () => {
    expect(
      await format(
        [
          ["system", [{ type: "text", text: "{name}" }]],
          ["ai", [{ type: "text", text: "{name}" }]],
          { role: "user", content: [{ type: "text", text: "{name}" }] },
        ],
        { name: "bob" },
      ),
    ).toBe(
      '[{"type":"system","content":[{"type":"text","text":"bob"}]},{"type":"ai","content":[{"type":"text","text":"bob"}]},' +
        '{"type":"human","content":[{"type":"text","text":"bob"}]}]',
    );
    const mustache = ChatPromptTemplate.fromMessages(
      [
        [
          "human",
          [
            { type: "text", text: "{{a}}" },
            { type: "image_url", image_url: "{{u}}" },
          ],
        ],
      ],
      { templateFormat: "mustache" },
    );
    expect(mustache.inputVariables).toEqual(["a", "u"]);
    expect(json(await mustache.formatMessages({ a: "A", u: "http://x" }))).toBe(
      '[{"type":"human","content":[{"type":"text","text":"A"},{"type":"image_url","image_url":{"url":"http://x"}}]}]',
    );
  });

  it("reports missing values with a PromptInputError, and an empty image URL", async () => {
    const prompt = ChatPromptTemplate.fromMessages([["human", [{ type: "text", text: "{a}" }]]]);
    const missing = await prompt.formatMessages({}).catch((e: unknown) => e);
    expect(PromptInputError.isInstance(missing) && missing.missing).toEqual(["a"]);
    const image = ChatPromptTemplate.fromMessages([["human", [{ type: "image_url", image_url: "{u}" }]]]);
    await expect(image.formatMessages({ u: "" })).rejects.toThrow(InvalidInputError);
  });

  it("fills in the image URLs of message instances, keeps their text, and never changes them", async () => {
    const content: ContentBlock[] = [
      { type: "text", text: "t {name}" },
      { type: "image_url", image_url: { url: "{url}" } },
      { type: "image_url", image_url: "{url}" },
    ];
    const message = new HumanMessage({ content, id: "m1" });
    const prompt = ChatPromptTemplate.fromMessages([message, new HumanMessage("hello {name}")]);
    expect(prompt.inputVariables).toEqual([]);
    const first = await prompt.formatMessages({ name: "bob", url: "http://u" });
    expect(json(first)).toBe(
      '[{"type":"human","content":[{"type":"text","text":"t {name}"},{"type":"image_url","image_url":{"url":"http://u"}},' +
        '{"type":"image_url","image_url":"http://u"}]},{"type":"human","content":"hello {name}"}]',
    );
    expect(first[0]).toBeInstanceOf(HumanMessage);
    expect(first[0]!.id).toBe("m1");
    // @langchain/core writes the URL into the message given, so later formats keep the first
    // values; here the message is copied and each format uses its own values.
    expect(message.content).toEqual(content);
    const second = await prompt.formatMessages({ url: "http://v" });
    expect(JSON.stringify(second[0]!.content)).toContain("http://v");
    const missing = await ChatPromptTemplate.fromMessages([
      new SystemMessage({ content: [{ type: "image_url", image_url: "{missing}" }] }),
    ])
      .formatMessages({})
      .catch((e: unknown) => e);
    expect(PromptInputError.isInstance(missing) && missing.missing).toEqual(["missing"]);
  });
});

describe("MessageContentTemplate", () => {
  it("takes any number of variables in an image URL", async () => {
    const template = MessageContentTemplate.fromTemplate([
      { type: "text", text: "Look at {subject}:" },
      { type: "image_url", image_url: "{base}/{file}" },
    ]);
    expect(template.inputVariables).toEqual(["subject", "base", "file"]);
    expect(await template.format({ subject: "this", base: "https://x", file: "a.png" })).toEqual([
      { type: "text", text: "Look at this:" },
      { type: "image_url", image_url: { url: "https://x/a.png" } },
    ]);
  });

  it("rejects parts that cannot become content blocks when built", () => {
    expect(() => MessageContentTemplate.fromTemplate([{ foo: "{x}" } as never])).toThrow(
      /block 0 is an object without a string `type`/,
    );
    expect(() => MessageContentTemplate.fromTemplate([42 as never])).toThrow(InvalidInputError);
    expect(() => ChatPromptTemplate.fromMessages([["human", [{ type: "text", text: "{unclosed" }]]])).toThrow(
      /Unclosed "\{"/,
    );
    const cyclic: Record<string, unknown> = { type: "custom" };
    cyclic.self = cyclic;
    expect(() => MessageContentTemplate.fromTemplate([cyclic as ContentBlock])).toThrow(
      /nested more than 256/,
    );
  });

  it("applies partial values and keeps keys such as __proto__ as keys", async () => {
    const block = JSON.parse('{"type":"custom","__proto__":"{a}"}') as ContentBlock;
    const template = MessageContentTemplate.fromTemplate([block, { type: "text", text: "{b}" }], {
      partialVariables: { b: "B" },
    });
    expect(template.inputVariables).toEqual(["a"]);
    const [custom, text] = await template.format({ a: "A" });
    expect(Object.getOwnPropertyDescriptor(custom, "__proto__")?.value).toBe("A");
    expect(text).toEqual({ type: "text", text: "B" });
  });
});

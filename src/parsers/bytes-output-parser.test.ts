import { AIMessage } from "rivulet";
import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { BytesOutputParser } from "./index.js";
import { parserChain, parserEvents } from "./test-support/parser-chain.js";

const encode = (text: string) => new TextEncoder().encode(text);
const decode = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

describe("BytesOutputParser", () => {
  it("encodes a string or a message's text as UTF-8", async () => {
    const parser = new BytesOutputParser();
    expect(await parser.invoke("héllo")).toEqual(encode("héllo"));
    expect(await parser.invoke(new AIMessage("ok 😀"))).toEqual(encode("ok 😀"));
  });

  it("streams the bytes of each chunk, an empty chunk included", async () => {
    const chunks = await toArray(new BytesOutputParser().transform(fromArray(["ab", "", "é"])));
    expect(chunks).toEqual([encode("ab"), encode(""), encode("é")]);
  });

  it("encodes a character split between two chunks whole, so the joined bytes are the text's", async () => {
    const text = "a😀b";
    const chunks = await toArray(
      new BytesOutputParser().transform(fromArray([text.slice(0, 2), text.slice(2)])),
    );
    expect(chunks).toEqual([encode("a"), encode("😀b")]);
    const trailing = await toArray(new BytesOutputParser().transform(fromArray(["x\ud83d"])));
    expect(trailing.map(decode).join("")).toBe("x\ufffd");
  });

  it("in prompt | model | parser: chunks stream as bytes, the output joins them", async () => {
    const chain = parserChain(new BytesOutputParser(), ["Hel", "lo ", "😀"]);
    const streamed = await toArray(await chain.stream({ question: "q" }));
    expect(streamed.map(decode)).toEqual(["Hel", "lo ", "😀"]);
    expect(decode(await chain.invoke({ question: "q" }))).toBe("Hello 😀");
    const events = await parserEvents(chain, "BytesOutputParser");
    expect(events.map((event) => event.event)).toEqual([
      "on_parser_start",
      "on_parser_stream",
      "on_parser_stream",
      "on_parser_stream",
      "on_parser_end",
    ]);
    expect(events.at(-1)?.data).toMatchObject({ output: encode("Hello 😀") });
  });
});

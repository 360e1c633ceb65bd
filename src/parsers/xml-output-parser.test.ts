import { XMLOutputParser as LangChainXMLOutputParser } from "@langchain/core/output_parsers";
import { OutputParserError } from "rivulet";
import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { XMLOutputParser } from "./index.js";
import { parserChain, parserEvents } from "./test-support/parser-chain.js";

const MOVIES = [
  "<movies>",
  '  <movie id="1">',
  "    <title>Dune &amp; Co</title>",
  "    <year>2021</year>",
  "  </movie>",
  "  <movie><title>Up  and away</title></movie>",
  "  <!-- a comment -->",
  "  <empty/>",
  "</movies>",
].join("\n");
const DOCUMENTS = [
  MOVIES,
  "<?xml version='1.0'?>\n<a>\n   line one\n   line two  \n  </a>",
  "<a><b>1</b>text<c/></a>",
  '<root attr="x > y">  spaced   text &lt;&#65;&#x42;</root>',
];

function split(text: string, size: number): string[] {
  const chunks: string[] = [];
  for (let start = 0; start < text.length; start += size) chunks.push(text.slice(start, start + size));
  return chunks;
}

async function* generate(chunks: string[]) {
  yield* chunks;
}

describe("XMLOutputParser", () => {
  it("parses into LangChain's shape: { name: text } or { name: [children] }", async () => {
    expect(await new XMLOutputParser().parse(MOVIES)).toEqual({
      movies: [
        { movie: [{ title: "Dune & Co" }, { year: "2021" }] },
        { movie: [{ title: "Up  and away" }] },
        { empty: "" },
      ],
    });
    expect(await new XMLOutputParser().parse("Here it is:\n```xml\n<a><b>hi</b></a>\n```\nDone")).toEqual({
      a: [{ b: "hi" }],
    });
    expect(await new XMLOutputParser().parse("")).toEqual({});
    expect(await new XMLOutputParser().parse("<a><b>x")).toEqual({ a: [{ b: "x" }] });
    expect(await new XMLOutputParser().parse("<a><![CDATA[<raw> & ]]]></a>")).toEqual({ a: "<raw> & ]" });
  });

  it("gives what @langchain/core gives, whole and streamed at every chunk size from 1 to 12", async () => {
    for (const document of DOCUMENTS) {
      expect(await new XMLOutputParser().parse(document)).toEqual(
        await new LangChainXMLOutputParser().parse(document),
      );
      for (let size = 1; size <= 12; size += 1) {
        const chunks = split(document, size);
        const ours = await toArray(new XMLOutputParser().transform(fromArray(chunks)));
        const theirs: unknown[] = [];
        for await (const value of await new LangChainXMLOutputParser().transform(generate(chunks), {}))
          theirs.push(value);
        expect(ours, `${JSON.stringify(document)} in chunks of ${size}`).toEqual(theirs);
      }
    }
  });

  it("with diff: true streams the patch ops @langchain/core's diff mode streams, and outputs the value", async () => {
    for (const document of DOCUMENTS) {
      for (const size of [1, 3, 7, 20]) {
        const chunks = split(document, size);
        const ours = await toArray(new XMLOutputParser({ diff: true }).transform(fromArray(chunks)));
        const theirs: unknown[] = [];
        for await (const ops of await new LangChainXMLOutputParser({ diff: true }).transform(
          generate(chunks),
          {},
        )) {
          theirs.push(ops);
        }
        expect(ours, `${JSON.stringify(document)} in chunks of ${size}`).toEqual(theirs);
      }
    }
    const chain = parserChain(new XMLOutputParser({ diff: true }), ["<a><b>x", "y</b>", "<c/></a>"]);
    const events = await parserEvents(chain, "XMLOutputParser");
    expect(events.at(1)).toEqual({
      event: "on_parser_stream",
      data: { chunk: [{ op: "replace", path: "", value: { a: [{ b: "x" }] } }] },
    });
    expect(events.at(-1)).toMatchObject({
      event: "on_parser_end",
      data: { output: { a: [{ b: "xy" }, { c: "" }] } },
    });
  });

  it("fails with an OutputParserError carrying the text, mid-stream when the XML breaks", async () => {
    for (const bad of ["<a>x</b>", "<a>x</a> tail", "<a>x</a><b/>", "<a>x &bogus; y</a>", "<a>1 < 2</a>"]) {
      const error = await new XMLOutputParser().parse(bad).catch((caught: unknown) => caught);
      expect(OutputParserError.isInstance(error), bad).toBe(true);
      expect(OutputParserError.isInstance(error) && error.text).toBe(bad);
    }
    await expect(new XMLOutputParser().parse("no xml here")).rejects.toThrow(/must start with an element/);
    const seen: unknown[] = [];
    const stream = new XMLOutputParser().transform(fromArray(["<a><b>1</b>", "</c>", "<d/></a>"]));
    await expect(
      (async () => {
        for await (const value of stream) seen.push(value);
      })(),
    ).rejects.toThrow(/unmatched closing tag <\/c> \(<a> is open\)/);
    expect(seen).toEqual([{ a: [{ b: "1" }] }]);
  });

  it("streams a fenced answer as it arrives ({} while nothing is read, as LangChain shows)", async () => {
    const chunks = ["Sure:\n```x", "ml\n<a><b>h", "i</b></a>\n``", "`\nBye"];
    expect(await toArray(new XMLOutputParser().transform(fromArray(chunks)))).toEqual([
      {},
      { a: [{ b: "h" }] },
      { a: [{ b: "hi" }] },
    ]);
  });

  it("names its tags in the format instructions", () => {
    expect(new XMLOutputParser({ tags: ["movies", "movie"] }).getFormatInstructions()).toContain(
      "Use these element names: movies, movie.",
    );
  });

  it("in prompt | model | parser: a stream event per change, the value as output", async () => {
    const chain = parserChain(new XMLOutputParser(), [
      "<list>\n  <item>o",
      "ne</item>\n",
      "  <item>two</item>\n</list>",
    ]);
    expect(await toArray(await chain.stream({ question: "q" }))).toEqual([
      { list: [{ item: "o" }] },
      { list: [{ item: "one" }] },
      { list: [{ item: "one" }, { item: "two" }] },
    ]);
    const events = await parserEvents(chain, "XMLOutputParser");
    expect(events).toMatchObject([
      { event: "on_parser_start" },
      { event: "on_parser_stream", data: { chunk: { list: [{ item: "o" }] } } },
      { event: "on_parser_stream", data: { chunk: { list: [{ item: "one" }] } } },
      { event: "on_parser_stream", data: { chunk: { list: [{ item: "one" }, { item: "two" }] } } },
      { event: "on_parser_end", data: { output: { list: [{ item: "one" }, { item: "two" }] } } },
    ]);
  });
});

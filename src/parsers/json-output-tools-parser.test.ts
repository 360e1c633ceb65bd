import { AIMessage, AIMessageChunk, InvalidInputError, OutputParserError } from "rivulet";
import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { JsonOutputKeyToolsParser, JsonOutputToolsParser } from "./index.js";
import { parserChain, parserEvents } from "./test-support/parser-chain.js";

// Text first, then two calls whose arguments arrive in fragments (the expected sequences are
// what @langchain/core 1.4's parsers stream for the same chunks).
const chunks = () => [
  new AIMessageChunk({ content: "Let me" }),
  new AIMessageChunk({
    content: "",
    tool_call_chunks: [{ index: 0, id: "c1", name: "search", args: '{"q": "ca' }],
  }),
  new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: 'ts", "n": t' }] }),
  new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: "rue}" }] }),
  new AIMessageChunk({
    content: "",
    tool_call_chunks: [{ index: 1, id: "c2", name: "weather", args: '{"city":' }],
  }),
  new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 1, args: '"Oslo"}' }] }),
];
const search = { q: "cats", n: true };
const message = new AIMessage({
  content: "",
  tool_calls: [
    { name: "search", args: { q: "cats" }, id: "c1" },
    { name: "search", args: { q: 1 }, id: "c3" },
  ],
});

describe("JsonOutputToolsParser", () => {
  it("streams the calls as their arguments arrive, [] while the model writes text", async () => {
    expect(await toArray(new JsonOutputToolsParser().transform(fromArray(chunks())))).toEqual([
      [],
      [{ type: "search", args: { q: "ca" } }],
      [{ type: "search", args: search }],
      [
        { type: "search", args: search },
        { type: "weather", args: {} },
      ],
      [
        { type: "search", args: search },
        { type: "weather", args: { city: "Oslo" } },
      ],
    ]);
  });

  it("gives ids with returnId, from tool_calls or OpenAI-format additional_kwargs", async () => {
    const last = (
      await toArray(new JsonOutputToolsParser({ returnId: true }).transform(fromArray(chunks())))
    ).at(-1);
    expect(last).toEqual([
      { type: "search", args: search, id: "c1" },
      { type: "weather", args: { city: "Oslo" }, id: "c2" },
    ]);
    const raw = new AIMessage({
      content: "",
      additional_kwargs: {
        tool_calls: [{ id: "r1", type: "function", function: { name: "f", arguments: '{"a": 1}' } }],
      },
    });
    expect(await new JsonOutputToolsParser({ returnId: true }).invoke(raw)).toEqual([
      { type: "f", args: { a: 1 }, id: "r1" },
    ]);
    const broken = new AIMessage({
      content: "",
      additional_kwargs: {
        tool_calls: [{ id: "r1", type: "function", function: { name: "f", arguments: '{"a": ' } }],
      },
    });
    await expect(new JsonOutputToolsParser().invoke(broken)).rejects.toThrow(OutputParserError);
  });

  it("invoke reads a whole message; no calls give []; text is an InvalidInputError", async () => {
    expect(await new JsonOutputToolsParser().invoke(message)).toEqual([
      { type: "search", args: { q: "cats" } },
      { type: "search", args: { q: 1 } },
    ]);
    expect(await new JsonOutputToolsParser().invoke(new AIMessage("hi"))).toEqual([]);
    await expect(new JsonOutputToolsParser().invoke("text")).rejects.toThrow(InvalidInputError);
  });

  it("in prompt | model | parser: a stream event per change, the last calls as output", async () => {
    const chain = parserChain(new JsonOutputToolsParser(), chunks());
    const events = await parserEvents(chain, "JsonOutputToolsParser");
    expect(events.map((event) => event.event)).toEqual([
      "on_parser_start",
      ...Array.from({ length: 5 }, () => "on_parser_stream"),
      "on_parser_end",
    ]);
    expect(events.at(-1)?.data).toMatchObject({
      output: [
        { type: "search", args: search },
        { type: "weather", args: { city: "Oslo" } },
      ],
    });
  });
});

describe("JsonOutputKeyToolsParser", () => {
  it("streams one tool's args, all calls or the first; nothing before that tool is called", async () => {
    const all = await toArray(
      new JsonOutputKeyToolsParser({ keyName: "search" }).transform(fromArray(chunks())),
    );
    expect(all).toEqual([[{ q: "ca" }], [search]]);
    const single = new JsonOutputKeyToolsParser({ keyName: "weather", returnSingle: true });
    expect(await toArray(single.transform(fromArray(chunks())))).toEqual([{}, { city: "Oslo" }]);
  });

  it("gives { type, args, id } with returnId (which @langchain/core 1.4 ignores here)", async () => {
    const parser = new JsonOutputKeyToolsParser({ keyName: "search", returnSingle: true, returnId: true });
    expect((await toArray(parser.transform(fromArray(chunks())))).at(-1)).toEqual({
      type: "search",
      args: search,
      id: "c1",
    });
    expect(await parser.invoke(message)).toEqual({ type: "search", args: { q: "cats" }, id: "c1" });
  });

  it("validates the final args with the schema; undefined when the tool was not called", async () => {
    const schema = z.object({ q: z.string() });
    expect(await new JsonOutputKeyToolsParser({ keyName: "search" }).invoke(message)).toEqual([
      { q: "cats" },
      { q: 1 },
    ]);
    expect(await new JsonOutputKeyToolsParser({ keyName: "nope" }).invoke(message)).toBeUndefined();
    const single = new JsonOutputKeyToolsParser({ keyName: "search", returnSingle: true, zodSchema: schema });
    expect(await single.invoke(message)).toEqual({ q: "cats" });
    const all = new JsonOutputKeyToolsParser({ keyName: "search", serializableSchema: schema });
    const error = await all.invoke(message).catch((caught: unknown) => caught);
    expect(OutputParserError.isInstance(error) && error.message).toMatch(
      /"search" tool call do not match the schema:\n- q: /,
    );
    expect(OutputParserError.isInstance(error) && error.text).toBe('{\n  "q": 1\n}');
  });

  it("in prompt | model | parser: stream events carry the partial args", async () => {
    const chain = parserChain(
      new JsonOutputKeyToolsParser({ keyName: "weather", returnSingle: true }),
      chunks(),
    );
    expect(await toArray(await chain.stream({ question: "q" }))).toEqual([{}, { city: "Oslo" }]);
    const events = await parserEvents(chain, "JsonOutputKeyToolsParser");
    expect(events).toMatchObject([
      { event: "on_parser_start" },
      { event: "on_parser_stream", data: { chunk: {} } },
      { event: "on_parser_stream", data: { chunk: { city: "Oslo" } } },
      { event: "on_parser_end", data: { output: { city: "Oslo" } } },
    ]);
  });
});

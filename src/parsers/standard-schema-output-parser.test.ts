import { StructuredOutputParser as LangChainStructuredOutputParser } from "@langchain/core/output_parsers";
import { OutputParserError } from "rivulet";
import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { z as z3 } from "zod3";
import { StandardSchemaOutputParser, StructuredOutputParser } from "./index.js";
import { parserChain, parserEvents } from "./test-support/parser-chain.js";

const Plan = z.object({ city: z.string(), days: z.number().default(3) });

describe("StandardSchemaOutputParser", () => {
  it("validates the model's JSON, bare or fenced, and gives the schema's output", async () => {
    const parser = new StandardSchemaOutputParser(Plan);
    expect(await parser.invoke('{"city": "Lyon"}')).toEqual({ city: "Lyon", days: 3 });
    expect(await parser.parse('Sure:\n```json\n{"city": "Oslo", "days": 2}\n```')).toEqual({
      city: "Oslo",
      days: 2,
    });
    expect(
      await StandardSchemaOutputParser.fromSerializableSchema(z3.object({ n: z3.number() })).parse(
        '{"n": 1}',
      ),
    ).toEqual({
      n: 1,
    });
  });

  it("fails with an OutputParserError that carries the text and every issue with its path", async () => {
    const parser = new StandardSchemaOutputParser(Plan);
    const error = await parser.parse('{"days": "two"}').catch((caught: unknown) => caught);
    expect(OutputParserError.isInstance(error)).toBe(true);
    if (!OutputParserError.isInstance(error)) return;
    expect(error.text).toBe('{"days": "two"}');
    expect(error.message).toMatch(/- city: .*\n- days: /);
    await expect(parser.parse('{"city": ')).rejects.toThrow(/Invalid JSON output/);
  });

  it("streams one chunk, the validated value, once the text is complete", async () => {
    const chunks = await toArray(
      new StandardSchemaOutputParser(Plan).transform(fromArray(['{"ci', 'ty": "Ro', 'me"}'])),
    );
    expect(chunks).toEqual([{ city: "Rome", days: 3 }]);
    const failing = new StandardSchemaOutputParser(Plan).transform(fromArray(['{"city"', ": 1}"]));
    await expect(toArray(failing)).rejects.toMatchObject({ text: '{"city": 1}' });
  });

  it("in prompt | model | parser: one stream event with the value, and the end output", async () => {
    const chain = parserChain(new StandardSchemaOutputParser(Plan), ['{"city": ', '"Nice", "days"', ": 4}"]);
    expect(await toArray(await chain.stream({ question: "q" }))).toEqual([{ city: "Nice", days: 4 }]);
    expect(await parserEvents(chain, "StandardSchemaOutputParser")).toMatchObject([
      { event: "on_parser_start", data: {} },
      { event: "on_parser_stream", data: { chunk: { city: "Nice", days: 4 } } },
      { event: "on_parser_end", data: { output: { city: "Nice", days: 4 } } },
    ]);
  });
});

describe("StructuredOutputParser.fromNamesAndDescriptions", () => {
  const descriptions = { answer: "the answer", source: "a url" };

  it("shows the format instructions @langchain/core shows for the same names", () => {
    const ours = StructuredOutputParser.fromNamesAndDescriptions(descriptions).getFormatInstructions();
    expect(ours).toBe(
      LangChainStructuredOutputParser.fromNamesAndDescriptions(descriptions).getFormatInstructions(),
    );
  });

  it("reads the named strings, drops other members, and reports what is missing or not a string", async () => {
    const parser = StructuredOutputParser.fromNamesAndDescriptions(descriptions);
    expect(await parser.parse('```json\n{"answer": "a", "source": "b", "extra": 1}\n```')).toEqual({
      answer: "a",
      source: "b",
    });
    const error = await parser.parse('{"answer": 1}').catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(OutputParserError);
    expect(String(error)).toContain("- answer: Expected string, received number\n- source: Required");
    await expect(parser.parse("[1]")).rejects.toThrow("Expected object, received array");
  });

  it("streams partial objects, then the validated value", async () => {
    const parser = StructuredOutputParser.fromNamesAndDescriptions({ answer: "the answer" });
    const chain = parserChain(parser, ['{"answer": "Pa', 'ris", "x": 1}']);
    const chunks = await toArray(await chain.stream({ question: "q" }));
    expect(chunks).toEqual([{ answer: "Pa" }, { answer: "Paris", x: 1 }, { answer: "Paris" }]);
    const events = await parserEvents(chain, "StructuredOutputParser");
    expect(events.map((event) => event.event)).toEqual([
      "on_parser_start",
      "on_parser_stream",
      "on_parser_stream",
      "on_parser_stream",
      "on_parser_end",
    ]);
    expect(events.at(-1)?.data).toMatchObject({ output: { answer: "Paris" } });
  });
});

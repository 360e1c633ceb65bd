import { AIMessageChunk, OutputParserError } from "rivulet";
import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { StructuredOutputParser } from "./index.js";

// An odd `"` in prose before a fence (inches, a quote left open) put the raw-newline escaper
// out of step, so a value with a raw newline inside the fence failed ("Bad control character")
// where @langchain/core's parser, which reads only the fence's content, gives the value.

const TEXT = 'He is 6\'2" tall. Here:\n```json\n{\n  "bio": "line one\nline two"\n}\n```';
const parser = StructuredOutputParser.fromZodSchema(z.object({ bio: z.string() }));

/** The text as model chunks of `size` characters. */
function chunksOf(text: string, size: number): AIMessageChunk[] {
  const chunks: AIMessageChunk[] = [];
  for (let at = 0; at < text.length; at += size) chunks.push(new AIMessageChunk(text.slice(at, at + size)));
  return chunks;
}

describe("StructuredOutputParser after prose with an odd quote", () => {
  it("reads a raw newline inside the fenced JSON, whole and streamed", async () => {
    const expected = { bio: "line one\nline two" };
    expect(await parser.parse(TEXT)).toEqual(expected);
    expect(await parser.invoke(new AIMessageChunk(TEXT))).toEqual(expected);
    for (const size of [1, 5, TEXT.length]) {
      const out = await toArray(parser.transform(fromArray(chunksOf(TEXT, size))));
      expect(out.at(-1)).toEqual(expected);
    }
  });

  it("still fails with the original text when the fenced content is not JSON either", async () => {
    const bad = 'He is 6\'2" tall.\n```json\n{"bio": }\n```';
    const error = await parser.parse(bad).catch((caught: unknown) => caught);
    expect(OutputParserError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ text: bad });
  });
});

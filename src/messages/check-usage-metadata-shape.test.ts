import { describe, expect, it } from "vitest";
import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { AIMessage } from "./ai-message.js";
import { AIMessageChunk } from "./ai-message-chunk.js";

// Wrong shapes arrive from plain JavaScript and parsed JSON, so the cases are written as JSON.
const builders = (json: string) => [
  () => new AIMessage({ content: "", usage_metadata: JSON.parse(json) }),
  () => new AIMessageChunk({ content: "", usage_metadata: JSON.parse(json) }),
];

describe("usage_metadata of the wrong shape is an InvalidInputError where the message is built", () => {
  it.each([
    [
      "null",
      /usage_metadata must be an object \{ input_tokens, output_tokens, total_tokens \} \(numbers\).* got null\./,
    ],
    ['"12"', /usage_metadata must be an object .* got a string\./],
    ["[]", /usage_metadata must be an object .* got an array\./],
    ["{}", /usage_metadata\.input_tokens must be a number \(a token count\), got nothing\./],
    [
      '{ "input_tokens": 1, "output_tokens": 1 }',
      /usage_metadata\.total_tokens must be a number .* got nothing\./,
    ],
    [
      '{ "input_tokens": "3", "output_tokens": 1, "total_tokens": 4 }',
      /usage_metadata\.input_tokens must be a number .* got a string\./,
    ],
    [
      '{ "input_tokens": 1, "output_tokens": 1, "total_tokens": 2, "input_token_details": "x" }',
      /usage_metadata\.input_token_details must be an object of token counts .* got a string\./,
    ],
    [
      '{ "input_tokens": 1, "output_tokens": 1, "total_tokens": 2, "output_token_details": { "reasoning": "2" } }',
      /usage_metadata\.output_token_details\.reasoning must be a number \(a token count\), got a string\./,
    ],
  ])("%s", (json, message) => {
    for (const build of builders(json)) {
      expect(build).toThrow(InvalidInputError);
      expect(build).toThrow(message);
    }
  });

  it("a count of the right type but a wrong value stays an InvalidConfigError", () => {
    for (const build of builders('{ "input_tokens": -1, "output_tokens": 1, "total_tokens": 0 }')) {
      expect(build).toThrow(InvalidConfigError);
    }
  });

  it("accepts the three counts with or without details", () => {
    const usage = {
      input_tokens: 3,
      output_tokens: 1,
      total_tokens: 4,
      input_token_details: { cache_read: 1 },
      output_token_details: {},
    };
    expect(new AIMessage({ content: "", usage_metadata: usage }).usage_metadata).toEqual(usage);
  });
});

import { describe, expect, it } from "vitest";
import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { AIMessageChunk } from "./ai-message-chunk.js";
import { messageFromJSON } from "./message-from-json.js";

// Wrong types arrive from plain JavaScript and parsed JSON, so the cases are written as JSON.
const buildWith = (json: string) => () =>
  new AIMessageChunk({ content: "", tool_call_chunks: JSON.parse(json) });

describe("tool_call_chunks with a wrong type are an InvalidInputError where the chunk is built", () => {
  it.each([
    ["{}", /AIMessageChunk tool_call_chunks must be an array of fragments .* got an object\./],
    ['"f"', /tool_call_chunks must be an array .* got a string\./],
    ["[null]", /tool_call_chunks\[0\] must be an object \{ name\?: string, args\?: string.* got null\./],
    ['[{ "index": 0, "id": "a" }, "f"]', /tool_call_chunks\[1\] must be an object .* got a string\./],
    [
      '[{ "index": 0, "id": "a", "name": "f", "args": 5 }]',
      /tool_call_chunks\[0\]\.args must be a string \(a piece of the JSON text of the arguments\), got number 5\./,
    ],
    [
      '[{ "index": 0, "id": "a", "name": 5 }]',
      /tool_call_chunks\[0\]\.name must be a string .* got number 5\./,
    ],
    [
      '[{ "index": 0, "id": 7, "name": "f" }]',
      /tool_call_chunks\[0\]\.id must be a string \(the call's id\), got number 7\./,
    ],
    [
      '[{ "index": 0, "id": "a", "args": {} }]',
      /tool_call_chunks\[0\]\.args must be a string .* got an object\./,
    ],
    [
      '[{ "index": 0, "id": "a", "args": null }]',
      /\.args must be a string .* got null\. Leave the field out instead of null\./,
    ],
    [
      '[{ "index": 0, "id": "a", "type": "function" }]',
      /tool_call_chunks\[0\]\.type must be "tool_call_chunk" or left out, got "function"\./,
    ],
  ])("%s", (json, message) => {
    const build = buildWith(json);
    expect(build).toThrow(InvalidInputError);
    expect(build).toThrow(message);
  });

  it("the same check applies to a chunk read back from JSON", () => {
    const read = () =>
      messageFromJSON({ type: "ai", chunk: true, content: "", tool_call_chunks: [{ args: 5 }] });
    expect(read).toThrow(InvalidInputError);
    expect(read).toThrow(/tool_call_chunks\[0\]\.args must be a string/);
  });

  it("a non-number index stays an InvalidConfigError, like a NaN one", () => {
    const build = buildWith('[{ "index": "0", "id": "a" }]');
    expect(build).toThrow(InvalidConfigError);
    expect(build).toThrow(/tool_call_chunks\[0\]\.index must be a non-negative integer, got the string "0"/);
  });

  it("accepts every field of the right type, and fields left out", () => {
    const chunk = buildWith(
      '[{ "index": 0, "id": "a", "name": "f", "args": "{}", "type": "tool_call_chunk" }, {}]',
    )();
    expect(chunk.tool_calls).toEqual([{ name: "f", args: {}, id: "a", type: "tool_call" }]);
  });
});

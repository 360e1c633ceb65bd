import { AIMessageChunk, BaseChatModel, type BaseChatModelFields, InvalidConfigError } from "rivulet";
import { describe, expect, it } from "vitest";

/** The smallest chat model: answers "ok". */
class OkModel extends BaseChatModel {
  _llmType(): string {
    return "ok";
  }
  async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    yield new AIMessageChunk("ok");
  }
}

describe("BaseChatModel checks its numeric fields at construction", () => {
  const nan = Number.NaN;
  const infinity = Number.POSITIVE_INFINITY;
  const cases: [BaseChatModelFields, RegExp][] = [
    [{ temperature: nan }, /^temperature must be a non-negative finite number/],
    [{ temperature: -1 }, /^temperature must be a non-negative finite number/],
    [{ temperature: infinity }, /^temperature must be a non-negative finite number/],
    [{ maxTokens: nan }, /^maxTokens must be a positive integer/],
    [{ maxTokens: -1 }, /^maxTokens must be a positive integer/],
    [{ maxTokens: 0 }, /^maxTokens must be a positive integer/],
    [{ maxTokens: 1.5 }, /^maxTokens must be a positive integer/],
    [{ maxTokens: infinity }, /^maxTokens must be a positive integer/],
  ];
  it.each(cases)("rejects %o", (fields, message) => {
    expect(() => new OkModel(fields)).toThrow(InvalidConfigError);
    expect(() => new OkModel(fields)).toThrow(message);
  });

  it("accepts temperature 0 and 1.5, maxTokens 1, and reports them as ls_ params", () => {
    expect(new OkModel({ temperature: 0, maxTokens: 1 }).getLsParams()).toMatchObject({
      ls_temperature: 0,
      ls_max_tokens: 1,
    });
    expect(() => new OkModel({ temperature: 1.5 })).not.toThrow();
  });
});

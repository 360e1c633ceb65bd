import * as rivulet from "rivulet";
import { describe, expect, it } from "vitest";

describe("issue 13's parsers are exported from rivulet under @langchain/core's names", () => {
  it.each([
    "parsePartialJson",
    "strictParsePartialJson",
    "safeParsePartialJson",
    "StandardSchemaOutputParser",
    "JsonOutputToolsParser",
    "JsonOutputKeyToolsParser",
    "XMLOutputParser",
    "BytesOutputParser",
    "BaseCumulativeTransformOutputParser",
    "OutputParserException",
  ])("%s", (name) => {
    expect(Object.hasOwn(rivulet, name)).toBe(true);
  });

  it("OutputParserException is OutputParserError itself", () => {
    expect(rivulet.OutputParserException).toBe(rivulet.OutputParserError);
  });
});

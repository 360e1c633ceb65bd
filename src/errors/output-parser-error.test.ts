import { describe, expect, it } from "vitest";
import { OutputParserError, OutputParserException, RivuletError } from "./index.js";

describe("OutputParserException (LangChain's name for OutputParserError)", () => {
  it("is the same class: instanceof and isInstance hold whichever name made the error", () => {
    const thrown = new OutputParserException("Could not parse", "the text");
    expect(thrown).toBeInstanceOf(OutputParserError);
    expect(new OutputParserError("x", "y")).toBeInstanceOf(OutputParserException);
    expect(OutputParserException.isInstance(new OutputParserError("x", "y"))).toBe(true);
    expect(OutputParserError.isInstance(thrown)).toBe(true);
    expect(RivuletError.isInstance(thrown)).toBe(true);
    expect(thrown.code).toBe("output_parser");
    expect(thrown.text).toBe("the text");
  });

  it("takes the model text as an optional second argument, as LangChain's llmOutput", () => {
    expect(new OutputParserException("Could not parse").text).toBe("");
  });
});

import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import { ChatAnthropic } from "./anthropic/index.js";
import { ChatOllama } from "./ollama/index.js";
import { ChatOpenAI } from "./openai/index.js";

// A LangChain option Rivulet does not take, switched off with false, is accepted as LangChain
// accepts it: env-driven code writes `verbose: process.env.DEBUG === "1"`, and false asks for
// nothing. Any value that asks for something is still an InvalidConfigError saying what to do.

/** Builds with options read from untyped data (JavaScript callers, spread configs). */
function untyped<T>(value: Record<string, unknown>): T {
  return value as T;
}

describe("LangChain options switched off with false", () => {
  it("are accepted by ChatOpenAI, ChatAnthropic and ChatOllama", () => {
    const off = { verbose: false, cache: false };
    expect(
      () => new ChatOpenAI(untyped({ apiKey: "k", ...off, logprobs: false, useResponsesApi: false })),
    ).not.toThrow();
    expect(() => new ChatAnthropic(untyped({ apiKey: "k", ...off }))).not.toThrow();
    expect(
      () => new ChatOllama(untyped({ model: "llama3.2", ...off, checkOrPullModel: false })),
    ).not.toThrow();
  });

  it("are still refused when switched on", () => {
    const refused = [
      () => new ChatOpenAI(untyped({ apiKey: "k", logprobs: true })),
      () => new ChatOllama(untyped({ model: "llama3.2", checkOrPullModel: true })),
    ];
    for (const build of refused) expect(build).toThrow(InvalidConfigError);
  });

  it("an unknown key is refused whatever its value", () => {
    expect(() => new ChatOpenAI(untyped({ apiKey: "k", verbos: false }))).toThrow(InvalidConfigError);
  });
});

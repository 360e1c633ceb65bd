import { AbortError, AIMessageChunk, Document, InvalidConfigError } from "rivulet";
import {
  FakeEchoChatModel,
  FakeListChatModel,
  FakeRetriever,
  FakeStreamingChatModel,
  FakeStreamingLLM,
  type FakeTimingOptions,
} from "rivulet/testing";
import { afterEach, describe, expect, it, vi } from "vitest";

/** Every fake, built with the given timing options. */
const fakes: [
  string,
  (timing: FakeTimingOptions) => { invoke(input: string, config?: object): Promise<unknown> },
][] = [
  ["FakeListChatModel", (t) => new FakeListChatModel({ responses: ["hi"], ...t })],
  ["FakeEchoChatModel", (t) => new FakeEchoChatModel(t)],
  ["FakeStreamingChatModel", (t) => new FakeStreamingChatModel({ chunks: [new AIMessageChunk("hi")], ...t })],
  ["FakeStreamingLLM", (t) => new FakeStreamingLLM({ responses: ["hi"], ...t })],
  ["FakeRetriever", (t) => new FakeRetriever({ documents: [new Document({ pageContent: "d" })], ...t })],
];

describe("fakes check their timing options at construction", () => {
  const badSleeps = [Number.NaN, -1, 2 ** 31];
  const cases = fakes.flatMap(([name, make]) => badSleeps.map((sleep) => [name, sleep, make] as const));

  it.each(cases)("%s rejects sleep: %s", (_name, sleep, make) => {
    expect(() => make({ sleep })).toThrow(InvalidConfigError);
    expect(() => make({ sleep })).toThrow(/^sleep must be a number of milliseconds from 0 to 2147483647/);
  });

  it.each(fakes)("%s rejects a delay that is not a function", (_name, make) => {
    const timing: FakeTimingOptions = JSON.parse('{"delay": 10}');
    expect(() => make(timing)).toThrow(/^delay must be a function/);
  });

  it.each(fakes)("%s accepts sleep: 0 and a fractional sleep", (_name, make) => {
    expect(() => make({ sleep: 0 })).not.toThrow();
    expect(() => make({ sleep: 0.5 })).not.toThrow();
  });
});

describe("sleep: Infinity makes a fake that never answers until the call is cancelled", () => {
  afterEach(() => {
    vi.useRealTimers();
  });

  it.each(fakes)("%s waits with no timer and stops at the signal", async (_name, make) => {
    vi.useFakeTimers();
    const controller = new AbortController();
    const fake = make({ sleep: Number.POSITIVE_INFINITY });
    let settled = false;
    const call = fake.invoke("q", { signal: controller.signal }).finally(() => {
      settled = true;
    });
    call.catch(() => {});
    await vi.advanceTimersByTimeAsync(60_000);
    expect(settled).toBe(false);
    expect(vi.getTimerCount()).toBe(0);
    controller.abort();
    await expect(call).rejects.toSatisfy(AbortError.isInstance);
  });
});

describe("fakes check their other fields at construction", () => {
  it("rejects an empty responses list (every call would answer an empty string)", () => {
    expect(() => new FakeListChatModel({ responses: [] })).toThrow(
      /^responses must be a non-empty array of strings/,
    );
    expect(() => new FakeStreamingLLM({ responses: [] })).toThrow(InvalidConfigError);
  });

  it("rejects responses that are not strings", () => {
    const responses: string[] = JSON.parse('["ok", 3]');
    expect(() => new FakeListChatModel({ responses })).toThrow(/^responses\[1\] must be a string/);
    expect(() => new FakeStreamingLLM({ responses })).toThrow(InvalidConfigError);
  });

  it("rejects an unknown chunking", () => {
    const fields: { chunking: "char" } = JSON.parse('{"chunking": "token"}');
    expect(() => new FakeListChatModel({ responses: ["x"], ...fields })).toThrow(
      /^chunking must be "char" or "word"/,
    );
    expect(() => new FakeEchoChatModel(fields)).toThrow(InvalidConfigError);
    expect(() => new FakeStreamingLLM({ responses: ["x"], ...fields })).toThrow(InvalidConfigError);
  });

  it("rejects chunks that are not an array", () => {
    const chunks: AIMessageChunk[] = JSON.parse('"hello"');
    expect(() => new FakeStreamingChatModel({ chunks })).toThrow(
      /^chunks must be an array of AIMessageChunk/,
    );
  });
});

import { describe, expect, it } from "vitest";
import { InvalidConfigError } from "../errors/input-errors.js";
import type { NumberOptionKind } from "../internal/check-number-option.js";
import { ChatAnthropic } from "./anthropic/index.js";
import type { FetchLike } from "./base/transport-options.js";
import { initChatModel } from "./index.js";
import { ChatOllama } from "./ollama/index.js";
import { ChatOpenAI, OpenAIEmbeddings } from "./openai/index.js";

/** The values every numeric option is tried with. */
const VALUES = [Number.NaN, -1, 1.5, 0, 2 ** 31, Number.POSITIVE_INFINITY];

/** Which of VALUES each kind accepts (written out, not derived from the checker under test). */
const ACCEPTED: Readonly<Partial<Record<NumberOptionKind, readonly number[]>>> = {
  "non-negative-integer": [0, 2 ** 31],
  "positive-integer": [2 ** 31],
  duration: [1.5, Number.POSITIVE_INFINITY],
  "non-negative-number": [1.5, 0, 2 ** 31],
  "positive-number": [1.5, 2 ** 31],
  number: [-1, 1.5, 0, 2 ** 31],
  integer: [-1, 0, 2 ** 31],
};

type Options = Record<string, number>;

const TRANSPORT: Record<string, NumberOptionKind> = {
  maxRetries: "non-negative-integer",
  timeout: "duration",
  firstChunkTimeout: "duration",
  idleTimeout: "duration",
};
const CHAT: Record<string, NumberOptionKind> = {
  ...TRANSPORT,
  temperature: "non-negative-number",
  maxTokens: "positive-integer",
  topP: "non-negative-number",
};

const CONSTRUCTORS: [string, (options: Options) => unknown, Record<string, NumberOptionKind>][] = [
  [
    "ChatOpenAI",
    (options) => new ChatOpenAI({ apiKey: "k", ...options }),
    { ...CHAT, frequencyPenalty: "number", presencePenalty: "number", seed: "integer" },
  ],
  [
    "ChatAnthropic",
    (options) => new ChatAnthropic({ apiKey: "k", ...options }),
    { ...CHAT, topK: "non-negative-integer" },
  ],
  [
    "ChatOllama",
    (options) => new ChatOllama(options),
    {
      ...CHAT,
      topK: "non-negative-integer",
      numCtx: "positive-integer",
      seed: "integer",
      repeatPenalty: "positive-number",
      keepAlive: "number",
    },
  ],
  [
    "OpenAIEmbeddings",
    (options) => new OpenAIEmbeddings({ apiKey: "k", ...options }),
    {
      maxRetries: "non-negative-integer",
      timeout: "duration",
      batchSize: "positive-integer",
      dimensions: "positive-integer",
    },
  ],
];

const CASES = CONSTRUCTORS.flatMap(([name, construct, options]) =>
  Object.entries(options).flatMap(([option, kind]) =>
    VALUES.map((value) => ({
      name,
      construct,
      option,
      kind,
      value,
      accepted: ACCEPTED[kind]!.includes(value),
    })),
  ),
);

describe("numeric options of the provider constructors", () => {
  it.each(CASES)(
    "$name $option ($kind) = $value: accepted $accepted",
    ({ construct, option, value, accepted }) => {
      const build = () => construct({ [option]: value });
      if (accepted) {
        expect(build).not.toThrow();
        return;
      }
      expect(build).toThrow(InvalidConfigError);
      expect(build).toThrow(new RegExp(`^${option} must be`));
    },
  );

  it.each([
    [
      "ChatOpenAI modelKwargs",
      (fetch: FetchLike) => new ChatOpenAI({ apiKey: "k", fetch, modelKwargs: { top_logprobs: Number.NaN } }),
      "top_logprobs",
    ],
    [
      "ChatAnthropic thinking",
      (fetch: FetchLike) =>
        new ChatAnthropic({ apiKey: "k", fetch, thinking: { type: "enabled", budget_tokens: Number.NaN } }),
      "budget_tokens",
    ],
    [
      "ChatOllama options",
      (fetch: FetchLike) => new ChatOllama({ fetch, options: { num_gpu: Number.POSITIVE_INFINITY } }),
      "num_gpu",
    ],
  ])(
    "%s holding a non-finite number fails at the call, naming the field, with nothing sent",
    async (_, build, field) => {
      let sent = 0;
      const fetch: FetchLike = async () => {
        sent++;
        return new Response("{}");
      };
      const error = await build(fetch)
        .invoke("hi")
        .catch((e: unknown) => e);
      expect(InvalidConfigError.isInstance(error)).toBe(true);
      expect((error as Error).message).toContain(`"${field}"`);
      expect(sent).toBe(0);
    },
  );

  it.each([
    ["openai:gpt-4o-mini", { maxRetries: Number.NaN }],
    ["anthropic:claude-sonnet-4-5", { timeout: 2 ** 31 }],
    ["ollama:llama3.2", { idleTimeout: -1 }],
    ["openai:gpt-4o-mini", { seed: 1.5 }],
    ["ollama:llama3.2", { numCtx: 0 }],
  ])("initChatModel(%s, %o) rejects the option as the constructor does", async (model, options) => {
    await expect(initChatModel(model, { apiKey: "k", ...options })).rejects.toThrow(InvalidConfigError);
  });
});

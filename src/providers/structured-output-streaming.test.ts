import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { z } from "zod";
import { OutputParserError } from "../errors/output-parser-error.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { ChatAnthropic } from "./anthropic/index.js";
import type {
  ProviderCallOptions,
  ProviderChatModel,
  ProviderChatModelFields,
} from "./base/provider-chat-model.js";
import { ChatOpenAI } from "./openai/index.js";
import { LoopbackServer, readFixture } from "./test-support/loopback-server.js";

// withStructuredOutput through a forced tool call (OpenAI's functionCalling, Anthropic's only
// method) streams the partial arguments as they arrive; includeRaw gives { raw, parsed }.

const SSE = { "content-type": "text/event-stream" };
const trip = z.object({ city: z.string(), days: z.number(), sights: z.array(z.string()) });
const FINAL = { city: "Lisbon", days: 3, sights: ["Belém", "Alfama"] };
// The fixtures' fragments: {"ci | ty": "Lis | bon", "da | ys": 3, "sig | hts": ["Bel | ém", "Alfama"]}
const PARTIALS = [
  {},
  { city: "Lis" },
  { city: "Lisbon" },
  { city: "Lisbon", days: 3 },
  { city: "Lisbon", days: 3, sights: ["Bel"] },
  FINAL,
];

type AnyProviderModel = ProviderChatModel<ProviderChatModelFields, ProviderCallOptions>;

interface Subject {
  provider: string;
  fixture: string;
  makeModel: (url: string) => AnyProviderModel;
  method: "functionCalling" | undefined;
}

const SUBJECTS: Subject[] = [
  {
    provider: "openai",
    fixture: readFixture(new URL("./openai/fixtures/structured-tool-call.sse", import.meta.url)),
    makeModel: (url) => new ChatOpenAI({ apiKey: "sk-test", baseURL: `${url}/v1`, model: "gpt-4o-mini" }),
    method: "functionCalling",
  },
  {
    provider: "anthropic",
    fixture: readFixture(new URL("./anthropic/fixtures/structured-tool-call.sse", import.meta.url)),
    makeModel: (url) => new ChatAnthropic({ apiKey: "sk-ant-test", baseURL: url }),
    method: undefined, // its default: a forced tool call
  },
];

async function toArray<T>(stream: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const chunk of stream) out.push(chunk);
  return out;
}

describe.each(SUBJECTS)("withStructuredOutput by forced tool call ($provider)", (subject) => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  const options = subject.method === undefined ? { name: "trip" } : { name: "trip", method: subject.method };
  const model = () => subject.makeModel(server.url);

  it("streams the partial arguments as they arrive, then nothing more when the final value equals the last", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    const partials = await toArray(await model().withStructuredOutput(trip, options).stream("Lisbon"));
    expect(partials).toEqual(PARTIALS);
    // Each partial is a snapshot of its own: later chunks did not change it.
    expect(partials[1]).toEqual({ city: "Lis" });
  });

  it("invokes to the validated final object", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    expect(await model().withStructuredOutput(trip, options).invoke("Lisbon")).toEqual(FINAL);
  });

  it("yields the validated value last when validation changed it", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    const withDefault = trip.extend({ budget: z.string().default("moderate") });
    const partials = await toArray(await model().withStructuredOutput(withDefault, options).stream("Lisbon"));
    expect(partials.at(-2)).toEqual(FINAL);
    expect(partials.at(-1)).toEqual({ ...FINAL, budget: "moderate" });
  });

  it("fails the stream at its end with an OutputParserError when the schema rejects the arguments", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    const strict = trip.extend({ days: z.number().min(5) });
    const seen: unknown[] = [];
    let error: unknown;
    try {
      for await (const partial of await model().withStructuredOutput(strict, options).stream("Lisbon")) {
        seen.push(partial);
      }
    } catch (caught) {
      error = caught;
    }
    expect(seen).toEqual(PARTIALS);
    expect(OutputParserError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("days");
  });

  it("includeRaw: invoke gives exactly { raw, parsed }, raw the model's whole message", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    const result = await model()
      .withStructuredOutput(trip, { ...options, includeRaw: true })
      .invoke("Lisbon");
    expect(Object.keys(result).sort()).toEqual(["parsed", "raw"]);
    expect(result.parsed).toEqual(FINAL);
    expect(result.raw).toBeInstanceOf(AIMessageChunk);
    expect(result.raw.tool_calls).toEqual([expect.objectContaining({ name: "trip", args: FINAL })]);
  });

  it("includeRaw: stream yields { raw } once the message is whole, then { parsed }", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    const chunks = await toArray(
      await model()
        .withStructuredOutput(trip, { ...options, includeRaw: true })
        .stream("Lisbon"),
    );
    expect(chunks.map((chunk) => Object.keys(chunk))).toEqual([["raw"], ["parsed"]]);
    expect(chunks[0]?.raw?.tool_calls[0]?.args).toEqual(FINAL);
    expect(chunks[1]?.parsed).toEqual(FINAL);
  });

  it("includeRaw: a value the schema rejects gives parsed: null and the parsing error, not a rejection", async () => {
    server.reply({ headers: SSE, body: subject.fixture });
    const strict = trip.extend({ days: z.number().min(5) });
    const result = await model()
      .withStructuredOutput(strict, { ...options, includeRaw: true })
      .invoke("Lisbon");
    expect(result.parsed).toBeNull();
    expect(OutputParserError.isInstance(result.parsingError)).toBe(true);
    expect(result.raw.tool_calls[0]?.args).toEqual(FINAL);
  });
});

describe("withStructuredOutput includeRaw with OpenAI's json_schema", () => {
  let server: LoopbackServer;
  beforeAll(async () => {
    server = await LoopbackServer.start();
  });
  afterAll(() => server.close());
  const body = (text: string) =>
    `data: {"id":"c1","choices":[{"index":0,"delta":{"role":"assistant","content":${JSON.stringify(text)}}}]}\n\n` +
    `data: {"id":"c1","choices":[{"index":0,"delta":{},"finish_reason":"stop"}]}\n\ndata: [DONE]\n\n`;
  const model = () => new ChatOpenAI({ apiKey: "sk-test", baseURL: `${server.url}/v1` });

  it("gives { raw, parsed } for invoke and { raw } then { parsed } for stream", async () => {
    const text = JSON.stringify(FINAL);
    server.reply({ headers: SSE, body: body(text) });
    const extractor = model().withStructuredOutput(trip, { includeRaw: true });
    const result = await extractor.invoke("Lisbon");
    expect(result).toEqual({ raw: expect.any(AIMessageChunk), parsed: FINAL });
    expect(result.raw.text).toBe(text);
    server.reply({ headers: SSE, body: body(text) });
    const chunks = await toArray(await extractor.stream("Lisbon"));
    expect(chunks.map((chunk) => Object.keys(chunk))).toEqual([["raw"], ["parsed"]]);
  });

  it("gives parsed: null and the error for text that is not JSON", async () => {
    server.reply({ headers: SSE, body: body("Sorry, I cannot help.") });
    const result = await model().withStructuredOutput(trip, { includeRaw: true }).invoke("Lisbon");
    expect(result.parsed).toBeNull();
    expect(OutputParserError.isInstance(result.parsingError)).toBe(true);
    expect(result.raw.text).toBe("Sorry, I cannot help.");
  });
});

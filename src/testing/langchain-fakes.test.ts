// The fakes under @langchain/core/utils/testing's names and options, checked against LangChain's
// documented behaviour (and, for SyntheticEmbeddings' vectors, against @langchain/core itself).
import { SyntheticEmbeddings as LangChainSyntheticEmbeddings } from "@langchain/core/utils/testing";
import { HumanMessage, InvalidConfigError, SystemMessage, ToolInputError, ToolMessage } from "rivulet";
import {
  FakeChatModel,
  FakeEmbeddings,
  FakeListChatModel,
  FakeLLM,
  FakeStreamingChatModel,
  FakeTool,
  SyntheticEmbeddings,
  toArray,
} from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

describe("FakeChatModel", () => {
  it("echoes every message's content joined with newlines, blocks as JSON", async () => {
    const model = new FakeChatModel();
    const answer = await model.invoke([new SystemMessage("Be brief"), new HumanMessage("hi")]);
    expect(answer.content).toBe("Be brief\nhi");
    const blocks = await model.invoke([new HumanMessage({ content: [{ type: "text", text: "x" }] })]);
    expect(blocks.content).toBe(JSON.stringify([{ type: "text", text: "x" }], null, 2));
  });

  it("answers with the first stop sequence when given stops", async () => {
    expect((await new FakeChatModel().invoke("hi", { stop: ["STOP", "END"] })).content).toBe("STOP");
  });
});

describe("FakeLLM", () => {
  it("completes with its response, or echoes the prompt", async () => {
    expect(await new FakeLLM({ response: "42" }).invoke("The answer?")).toBe("42");
    expect(await new FakeLLM().invoke("echo me")).toBe("echo me");
    expect(await toArray(new FakeLLM({ response: "ab" }).stream("x"))).toEqual(["ab"]);
  });

  it("fails every call with thrownErrorString", async () => {
    await expect(new FakeLLM({ thrownErrorString: "boom" }).invoke("x")).rejects.toThrow("boom");
  });
});

describe("FakeEmbeddings and SyntheticEmbeddings", () => {
  it("FakeEmbeddings gives every text [0.1, 0.2, 0.3, 0.4]", async () => {
    const embeddings = new FakeEmbeddings();
    expect(await embeddings.embedQuery("anything")).toEqual([0.1, 0.2, 0.3, 0.4]);
    expect(await embeddings.embedDocuments(["a", "b"])).toEqual([
      [0.1, 0.2, 0.3, 0.4],
      [0.1, 0.2, 0.3, 0.4],
    ]);
    expect(embeddings.dimensions).toBe(4);
  });

  it("SyntheticEmbeddings gives @langchain/core's vectors", async () => {
    const texts = ["hello world", "Hello, World!", "a", "", "the quick brown fox jumps", "xyz xyz xyz"];
    for (const vectorSize of [undefined, 3, 7]) {
      const ours = new SyntheticEmbeddings(vectorSize === undefined ? {} : { vectorSize });
      const theirs = new LangChainSyntheticEmbeddings(vectorSize === undefined ? undefined : { vectorSize });
      expect(await ours.embedDocuments(texts)).toEqual(await theirs.embedDocuments(texts));
    }
    expect(await new SyntheticEmbeddings().embedQuery("abc")).toHaveLength(4);
  });

  it("SyntheticEmbeddings rejects a vector size that is not a positive integer", () => {
    expect(() => new SyntheticEmbeddings({ vectorSize: 0 })).toThrow(InvalidConfigError);
    expect(() => new SyntheticEmbeddings({ vectorSize: 2.5 })).toThrow(
      /^vectorSize must be a positive integer/,
    );
  });
});

describe("FakeTool", () => {
  const search = new FakeTool<{ q: string }>({
    name: "search",
    description: "Search the web",
    schema: z.object({ q: z.string() }),
  });

  it("answers with its validated arguments as JSON", async () => {
    expect(await search.invoke({ q: "cats" })).toBe('{"q":"cats"}');
    await expect(search.invoke(JSON.parse('{"q": 1}'))).rejects.toThrow(ToolInputError);
  });

  it("answers a model's tool call with a ToolMessage", async () => {
    const message = await search.invoke({
      name: "search",
      args: { q: "dogs" },
      id: "call_1",
      type: "tool_call",
    });
    expect(ToolMessage.isInstance(message)).toBe(true);
    expect(message.content).toBe('{"q":"dogs"}');
    expect(message.tool_call_id).toBe("call_1");
    expect(search.getJsonSchema()).toMatchObject({ type: "object", properties: { q: { type: "string" } } });
  });
});

describe("FakeListChatModel's LangChain options", () => {
  it("emitCustomEvent dispatches some_test_event from the model's run", async () => {
    const model = new FakeListChatModel({ responses: ["ok"], emitCustomEvent: true });
    const custom = [];
    for await (const event of model.streamEvents("x", { version: "v2" })) {
      if (event.event === "on_custom_event") custom.push({ name: event.name, data: event.data });
    }
    expect(custom).toEqual([{ name: "some_test_event", data: { someval: true } }]);
  });

  it("generationInfo lands on the last chunk's response_metadata", async () => {
    const model = new FakeListChatModel({ responses: ["ab"], generationInfo: { finish_reason: "stop" } });
    const chunks = await toArray(model.stream("x"));
    expect(chunks.map((chunk) => chunk.response_metadata)).toEqual([{}, { finish_reason: "stop" }]);
    expect((await model.invoke("x")).response_metadata).toEqual({ finish_reason: "stop" });
  });

  it("the thrownErrorString call option fails the call", async () => {
    const model = new FakeListChatModel({ responses: ["ok"] });
    await expect(model.invoke("x", { thrownErrorString: "rate limited" })).rejects.toThrow("rate limited");
  });

  it("withStructuredOutput parses the scripted JSON, streaming partial objects", async () => {
    const Answer = z.object({ city: z.string(), days: z.number() });
    const model = new FakeListChatModel({ responses: ['{"city": "Paris", "days": 2}'] });
    const structured = model.withStructuredOutput(Answer);
    expect(await structured.invoke("Trip?")).toEqual({ city: "Paris", days: 2 });
    const partials = await toArray(structured.stream("Trip?"));
    expect(partials.at(-1)).toEqual({ city: "Paris", days: 2 });
    expect(partials).toContainEqual({ city: "Par" });
  });

  it("bindTools binds the tools into the call and still answers", async () => {
    const model = new FakeListChatModel({ responses: ["fine"] });
    const tool = new FakeTool({ name: "t", description: "d", schema: z.object({}) });
    expect((await model.bindTools([tool]).invoke("x")).content).toBe("fine");
  });
});

describe("toolStyle: how the fakes' bindTools formats the tools, as LangChain's fakes", () => {
  const tool = new FakeTool({ name: "search", description: "Search", schema: z.object({ q: z.string() }) });
  const parameters = expect.objectContaining({ type: "object", properties: { q: { type: "string" } } });
  /** The tools a bound fake's call receives. */
  async function boundTools(toolStyle: "openai" | "anthropic" | "bedrock" | "google" | undefined) {
    const seen: unknown[] = [];
    const model = new FakeListChatModel({ responses: ["ok"], ...(toolStyle ? { toolStyle } : {}) });
    const bound = model.bindTools([tool], { tool_choice: "search" });
    await bound.invoke("x", {
      callbacks: [{ handleChatModelStart: (...args: unknown[]) => void seen.push(args[4]) }],
    });
    return seen[0];
  }

  it.each([
    [undefined, [{ type: "function", function: { name: "search", description: "Search", parameters } }]],
    ["openai", [{ type: "function", function: { name: "search", description: "Search", parameters } }]],
    ["anthropic", [{ name: "search", description: "Search", input_schema: parameters }]],
    ["bedrock", [{ toolSpec: { name: "search", description: "Search", inputSchema: parameters } }]],
    ["google", [{ functionDeclarations: [{ name: "search", description: "Search", parameters }] }]],
  ] as const)("%s", async (toolStyle, tools) => {
    expect(await boundTools(toolStyle)).toMatchObject({ options: { tools, tool_choice: "search" } });
  });

  it("rejects an unknown style", () => {
    const toolStyle: "openai" = JSON.parse('"mistral"');
    expect(() => new FakeListChatModel({ responses: ["x"], toolStyle })).toThrow(/^toolStyle must be/);
    expect(() => new FakeStreamingChatModel({ toolStyle })).toThrow(InvalidConfigError);
  });
});

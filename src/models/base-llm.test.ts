import {
  AIMessage,
  BaseLLM,
  type CallbackHandler,
  ChatPromptTemplate,
  GenerationChunk,
  HumanMessage,
  type LLMResult,
  RunnableLambda,
  type StreamEvent,
} from "rivulet";
import { FakeStreamingLLM, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** An LLM that answers with the prompt it was given. */
class EchoLLM extends BaseLLM {
  _llmType(): string {
    return "echo";
  }
  async *_streamText(prompt: string): AsyncIterable<string> {
    yield prompt;
  }
}

describe("BaseLLM given chat messages", () => {
  it("prompts with their transcript (Human: ... / AI: ...), as @langchain/core does", async () => {
    const llm = new EchoLLM();
    // @langchain/core 1.4's LLMs are prompted with exactly these strings.
    expect(await llm.invoke([new HumanMessage("hi"), new AIMessage("hello")])).toBe("Human: hi\nAI: hello");
    expect(
      await llm.invoke([
        ["human", "x"],
        ["ai", "y"],
      ]),
    ).toBe("Human: x\nAI: y");
    const value = await ChatPromptTemplate.fromMessages([
      ["system", "Be {mood}."],
      ["human", "{q}"],
    ]).invoke({
      mood: "kind",
      q: "why?",
    });
    expect(await llm.invoke(value)).toBe("System: Be kind.\nHuman: why?");
    expect(await llm.invoke("plain")).toBe("plain");
  });

  it("shows that one prompt in the events of a nested run", async () => {
    const messages = RunnableLambda.from(() => [new HumanMessage("hi"), new AIMessage("hello")], {
      name: "history",
    });
    const events = [];
    for await (const event of messages.pipe(new EchoLLM()).streamEvents("x", { version: "v2" }))
      events.push(event);
    const start = events.find((e) => e.event === "on_llm_start");
    // @langchain/core 1.4 shows the same input for the same chain.
    expect(start?.data).toEqual({ input: { prompts: ["Human: hi\nAI: hello"] } });
  });
});

describe("LLM events and callbacks carry @langchain/core's shapes", () => {
  const llmEvents = (events: StreamEvent[]) =>
    events.filter((e) => e.event.startsWith("on_llm")).map((e) => ({ event: e.event, data: e.data }));

  it("nested: on_llm_stream chunks are GenerationChunks, on_llm_end generations carry generationInfo and llmOutput", async () => {
    const chain = RunnableLambda.from((x: string) => x).pipe(new FakeStreamingLLM({ responses: ["ab"] }));
    const all = await toArray(chain.streamEvents("hi", { version: "v2" }));
    const events = llmEvents(all);
    // @langchain/core 1.4 (FakeStreamingLLM after a lambda), in JSON: the same data.
    expect(JSON.parse(JSON.stringify(events))).toEqual([
      { event: "on_llm_start", data: { input: { prompts: ["hi"] } } },
      { event: "on_llm_stream", data: { chunk: { text: "a" } } },
      { event: "on_llm_stream", data: { chunk: { text: "b" } } },
      {
        event: "on_llm_end",
        data: {
          output: { generations: [[{ text: "ab", generationInfo: {} }]], llmOutput: {} },
          input: { prompts: ["hi"] },
        },
      },
    ]);
    const first = all.find((e) => e.event === "on_llm_stream");
    expect(first?.event === "on_llm_stream" && first.data.chunk).toBeInstanceOf(GenerationChunk);
  });

  it("root: the same chunks and output, the raw input at start", async () => {
    const llm = new FakeStreamingLLM({ responses: ["hi"] });
    const events = await toArray(llm.streamEvents("hi", { version: "v2" }));
    const chunks = events.flatMap((e) => (e.event === "on_llm_stream" ? [e.data.chunk] : []));
    expect(chunks.map((c) => c.text)).toEqual(["h", "i"]);
    expect(chunks.every((c) => c instanceof GenerationChunk)).toBe(true);
    expect(events.at(-1)?.data).toEqual({
      output: { generations: [[{ text: "hi", generationInfo: {} }]], llmOutput: {} },
    });
    // What the caller reads from stream() stays text.
    expect(await toArray(llm.stream("x"))).toEqual(["h", "i"]);
  });

  it("handlers get a GenerationChunk per token and the LLM result at the end", async () => {
    const chunks: unknown[] = [];
    const results: LLMResult[] = [];
    const handler: CallbackHandler = {
      handleLLMNewToken: (_token, _idx, _runId, _parent, _tags, fields) => void chunks.push(fields?.chunk),
      handleLLMEnd: (output) => void results.push(output),
    };
    await new FakeStreamingLLM({ responses: ["ab"] }).invoke("x", { callbacks: [handler] });
    expect(chunks).toEqual([new GenerationChunk({ text: "a" }), new GenerationChunk({ text: "b" })]);
    expect(results).toEqual([{ generations: [[{ text: "ab", generationInfo: {} }]], llmOutput: {} }]);
  });

  it("GenerationChunk.concat joins texts and merges generation info, as LangChain's", () => {
    const joined = new GenerationChunk({ text: "Hel", generationInfo: { a: 1 } }).concat(
      new GenerationChunk({ text: "lo", generationInfo: { b: 2 } }),
    );
    expect(joined).toEqual(new GenerationChunk({ text: "Hello", generationInfo: { a: 1, b: 2 } }));
    expect(
      new GenerationChunk({ text: "a" }).concat(new GenerationChunk({ text: "b" })).generationInfo,
    ).toEqual({});
  });
});

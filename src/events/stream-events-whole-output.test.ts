// Transcript tests for whole-output steps and map branches (docs/events.md rules 2 and 3), in
// the order @langchain/core 1.4 reports them: a step whose output is one value (a prompt) ends
// before the next step starts; a map branch ends after the map's stream event carrying its last
// chunk, also when the map is the root; a root prompt, retriever or tool sends no v2 stream
// event (v1 sends one, and `stream()` and `streamLog` still see the value as the root's chunk).
import {
  ChatPromptTemplate,
  type ChatPromptValue,
  Document,
  RunnableLambda,
  RunnableParallel,
  RunnableSequence,
  tool,
} from "rivulet";
import { FakeRetriever, normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { ev, R, S1, S2, v1 } from "./test-support/expected-event.js";

const prompt = ChatPromptTemplate.fromMessages([["human", "{question}"]]);
const textOf = (value: ChatPromptValue): string => String(value.toChatMessages()[0]?.content);

describe("a whole-output step ends before the next step starts", () => {
  it("prompt | plain function: the prompt's end comes before the function's start", async () => {
    const chain = prompt.pipe(
      RunnableLambda.from((value: ChatPromptValue) => textOf(value), { name: "text" }),
    );
    const events = normalizeIds(await toArray(chain.streamEvents({ question: "hi" }, { version: "v2" })));
    expect(events.map((e) => `${e.event}:${e.name}`)).toStrictEqual([
      "on_chain_start:RunnableSequence",
      "on_prompt_start:ChatPromptTemplate",
      "on_prompt_end:ChatPromptTemplate",
      "on_chain_start:text",
      "on_chain_stream:text",
      "on_chain_stream:RunnableSequence",
      "on_chain_end:text",
      "on_chain_end:RunnableSequence",
    ]);
  });

  it("prompt | transform generator: the generator starts after the prompt ended", async () => {
    async function* upper(input: AsyncIterable<ChatPromptValue>) {
      for await (const value of input) yield textOf(value).toUpperCase();
    }
    const chain = RunnableSequence.from([prompt, upper]);
    const events = normalizeIds(await toArray(chain.streamEvents({ question: "hi" }, { version: "v2" })));
    const promptEnd = events.findIndex((e) => e.event === "on_prompt_end");
    const upperStart = events.findIndex((e) => e.event === "on_chain_start" && e.name === "upper");
    expect(promptEnd).toBeGreaterThan(0);
    expect(upperStart).toBe(promptEnd + 1);
    // The generator still starts with {} (its input is streamed in) and ends with the whole input.
    expect(events[upperStart]?.data).toStrictEqual({});
    expect(events.at(-2)).toMatchObject({ event: "on_chain_end", name: "upper", data: { output: "HI" } });
  });

  it("a streaming step keeps the pipelined order (rule 2): it ends after the next step started", async () => {
    const chain = RunnableSequence.from([
      RunnableLambda.from((x: number) => x + 1, { name: "addOne" }),
      RunnableLambda.from((x: number) => x * 2, { name: "double" }),
    ]);
    const events = normalizeIds(await toArray(chain.streamEvents(1, { version: "v2" })));
    const names = events.map((e) => `${e.event}:${e.name}`);
    expect(names.indexOf("on_chain_start:double")).toBeLessThan(names.indexOf("on_chain_end:addOne"));
  });
});

describe("a root map's branches end after the map streamed their chunk", () => {
  it("matches LangChain's transcript for { a, b } of plain functions", async () => {
    const map = RunnableParallel.from({
      a: RunnableLambda.from((x: number) => x + 1, { name: "a" }),
      b: RunnableLambda.from((x: number) => x * 2, { name: "b" }),
    });
    const events = normalizeIds(await toArray(map.streamEvents(2, { version: "v2" })));
    const name = "RunnableParallel<a,b>";
    const ka = ["map:key:a"];
    const kb = ["map:key:b"];
    expect(events).toStrictEqual([
      ev("on_chain_start", name, R, [], [], { input: 2 }),
      ev("on_chain_start", "a", S1, [R], ka, { input: 2 }),
      ev("on_chain_start", "b", S2, [R], kb, { input: 2 }),
      ev("on_chain_stream", "a", S1, [R], ka, { chunk: 3 }),
      ev("on_chain_stream", "b", S2, [R], kb, { chunk: 4 }),
      ev("on_chain_stream", name, R, [], [], { chunk: { a: 3 } }),
      ev("on_chain_end", "a", S1, [R], ka, { output: 3, input: 2 }),
      ev("on_chain_stream", name, R, [], [], { chunk: { b: 4 } }),
      ev("on_chain_end", "b", S2, [R], kb, { output: 4, input: 2 }),
      ev("on_chain_end", name, R, [], [], { output: { a: 3, b: 4 } }),
    ]);
  });

  it("a branch of several chunks ends after the map's event for its last one", async () => {
    async function* words(input: AsyncIterable<string>) {
      for await (const text of input) for (const word of text.split(" ")) yield `${word} `;
    }
    const map = RunnableParallel.from({ w: RunnableSequence.from([(x: string) => x, words]) });
    const events = normalizeIds(await toArray(map.streamEvents("one two", { version: "v2" })));
    const names = events.map((e) => `${e.event}:${e.name}:${JSON.stringify(e.data)}`);
    const lastMapChunk = names.lastIndexOf(`on_chain_stream:RunnableParallel<w>:{"chunk":{"w":"two "}}`);
    const branchEnd = names.findIndex((n) => n.startsWith("on_chain_end:RunnableSequence"));
    expect(lastMapChunk).toBeGreaterThan(0);
    expect(branchEnd).toBeGreaterThan(lastMapChunk);
  });
});

describe("a root whose output is one value sends no v2 stream event", () => {
  const retriever = new FakeRetriever({ documents: [new Document({ pageContent: "doc" })] });
  const doc = { pageContent: "doc", metadata: {} };

  it("a root retriever: start and end only in v2, a stream event in v1 (as LangChain)", async () => {
    const v2 = normalizeIds(await toArray(retriever.streamEvents("q", { version: "v2" })));
    expect(v2.map((e) => e.event)).toStrictEqual(["on_retriever_start", "on_retriever_end"]);
    const events = normalizeIds(await toArray(retriever.streamEvents("q", { version: "v1" })));
    expect(JSON.parse(JSON.stringify(events))).toStrictEqual([
      v1(ev("on_retriever_start", "FakeRetriever", R, [], [], { input: "q" })),
      v1(ev("on_retriever_stream", "FakeRetriever", R, [], [], { chunk: [doc] })),
      v1(ev("on_retriever_end", "FakeRetriever", R, [], [], { output: { documents: [doc] } })),
    ]);
  });

  it("a root prompt and a root tool: start and end only in v2", async () => {
    const events = await toArray(prompt.streamEvents({ question: "hi" }, { version: "v2" }));
    expect(events.map((e) => e.event)).toStrictEqual(["on_prompt_start", "on_prompt_end"]);
    const echo = tool(async (input: { text: string }) => input.text, {
      name: "echo",
      description: "Echoes its text.",
      schema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
    });
    const toolEvents = await toArray(echo.streamEvents({ text: "x" }, { version: "v2" }));
    expect(toolEvents.map((e) => e.event)).toStrictEqual(["on_tool_start", "on_tool_end"]);
  });

  it("stream() and streamLog still give the root's one value as its chunk", async () => {
    expect(await toArray(await retriever.stream("q"))).toHaveLength(1);
    const patches = await toArray(retriever.streamLog("q"));
    const paths = patches.flatMap((patch) => patch.ops.map((op) => op.path));
    expect(paths).toContain("/streamed_output/-");
  });

  it("a nested retriever in a streamed chain still has start and end only", async () => {
    const chain = RunnableSequence.from([retriever, (docs: Document[]) => docs.length]);
    const events = await toArray(chain.streamEvents("q", { version: "v2" }));
    expect(events.filter((e) => e.name === "FakeRetriever").map((e) => e.event)).toStrictEqual([
      "on_retriever_start",
      "on_retriever_end",
    ]);
  });
});

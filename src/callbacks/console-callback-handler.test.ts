import {
  ChatPromptTemplate,
  ConsoleCallbackHandler,
  Document,
  RunnableLambda,
  RunnableSequence,
  StringOutputParser,
  tool,
} from "rivulet";
import { FakeListChatModel, FakeRetriever, FakeStreamingLLM, toArray } from "rivulet/testing";
import { afterEach, describe, expect, it, vi } from "vitest";

/** A handler that collects its entries, without colours, on a clock that ticks `step` ms per reading. */
function capture(options: { color?: boolean; step?: number; ignoreLLM?: boolean } = {}) {
  const entries: string[] = [];
  let now = 0;
  const handler = new ConsoleCallbackHandler({
    log: (entry) => void entries.push(entry),
    color: options.color ?? false,
    clock: () => (now += options.step ?? 1),
    ...(options.ignoreLLM === undefined ? {} : { ignoreLLM: options.ignoreLLM }),
  });
  /** The entries with message ids (random per run) replaced by `run-ID`. */
  const lines = () => entries.map((entry) => entry.replace(/"run-[0-9a-f-]+"/g, '"run-ID"'));
  return { handler, entries, lines };
}

/** The first line of each entry (the tag, the breadcrumbs and the start of the text). */
const heads = (entries: string[]) => entries.map((entry) => entry.split("\n")[0] ?? "");

function chain() {
  const prompt = ChatPromptTemplate.fromMessages([
    ["system", "Be brief."],
    ["human", "Tell me about {topic}"],
  ]);
  const model = new FakeListChatModel({ responses: ["Cats purr."] });
  return prompt.pipe(model).pipe(new StringOutputParser());
}

const PROMPT_MESSAGES = [
  { type: "system", content: "Be brief." },
  { type: "human", content: "Tell me about cats" },
];
const REPLY = { type: "ai", chunk: true, content: "Cats purr.", id: "run-ID" };
const json = (value: unknown) => JSON.stringify(value, null, 2);

afterEach(() => {
  vi.restoreAllMocks();
});

describe("ConsoleCallbackHandler", () => {
  it("logs prompt | model | parser as @langchain/core's console tracer does (invoke transcript)", async () => {
    const { handler, lines } = capture();
    await expect(chain().invoke({ topic: "cats" }, { callbacks: [handler] })).resolves.toBe("Cats purr.");
    const root = "1:chain:RunnableSequence";
    expect(lines()).toEqual([
      `[chain/start] [${root}] Entering Chain run with input: ${json({ topic: "cats" })}`,
      `[chain/start] [${root} > 2:prompt:ChatPromptTemplate] Entering Chain run with input: ${json({ topic: "cats" })}`,
      `[chain/end] [${root} > 2:prompt:ChatPromptTemplate] [1ms] Exiting Chain run with output: ${json({ messages: PROMPT_MESSAGES })}`,
      `[llm/start] [${root} > 3:llm:FakeListChatModel] Entering LLM run with input: ${json({ messages: [PROMPT_MESSAGES] })}`,
      `[llm/end] [${root} > 3:llm:FakeListChatModel] [1ms] Exiting LLM run with output: ${json({
        generations: [[{ text: "Cats purr.", generationInfo: {}, message: REPLY }]],
      })}`,
      `[chain/start] [${root} > 4:parser:StrOutputParser] Entering Chain run with input: ${json(REPLY)}`,
      `[chain/end] [${root} > 4:parser:StrOutputParser] [1ms] Exiting Chain run with output: ${json({ output: "Cats purr." })}`,
      `[chain/end] [${root}] [7ms] Exiting Chain run with output: ${json({ output: "Cats purr." })}`,
    ]);
  });

  it("under stream(), the parser starts before the model ends, with its input not yet known", async () => {
    const { handler, entries } = capture();
    const chunks = await toArray(await chain().stream({ topic: "cats" }, { callbacks: [handler] }));
    expect(chunks.join("")).toBe("Cats purr.");
    expect(heads(entries)).toEqual([
      "[chain/start] [1:chain:RunnableSequence] Entering Chain run with input: {",
      "[chain/start] [1:chain:RunnableSequence > 2:prompt:ChatPromptTemplate] Entering Chain run with input: {",
      "[chain/end] [1:chain:RunnableSequence > 2:prompt:ChatPromptTemplate] [1ms] Exiting Chain run with output: {",
      "[llm/start] [1:chain:RunnableSequence > 3:llm:FakeListChatModel] Entering LLM run with input: {",
      "[chain/start] [1:chain:RunnableSequence > 4:parser:StrOutputParser] Entering Chain run with input: {",
      "[llm/end] [1:chain:RunnableSequence > 3:llm:FakeListChatModel] [2ms] Exiting LLM run with output: {",
      "[chain/end] [1:chain:RunnableSequence > 4:parser:StrOutputParser] [2ms] Exiting Chain run with output: {",
      "[chain/end] [1:chain:RunnableSequence] [7ms] Exiting Chain run with output: {",
    ]);
    expect(entries[4]).toBe(
      `[chain/start] [1:chain:RunnableSequence > 4:parser:StrOutputParser] Entering Chain run with input: ${json({ input: "" })}`,
    );
  });

  it("colours the tag and the breadcrumbs, the run itself in bold, by default", async () => {
    const { handler, entries } = capture({ color: true });
    await chain().invoke({ topic: "cats" }, { callbacks: [handler] });
    expect(entries[0]).toBe(
      '\u001b[32m[chain/start]\u001b[39m [\u001b[90m\u001b[1m1:chain:RunnableSequence\u001b[22m\u001b[39m] Entering Chain run with input: {\n  "topic": "cats"\n}',
    );
    expect(heads(entries)[1]).toBe(
      "\u001b[32m[chain/start]\u001b[39m [\u001b[90m1:chain:RunnableSequence > \u001b[1m2:prompt:ChatPromptTemplate\u001b[22m\u001b[39m] Entering Chain run with input: {",
    );
    expect(entries[2]?.startsWith("\u001b[36m[chain/end]\u001b[39m")).toBe(true);
  });

  it("prints to console.log when no log is given", async () => {
    const printed: unknown[] = [];
    vi.spyOn(console, "log").mockImplementation((...args: unknown[]) => void printed.push(args));
    const step = RunnableLambda.from((x: number) => x * 2, { name: "double" });
    await step.invoke(2, { callbacks: [new ConsoleCallbackHandler()] });
    expect(printed).toHaveLength(2);
    expect(String((printed[1] as unknown[])[0])).toContain(
      'Exiting Chain run with output: {\n  "output": 4\n}',
    );
  });

  it("numbers runs in the order they start; a sibling comes after the previous one's descendants", async () => {
    const { handler, entries } = capture();
    const leaf = RunnableLambda.from((x: number) => x + 1, { name: "leaf" });
    const nested = RunnableLambda.from(async (x: number) => leaf.invoke(await leaf.invoke(x)), {
      name: "nested",
    });
    const after = RunnableLambda.from((x: number) => x, { name: "after" });
    await RunnableSequence.from([nested, after], { name: "outer" }).invoke(0, { callbacks: [handler] });
    expect(heads(entries).filter((line) => line.startsWith("[chain/start]"))).toEqual([
      "[chain/start] [1:chain:outer] Entering Chain run with input: {",
      "[chain/start] [1:chain:outer > 2:chain:nested] Entering Chain run with input: {",
      "[chain/start] [1:chain:outer > 2:chain:nested > 3:chain:leaf] Entering Chain run with input: {",
      "[chain/start] [1:chain:outer > 2:chain:nested > 4:chain:leaf] Entering Chain run with input: {",
      "[chain/start] [1:chain:outer > 5:chain:after] Entering Chain run with input: {",
    ]);
  });

  it("starts again from 1 for each root run and keeps no finished run", async () => {
    const { handler, entries } = capture();
    const step = RunnableLambda.from((x: number) => x, { name: "step" });
    await step.invoke(1, { callbacks: [handler] });
    await step.invoke(2, { callbacks: [handler] });
    expect(heads(entries)).toEqual([
      "[chain/start] [1:chain:step] Entering Chain run with input: {",
      "[chain/end] [1:chain:step] [1ms] Exiting Chain run with output: {",
      "[chain/start] [1:chain:step] Entering Chain run with input: {",
      "[chain/end] [1:chain:step] [1ms] Exiting Chain run with output: {",
    ]);
  });

  it("logs an error with the elapsed time and the error's message and stack as a JSON string", async () => {
    const { handler, entries } = capture({ step: 1500 });
    const failing = RunnableLambda.from(
      (_: number): number => {
        throw new Error("no luck");
      },
      { name: "failing" },
    );
    await expect(failing.invoke(1, { callbacks: [handler] })).rejects.toThrow("no luck");
    expect(entries).toHaveLength(2);
    expect(entries[1]).toMatch(
      /^\[chain\/error\] \[1:chain:failing\] \[1\.50s\] Chain run errored with error: "no luck\\n\\nError: no luck\\n {4}at /,
    );
  });

  it("quotes a tool's input and output; a tool call's output is its ToolMessage as JSON", async () => {
    const { handler, entries } = capture({ step: 20 });
    const shout = tool(({ text }: { text: string }) => `${text.toUpperCase()}  `, {
      name: "shout",
      description: "Upper-cases text",
      schema: { type: "object", properties: { text: { type: "string" } }, required: ["text"] },
    });
    await shout.invoke({ text: "hi" }, { callbacks: [handler] });
    expect(entries).toEqual([
      `[tool/start] [1:tool:shout] Entering Tool run with input: "${json({ text: "hi" })}"`,
      '[tool/end] [1:tool:shout] [20ms] Exiting Tool run with output: "HI"',
    ]);
    entries.length = 0;
    await shout.invoke(
      { name: "shout", args: { text: "yo" }, id: "call_1", type: "tool_call" },
      { callbacks: [handler] },
    );
    expect(entries[1]).toContain('Exiting Tool run with output: "{\n  "type": "tool",\n  "content": "YO  "');
  });

  it("shows an LLM's prompts trimmed, and a retriever's query and documents", async () => {
    const { handler, entries } = capture();
    await new FakeStreamingLLM({ responses: ["ok"] }).invoke("  a prompt \n", { callbacks: [handler] });
    expect(entries[0]).toBe(
      `[llm/start] [1:llm:FakeStreamingLLM] Entering LLM run with input: ${json({ prompts: ["a prompt"] })}`,
    );
    entries.length = 0;
    const retriever = new FakeRetriever({ documents: [new Document({ pageContent: "kensho" })] });
    await retriever.invoke("where", { callbacks: [handler] });
    expect(entries[0]).toBe(
      `[retriever/start] [1:retriever:FakeRetriever] Entering Retriever run with input: ${json({ query: "where" })}`,
    );
    expect(heads(entries)[1]).toBe(
      "[retriever/end] [1:retriever:FakeRetriever] [1ms] Exiting Retriever run with output: {",
    );
    expect(entries[1]).toContain('"documents": [');
    expect(entries[1]).toContain('"pageContent": "kensho"');
  });

  it("honours ignoreLLM while numbering every run", async () => {
    const { handler, entries } = capture({ ignoreLLM: true });
    await chain().invoke({ topic: "cats" }, { callbacks: [handler] });
    expect(heads(entries).map((line) => `${line?.split("] ")[0]}]`)).toEqual([
      "[chain/start]",
      "[chain/start]",
      "[chain/end]",
      "[chain/start]",
      "[chain/end]",
      "[chain/end]",
    ]);
    expect(entries[3]).toContain("4:parser:StrOutputParser");
  });

  it("is a BaseCallbackHandler named console_callback_handler", () => {
    const handler = new ConsoleCallbackHandler();
    expect(handler.name).toBe("console_callback_handler");
    expect(handler.awaitHandlers).toBe(false);
  });
});

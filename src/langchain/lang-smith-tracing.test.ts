// LangSmith tracing through @langchain/core's own LangChainTracer, against a loopback server
// standing in for the LangSmith endpoint: the runs it receives form the chain's tree with inputs,
// outputs, token usage and errors; a stalled endpoint never stalls a stream; the environment
// variables LangChain reads turn it on.
import {
  AIMessageChunk,
  ChatPromptTemplate,
  InvalidConfigError,
  RunnableLambda,
  StringOutputParser,
} from "rivulet";
import {
  flushLangSmith,
  langSmithTracer,
  langSmithTracingEnabled,
  registerLangSmith,
  registerLangSmithFromEnvironment,
} from "rivulet/langchain";
import { FakeStreamingChatModel } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { closeEndpoints, endpoint, type PostedRun } from "./test-support/lang-smith-endpoint.js";

afterEach(closeEndpoints);

function model(): FakeStreamingChatModel {
  return new FakeStreamingChatModel({
    model: "fake-gpt",
    chunks: [
      new AIMessageChunk({ content: "Hello" }),
      new AIMessageChunk({
        content: " Ada",
        usage_metadata: { input_tokens: 9, output_tokens: 2, total_tokens: 11 },
      }),
    ],
  });
}

const prompt = ChatPromptTemplate.fromMessages([["human", "Greet {name}"]]);

function named(runs: Map<string, PostedRun>, name: string): PostedRun {
  const run = [...runs.values()].find((each) => each.name === name);
  if (run === undefined)
    throw new Error(`no run ${name} among ${[...runs.values()].map((each) => each.name).join(", ")}`);
  return run;
}

describe("LangChainTracer on Rivulet runs", () => {
  it("posts the chain's runs as a tree with inputs, outputs and token usage", async () => {
    const server = await endpoint();
    const tracer = langSmithTracer({ apiUrl: server.url, apiKey: "test-key", projectName: "rivulet-tests" });
    const chain = prompt.pipe(model()).pipe(new StringOutputParser());
    expect(await chain.invoke({ name: "Ada" }, { callbacks: [tracer] })).toBe("Hello Ada");
    await flushLangSmith(tracer);

    const root = named(server.runs, "RunnableSequence");
    expect(root).toMatchObject({
      run_type: "chain",
      inputs: { name: "Ada" },
      outputs: { output: "Hello Ada" },
    });
    expect(root.session_name).toBe("rivulet-tests");
    expect(root.parent_run_id).toBeUndefined();
    const children = ["ChatPromptTemplate", "FakeStreamingChatModel", "StrOutputParser"].map((name) =>
      named(server.runs, name),
    );
    for (const child of children) {
      expect(child.parent_run_id).toBe(root.id);
      expect(child.trace_id).toBe(root.id);
      expect(String(child.dotted_order).startsWith(`${String(root.dotted_order)}.`)).toBe(true);
    }
    const modelRun = named(server.runs, "FakeStreamingChatModel");
    expect(modelRun.run_type).toBe("llm");
    expect(modelRun.inputs).toEqual({ messages: [[expect.objectContaining({ content: "Greet Ada" })]] });
    expect(modelRun.outputs).toMatchObject({
      generations: [[expect.objectContaining({ text: "Hello Ada" })]],
      llmOutput: { tokenUsage: { promptTokens: 9, completionTokens: 2, totalTokens: 11 } },
    });
    expect(modelRun.end_time).toBeDefined();
  });

  it("records a failing step's error on its run and on the root", async () => {
    const server = await endpoint();
    const tracer = langSmithTracer({ apiUrl: server.url, apiKey: "test-key" });
    const failing = RunnableLambda.from((): string => {
      throw new Error("lookup failed");
    }).withConfig({ runName: "lookup" });
    await expect(prompt.pipe(failing).invoke({ name: "Ada" }, { callbacks: [tracer] })).rejects.toThrow(
      "lookup failed",
    );
    await flushLangSmith(tracer);
    expect(String(named(server.runs, "lookup").error)).toContain("lookup failed");
    expect(String(named(server.runs, "RunnableSequence").error)).toContain("lookup failed");
  });

  it("never holds a stream back when the endpoint does not answer", async () => {
    const server = await endpoint({ stalled: true });
    const tracer = langSmithTracer({ apiUrl: server.url, apiKey: "test-key", timeoutMs: 200 });
    const chain = prompt.pipe(model()).pipe(new StringOutputParser());
    for (let round = 0; round < 3; round += 1) {
      const chunks: string[] = [];
      for await (const chunk of await chain.stream({ name: "Ada" }, { callbacks: [tracer] }))
        chunks.push(chunk);
      expect(chunks.join("")).toBe("Hello Ada");
    }
    // The tracer did try to send: the streams ran while its requests hung.
    await expect.poll(() => server.requests, { timeout: 5000 }).toBeGreaterThan(0);
  });

  it("refuses options that cannot bound the queue", () => {
    expect(() => langSmithTracer({ maxQueueBytes: 0 })).toThrow(InvalidConfigError);
    expect(() => langSmithTracer({ timeoutMs: Number.NaN })).toThrow(
      /timeoutMs must be a positive number of milliseconds/,
    );
  });
});

describe("registerLangSmith", () => {
  it("traces calls that pass no callbacks until stopped", async () => {
    const server = await endpoint();
    const tracing = registerLangSmith({ apiUrl: server.url, apiKey: "test-key" });
    try {
      await model().invoke("Hi");
    } finally {
      tracing.stop();
    }
    await model().invoke("Hi");
    await tracing.flush();
    expect([...server.runs.values()].map((run) => run.name)).toEqual(["FakeStreamingChatModel"]);
  });

  it("is turned on by the variables LangChain reads, once per process", async () => {
    const server = await endpoint();
    const saved = { ...process.env };
    try {
      delete process.env.LANGSMITH_TRACING;
      delete process.env.LANGCHAIN_TRACING_V2;
      expect(langSmithTracingEnabled()).toBe(false);
      expect(registerLangSmithFromEnvironment()).toBeUndefined();
      Object.assign(process.env, {
        LANGSMITH_TRACING: "true",
        LANGSMITH_ENDPOINT: server.url,
        LANGSMITH_API_KEY: "test-key",
        LANGSMITH_PROJECT: "from-env",
      });
      const tracing = registerLangSmithFromEnvironment();
      expect(registerLangSmithFromEnvironment()).toBe(tracing);
      try {
        await model().invoke("Hi");
      } finally {
        tracing?.stop();
      }
      await tracing?.flush();
      expect([...server.runs.values()].map((run) => [run.name, run.session_name])).toEqual([
        ["FakeStreamingChatModel", "from-env"],
      ]);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

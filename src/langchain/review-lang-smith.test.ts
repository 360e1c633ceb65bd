// Review: LangSmith runs are posted once however tracing was asked for twice: a call passing its
// own LangChainTracer while tracing is registered for the process (LangChain skips the
// environment's tracer then), or registerLangSmith after LANGSMITH_TRACING registered at import.
// The loopback endpoint is lang-smith-tracing.test.ts's, counting the posts of each run.
import { LangChainTracer } from "@langchain/core/tracers/tracer_langchain";
import { AIMessageChunk, ChatPromptTemplate, StringOutputParser } from "rivulet";
import {
  flushLangSmith,
  langSmithTracer,
  registerLangSmith,
  registerLangSmithFromEnvironment,
} from "rivulet/langchain";
import { FakeStreamingChatModel } from "rivulet/testing";
import { afterEach, describe, expect, it } from "vitest";
import { closeEndpoints, endpoint } from "./test-support/lang-smith-endpoint.js";

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

describe("flushLangSmith", () => {
  it("waits for the queue of a client from another copy of langsmith", async () => {
    let flushed = false;
    const client = {
      awaitPendingTraceBatches: async () => {
        await new Promise((resolve) => setTimeout(resolve, 10));
        flushed = true;
      },
    };
    // A client of the same shape that is not this copy's Client class (a nested install).
    const tracer = new LangChainTracer({});
    Reflect.set(tracer, "client", client);
    await flushLangSmith(tracer);
    expect(flushed).toBe(true);
  });
});

describe("registerLangSmith with a call's own LangChainTracer", () => {
  it("posts each run once, with the call's tracer, as LangChain does under LANGSMITH_TRACING", async () => {
    const server = await endpoint();
    const tracing = registerLangSmith({ apiUrl: server.url, apiKey: "test-key", projectName: "global" });
    const own = langSmithTracer({ apiUrl: server.url, apiKey: "test-key", projectName: "checkout" });
    const chain = prompt.pipe(model()).pipe(new StringOutputParser());
    try {
      await chain.invoke({ name: "Ada" }, { callbacks: [own] });
      await model().invoke("Hi", { callbacks: [tracing.tracer] });
    } finally {
      tracing.stop();
    }
    await Promise.all([flushLangSmith(own), tracing.flush()]);
    const runs = [...server.runs.values()];
    expect(runs.map((run) => [run.name, run.posts, run.session_name])).toEqual([
      ["RunnableSequence", 1, "checkout"],
      ["ChatPromptTemplate", 1, "checkout"],
      ["FakeStreamingChatModel", 1, "checkout"],
      ["StrOutputParser", 1, "checkout"],
      ["FakeStreamingChatModel", 1, "global"],
    ]);
  });
});

describe("registerLangSmith while LANGSMITH_TRACING registered at import", () => {
  it("replaces the environment's registration: each run is posted once", async () => {
    const server = await endpoint();
    const saved = { ...process.env };
    try {
      Object.assign(process.env, {
        LANGSMITH_TRACING: "true",
        LANGSMITH_ENDPOINT: server.url,
        LANGSMITH_API_KEY: "test-key",
        LANGSMITH_PROJECT: "from-env",
      });
      const fromEnvironment = registerLangSmithFromEnvironment(); // what importing rivulet/langchain does
      const tracing = registerLangSmith({ apiUrl: server.url, apiKey: "test-key", projectName: "explicit" });
      try {
        await model().invoke("Hi");
      } finally {
        tracing.stop();
        fromEnvironment?.stop();
      }
      await Promise.all([tracing.flush(), fromEnvironment?.flush()]);
      expect([...server.runs.values()].map((run) => [run.name, run.posts, run.session_name])).toEqual([
        ["FakeStreamingChatModel", 1, "explicit"],
      ]);
    } finally {
      for (const key of Object.keys(process.env)) if (!(key in saved)) delete process.env[key];
      Object.assign(process.env, saved);
    }
  });
});

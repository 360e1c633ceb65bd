// A Rivulet chain inside a LangChain pipe: it invokes and streams chunk by chunk with LangChain's
// messages, its inner Rivulet runs appear in LangChain's own streamEvents as children of the
// wrapper run (names, run types, tokens as LangChain AIMessageChunks, parent_ids), and an abort
// from LangChain reaches the Rivulet run and closes every run.
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { AIMessageChunk as LangChainAIMessageChunk } from "@langchain/core/messages";
import { StringOutputParser as LangChainStringOutputParser } from "@langchain/core/output_parsers";
import { RunnableLambda as LangChainRunnableLambda } from "@langchain/core/runnables";
import { ChatPromptTemplate, RunnableLambda } from "rivulet";
import { toLangChain } from "rivulet/langchain";
import { FakeListChatModel, RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";

function rivuletChain(options: { sleep?: number } = {}) {
  return ChatPromptTemplate.fromMessages([["human", "{question}"]])
    .pipe(
      new FakeListChatModel({
        responses: ["Hi Ada"],
        ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
      }),
    )
    .withConfig({ runName: "rivulet_chain" });
}

describe("toLangChain", () => {
  it("invokes and streams inside a LangChain pipe with LangChain's messages", async () => {
    const wrapped = toLangChain(rivuletChain());
    const answer: unknown = await wrapped.invoke({ question: "hi" });
    expect(answer).toBeInstanceOf(LangChainAIMessageChunk);
    const chain = LangChainRunnableLambda.from((input: { q: string }) => ({ question: input.q }))
      .pipe(wrapped)
      .pipe(new LangChainStringOutputParser());
    const chunks: string[] = [];
    for await (const chunk of await chain.stream({ q: "hi" })) chunks.push(chunk);
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe("Hi Ada");
  });

  it("shows its Rivulet runs in LangChain's streamEvents and run tree as children of the wrapper", async () => {
    const chain = toLangChain(rivuletChain(), { name: "rivulet_chain" }).pipe(
      new LangChainStringOutputParser(),
    );
    const parents = new Map<string, string | undefined>();
    const names = new Map<string, string>();
    const tree = BaseCallbackHandler.fromMethods({
      handleChainStart: (_chain, _inputs, runId, parentRunId, _tags, _metadata, _runType, runName) => {
        parents.set(runId, parentRunId);
        names.set(runId, runName ?? "");
      },
      handleChatModelStart: (_llm, _messages, runId, parentRunId, _extra, _tags, _metadata, runName) => {
        parents.set(runId, parentRunId);
        names.set(runId, runName ?? "");
      },
    });
    const events = [];
    for await (const event of chain.streamEvents({ question: "hi" }, { version: "v2", callbacks: [tree] }))
      events.push(event);
    const kinds = events.map((event) => `${event.event}:${event.name}`);
    expect(kinds).toContain("on_prompt_start:ChatPromptTemplate");
    expect(kinds).toContain("on_chat_model_start:FakeListChatModel");
    expect(kinds).toContain("on_chat_model_end:FakeListChatModel");
    const tokens = events.filter((event) => event.event === "on_chat_model_stream");
    expect(tokens.length).toBeGreaterThan(1);
    expect(tokens.every((event) => event.data.chunk instanceof LangChainAIMessageChunk)).toBe(true);
    const wrapper = events.find(
      (event) => event.event === "on_chain_start" && event.name === "rivulet_chain",
    );
    const modelStart = events.find((event) => event.event === "on_chat_model_start");
    // LangChain.js events carry no parent_ids: its handlers' parent run ids say the tree.
    expect(parents.get(modelStart?.run_id ?? "")).toBe(wrapper?.run_id);
    expect(parents.get(wrapper?.run_id ?? "")).toBe(events[0]?.run_id);
    // The Rivulet root is the wrapper run itself (not a second run under it); LangChain names its own root "".
    expect([...names.values()].sort()).toEqual([
      "",
      "ChatPromptTemplate",
      "FakeListChatModel",
      "StrOutputParser",
      "rivulet_chain",
    ]);
    expect(names.get(wrapper?.run_id ?? "")).toBe("rivulet_chain");
    expect(events.at(-1)).toMatchObject({ event: "on_chain_end", data: { output: "Hi Ada" } });
  });

  it("passes LangChain's abort to the Rivulet run, which closes every run", async () => {
    const recorder = new RunRecorder();
    let seen: AbortSignal | undefined;
    const waiting = RunnableLambda.from(async (_input: unknown, config) => {
      seen = config?.signal;
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return "late";
    });
    const controller = new AbortController();
    const call = toLangChain(waiting.withConfig({ callbacks: [recorder] })).invoke("x", {
      signal: controller.signal,
    });
    await expect.poll(() => seen).toBeDefined();
    controller.abort();
    await expect(call).rejects.toThrow();
    expect(seen?.aborted).toBe(true);
    await expect.poll(() => recorder.openRuns()).toEqual([]);
  });
});

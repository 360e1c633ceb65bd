// A LangChain chain inside a Rivulet chain: it streams chunk by chunk, its messages arrive as
// Rivulet's, its inner runs appear in Rivulet's streamEvents as children (names, run types, tags,
// tokens, parent_ids), and aborting or breaking out cancels the LangChain run and closes every run.
import { dispatchCustomEvent } from "@langchain/core/callbacks/dispatch";
import { StringOutputParser as LangChainStringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate as LangChainChatPromptTemplate } from "@langchain/core/prompts";
import { RunnableLambda as LangChainRunnableLambda } from "@langchain/core/runnables";
import { FakeListChatModel as LangChainFakeListChatModel } from "@langchain/core/utils/testing";
import { AIMessageChunk, type BaseMessage, isAIMessage, RunnableLambda, StringOutputParser } from "rivulet";
import { fromLangChain } from "rivulet/langchain";
import { normalizeIds, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

function langChainChain(options: { sleep?: number } = {}) {
  return LangChainChatPromptTemplate.fromMessages([["human", "Say {word}"]]).pipe(
    new LangChainFakeListChatModel({
      responses: ["Hi Ada"],
      ...(options.sleep === undefined ? {} : { sleep: options.sleep }),
    }),
  );
}

describe("fromLangChain", () => {
  it("invokes and streams a LangChain chain with Rivulet's messages", async () => {
    const legacy = fromLangChain<{ word: string }, BaseMessage>(langChainChain(), { name: "legacy" });
    const answer = await legacy.invoke({ word: "hi" });
    expect(isAIMessage(answer)).toBe(true);
    expect(answer.text).toBe("Hi Ada");
    const chunks = await toArray(await legacy.pipe(new StringOutputParser()).stream({ word: "hi" }));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join("")).toBe("Hi Ada");
  });

  it("shows the LangChain runs as children in Rivulet's streamEvents (whole transcript)", async () => {
    const chain = fromLangChain(langChainChain(), { name: "legacy" }).pipe(new StringOutputParser());
    const events = normalizeIds(await toArray(chain.streamEvents({ word: "hi" }, { version: "v2" })));
    const summary = events.map((event) => [
      event.event,
      event.name,
      event.parent_ids.length,
      event.tags.filter((tag) => !tag.startsWith("seq:")).join(","),
    ]);
    // The order inside the LangChain runnable is LangChain's own: its streamEvents sends the root's
    // chunk before the model's token event that produced it.
    expect(summary.slice(0, 9)).toEqual([
      ["on_chain_start", "RunnableSequence", 0, ""],
      ["on_chain_start", "legacy", 1, ""],
      ["on_prompt_start", "ChatPromptTemplate", 2, ""],
      ["on_prompt_end", "ChatPromptTemplate", 2, ""],
      ["on_chat_model_start", "FakeListChatModel", 2, ""],
      ["on_chain_stream", "legacy", 1, ""],
      ["on_parser_start", "StrOutputParser", 1, ""],
      ["on_parser_stream", "StrOutputParser", 1, ""],
      ["on_chain_stream", "RunnableSequence", 0, ""],
    ]);
    expect(summary.slice(-4)).toEqual([
      ["on_chat_model_end", "FakeListChatModel", 2, ""],
      ["on_chain_end", "legacy", 1, ""],
      ["on_parser_end", "StrOutputParser", 1, ""],
      ["on_chain_end", "RunnableSequence", 0, ""],
    ]);
    expect(summary.filter(([event]) => event === "on_chat_model_stream")).toHaveLength(6);
    const tokens = events.filter((event) => event.event === "on_chat_model_stream");
    expect(
      tokens.map((event) => Reflect.get(Object(event.data), "chunk")).every(AIMessageChunk.isInstance),
    ).toBe(true);
    const modelStart = events.find((event) => event.event === "on_chat_model_start");
    const legacyStart = events.find((event) => event.name === "legacy");
    const root = events[0];
    expect(modelStart?.parent_ids).toEqual([root?.run_id, legacyStart?.run_id]);
    expect(modelStart?.tags).toContain("seq:step:2");
    expect(events.at(-1)).toMatchObject({
      event: "on_chain_end",
      name: "RunnableSequence",
      data: { output: "Hi Ada" },
    });
    expect(events.filter((event) => event.event.endsWith("_start")).length).toBe(
      events.filter((event) => event.event.endsWith("_end")).length,
    );
  });

  it("stops the LangChain run when the reader breaks out, closing every run on both sides", async () => {
    const seen: AbortSignal[] = [];
    const slow = LangChainRunnableLambda.from(async (text: string, config) => {
      if (config?.signal !== undefined) seen.push(config.signal);
      await dispatchCustomEvent("waiting", {}, config);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return text;
    });
    const legacy = fromLangChain(langChainChain().pipe(new LangChainStringOutputParser()).pipe(slow), {
      name: "legacy",
    });
    const recorder = new RunRecorder();
    const chain = RunnableLambda.from((word: string) => ({ word })).pipe(legacy);
    for await (const event of chain.streamEvents("x", { version: "v2", callbacks: [recorder] })) {
      if (
        event.event === "on_chain_start" &&
        event.name === "RunnableLambda" &&
        event.parent_ids.length === 2
      )
        break;
    }
    // Every run closed, the relayed LangChain runs included (as aborted), at once: nobody waited for the lambda.
    const openAtBreak = recorder.openRuns();
    await expect.poll(() => recorder.openRuns()).toEqual([]);
    expect(openAtBreak).toEqual([]);
    const relayedErrors = recorder.entries.filter(
      (entry) => entry.kind === "error" && entry.parentIds.length >= 2,
    );
    expect(relayedErrors.map((entry) => entry.name)).toContain("RunnableLambda");
  });

  it("passes an abort signal through: the call rejects and the LangChain run sees it", async () => {
    const seen: AbortSignal[] = [];
    const waiting = LangChainRunnableLambda.from(async (_input: unknown, config) => {
      if (config?.signal !== undefined) seen.push(config.signal);
      await new Promise((resolve) => setTimeout(resolve, 5_000));
      return "late";
    });
    const controller = new AbortController();
    const call = fromLangChain(waiting).invoke("x", { signal: controller.signal });
    await expect.poll(() => seen.length).toBe(1);
    controller.abort();
    await expect(call).rejects.toThrow();
    expect(seen[0]?.aborted).toBe(true);
  });
});

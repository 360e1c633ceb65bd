// toLangChain's full event transcript in LangChain's own streamEvents v2, compared with the same
// chain written entirely in @langchain/core 1.4: the Rivulet runs inside the wrapper appear with
// LangChain's event names, run names, tags (seq:step and the call's own, inherited) and metadata
// (the call's, inherited, and the model's ls_* keys), in LangChain's order.
import { StringOutputParser as LangChainStringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate as LangChainChatPromptTemplate } from "@langchain/core/prompts";
import {
  type Runnable as LangChainRunnable,
  RunnableLambda as LangChainRunnableLambda,
} from "@langchain/core/runnables";
import { FakeListChatModel as LangChainFakeListChatModel } from "@langchain/core/utils/testing";
import { ChatPromptTemplate } from "rivulet";
import { toLangChain } from "rivulet/langchain";
import { FakeListChatModel, normalizeIds } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** LangChain's outer chain around a middle step: a lambda before it, a string parser after. */
function outerChain(middle: LangChainRunnable) {
  return LangChainRunnableLambda.from((input: { q: string }) => ({ question: input.q }))
    .pipe(middle)
    .pipe(new LangChainStringOutputParser());
}

function rivuletMiddle() {
  const inner = ChatPromptTemplate.fromMessages([["human", "{question}"]]).pipe(
    new FakeListChatModel({ responses: ["Hi Ada"] }),
  );
  return toLangChain(inner, { name: "middle" });
}

function langChainMiddle() {
  return LangChainChatPromptTemplate.fromMessages([["human", "{question}"]])
    .pipe(new LangChainFakeListChatModel({ responses: ["Hi Ada"] }))
    .withConfig({ runName: "middle" });
}

/** One run as LangChain's events show it: its name, tags, metadata and the events it sent. */
interface RunSummary {
  name: string;
  tags: string[];
  metadata: Record<string, unknown>;
  events: string[];
}

/** Keys LangChain's own BaseChatModel adds to a model run's metadata; they describe the model, not the bridge. */
const MODEL_ONLY_METADATA = new Set(["ls_integration", "ls_stop", "versions"]);

async function transcript(chain: LangChainRunnable): Promise<{ starts: string[]; runs: RunSummary[] }> {
  const events = [];
  const config = { version: "v2" as const, tags: ["outer"], metadata: { thread: "t1" } };
  for await (const event of chain.streamEvents({ q: "hi" }, config)) events.push(event);
  const runs = new Map<string, RunSummary>();
  for (const event of normalizeIds(events)) {
    const metadata = Object.fromEntries(
      Object.entries(event.metadata).filter(([key]) => !MODEL_ONLY_METADATA.has(key)),
    );
    const runEvents: string[] = [];
    const run: RunSummary = runs.get(event.run_id) ?? {
      name: event.name,
      tags: [...(event.tags ?? [])].sort(),
      metadata,
      events: runEvents,
    };
    run.events.push(event.event);
    runs.set(event.run_id, run);
  }
  const starts = events.filter((event) => event.event.endsWith("_start")).map((event) => event.name);
  return { starts, runs: [...runs.values()] };
}

describe("toLangChain in LangChain's streamEvents", () => {
  it("gives the runs, tags, metadata and events the same chain written in LangChain gives", async () => {
    const ours = await transcript(outerChain(rivuletMiddle()));
    const theirs = await transcript(outerChain(langChainMiddle()));
    expect(ours.starts).toEqual([
      "RunnableSequence",
      "RunnableLambda",
      "middle",
      "ChatPromptTemplate",
      "FakeListChatModel",
      "StrOutputParser",
    ]);
    expect(ours.starts).toEqual(theirs.starts);
    // The one kept difference: the wrapper streams its chunks as any LangChain leaf runnable does
    // (LangChain's nested sequence does not), so it also sends on_chain_stream (docs/interop.md).
    const middle = ours.runs.find((run) => run.name === "middle");
    const model = ours.runs.find((run) => run.name === "FakeListChatModel");
    expect(middle?.events.filter((event) => event === "on_chain_stream").length).toBe(
      model?.events.filter((event) => event === "on_chat_model_stream").length,
    );
    const withoutWrapperChunks = ours.runs.map((run) =>
      run.name === "middle"
        ? { ...run, events: run.events.filter((event) => event !== "on_chain_stream") }
        : run,
    );
    expect(withoutWrapperChunks).toEqual(theirs.runs);
    expect(model).toMatchObject({
      tags: ["outer", "seq:step:2"],
      metadata: { thread: "t1", ls_provider: "FakeListChatModel", ls_model_type: "chat" },
    });
  });

  it("reports the inner model's tokens as LangChain chunks and the wrapper's output as LangChain's", async () => {
    const chain = outerChain(rivuletMiddle());
    const tokens: string[] = [];
    let output: unknown;
    for await (const event of chain.streamEvents({ q: "hi" }, { version: "v2" })) {
      if (event.event === "on_chat_model_stream") tokens.push(String(event.data.chunk?.content));
      if (event.event === "on_chain_end" && event.name === "middle") output = event.data.output;
    }
    expect(tokens.join("")).toBe("Hi Ada");
    expect(tokens.length).toBeGreaterThan(1);
    expect(output).toMatchObject({ content: "Hi Ada" });
    expect(Object.getPrototypeOf(output)?.constructor?.name).toBe("AIMessageChunk");
  });
});

// A @langchain/core BaseCallbackHandler subclass (how Langfuse-style handlers are written) works
// unchanged in a Rivulet call's callbacks and gets LangChain's arguments in LangChain's positions.
// The same chain is streamed on @langchain/core 1.4 and on Rivulet with the same handler, and each
// run's calls are compared. Known and kept differences (docs/interop.md): a root run's start also
// names its run type and name, prompt values and messages are Rivulet's objects, a streaming
// step's end output is `{ output }` as at the root, and a streaming step starts when its first
// input chunk arrives rather than before.
import { BaseCallbackHandler } from "@langchain/core/callbacks/base";
import { StringOutputParser as LangChainStringOutputParser } from "@langchain/core/output_parsers";
import { ChatPromptTemplate as LangChainChatPromptTemplate } from "@langchain/core/prompts";
import { FakeListChatModel as LangChainFakeListChatModel } from "@langchain/core/utils/testing";
import { ChatPromptTemplate, StringOutputParser } from "rivulet";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";

interface Call {
  method: string;
  run: string;
  parent: string | undefined;
  tags: unknown;
  detail: unknown;
}

/** Records each call by run, ids replaced by their order of appearance. */
class RecordingHandler extends BaseCallbackHandler {
  name = "recording";
  readonly calls: Call[] = [];
  readonly tokenChunks: unknown[] = [];
  readonly #ids = new Map<string, string>();

  #label(runId: string | undefined): string | undefined {
    if (runId === undefined) return undefined;
    const known = this.#ids.get(runId);
    if (known !== undefined) return known;
    const label = `run${this.#ids.size}`;
    this.#ids.set(runId, label);
    return label;
  }

  #push(
    method: string,
    ids: { runId: string; parentRunId: string | undefined },
    tags: unknown,
    detail: unknown,
  ): void {
    this.calls.push({
      method,
      run: this.#label(ids.runId) ?? "",
      parent: this.#label(ids.parentRunId),
      tags,
      detail,
    });
  }

  override handleChainStart(
    _chain: unknown,
    inputs: unknown,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    metadata?: unknown,
  ): void {
    this.#push("handleChainStart", { runId, parentRunId }, tags, { inputs, metadata });
  }

  override handleChainEnd(_outputs: unknown, runId: string, parentRunId?: string, tags?: string[]): void {
    this.#push("handleChainEnd", { runId, parentRunId }, tags, undefined);
  }

  override handleChatModelStart(
    _llm: unknown,
    messages: Array<Array<{ content: unknown }>>,
    runId: string,
    parentRunId?: string,
    extraParams?: unknown,
    tags?: string[],
  ): void {
    const contents = messages.map((batch) => batch.map((message) => message.content));
    this.#push("handleChatModelStart", { runId, parentRunId }, tags, { contents, extraParams });
  }

  override handleLLMNewToken(
    token: string,
    index: unknown,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    fields?: { chunk?: unknown },
  ): void {
    this.tokenChunks.push(fields?.chunk);
    this.#push("handleLLMNewToken", { runId, parentRunId }, tags, { token, index });
  }

  override handleLLMEnd(
    output: { generations: Array<Array<{ text: string }>> },
    runId: string,
    parentRunId?: string,
    tags?: string[],
  ): void {
    const texts = output.generations.map((batch) => batch.map((each) => each.text));
    this.#push("handleLLMEnd", { runId, parentRunId }, tags, texts);
  }

  /** Each run's calls in order, keyed by the run's first tag (its step) or "root". */
  byRun(): Record<string, Call[]> {
    const grouped: Record<string, Call[]> = {};
    for (const call of this.calls) {
      const key = call.parent === undefined ? "root" : call.run;
      grouped[key] = [...(grouped[key] ?? []), call];
    }
    return grouped;
  }
}

async function streamWith(handler: RecordingHandler, kind: "langchain" | "rivulet"): Promise<string> {
  const chain =
    kind === "langchain"
      ? LangChainChatPromptTemplate.fromMessages([["human", "Greet {name}"]])
          .pipe(new LangChainFakeListChatModel({ responses: ["Hi Ada"] }))
          .pipe(new LangChainStringOutputParser())
      : ChatPromptTemplate.fromMessages([["human", "Greet {name}"]])
          .pipe(new FakeListChatModel({ responses: ["Hi Ada"] }))
          .pipe(new StringOutputParser());
  const chunks: string[] = [];
  for await (const chunk of await chain.stream({ name: "Ada" }, { callbacks: [handler], tags: ["t"] }))
    chunks.push(chunk);
  return chunks.join("");
}

describe("@langchain/core callback handlers on Rivulet runs", () => {
  it("get each run's calls with LangChain's arguments for a streamed chain", async () => {
    const langChain = new RecordingHandler();
    const rivulet = new RecordingHandler();
    expect(await streamWith(langChain, "langchain")).toBe("Hi Ada");
    expect(await streamWith(rivulet, "rivulet")).toBe("Hi Ada");
    const expected = langChain.byRun();
    const actual = rivulet.byRun();
    expect(Object.keys(actual).sort()).toEqual(Object.keys(expected).sort());
    for (const key of Object.keys(expected))
      expect({ key, calls: actual[key] }).toEqual({ key, calls: expected[key] });
  });

  it("give handleLLMNewToken a ChatGenerationChunk-shaped chunk carrying the message chunk", async () => {
    const handler = new RecordingHandler();
    await streamWith(handler, "rivulet");
    expect(handler.tokenChunks.length).toBeGreaterThan(1);
    for (const chunk of handler.tokenChunks) {
      expect(chunk).toMatchObject({ text: expect.any(String), message: { content: expect.any(String) } });
    }
    expect(handler.tokenChunks.map((chunk) => Reflect.get(Object(chunk), "text")).join("")).toBe("Hi Ada");
  });
});

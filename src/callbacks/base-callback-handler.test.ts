import { awaitAllCallbacks, BaseCallbackHandler, RunnableLambda } from "rivulet";
import { FakeListChatModel } from "rivulet/testing";
import { afterEach, describe, expect, it, vi } from "vitest";

const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });

afterEach(() => {
  vi.restoreAllMocks();
});

describe("BaseCallbackHandler.fromMethods", () => {
  it("builds a handler from methods, called with LangChain's arguments", async () => {
    const seen: unknown[][] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleChainStart: (_serialized, inputs, runId, parentRunId) =>
        void seen.push(["start", inputs, runId, parentRunId]),
      handleChainEnd: (outputs, runId) => void seen.push(["end", outputs, runId]),
    });
    await double.invoke(4, { callbacks: [handler] });
    expect(seen).toEqual([
      ["start", { input: 4 }, expect.any(String), undefined],
      ["end", { output: 8 }, seen[0]?.[2]],
    ]);
  });

  it("gives each handler a fresh UUID as its name and makes it a BaseCallbackHandler", () => {
    const a = BaseCallbackHandler.fromMethods({});
    const b = BaseCallbackHandler.fromMethods({});
    expect(a).toBeInstanceOf(BaseCallbackHandler);
    expect(a.name).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(a.name).not.toBe(b.name);
    expect({ awaitHandlers: a.awaitHandlers, raiseError: a.raiseError, ignoreLLM: a.ignoreLLM }).toEqual({
      awaitHandlers: false,
      raiseError: false,
      ignoreLLM: false,
    });
  });

  it("runs in the background: invoke does not wait for its async work, awaitAllCallbacks does", async () => {
    let release: () => void = () => {};
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    const ended: number[] = [];
    const handler = BaseCallbackHandler.fromMethods({
      handleChainEnd: async (outputs) => {
        await gate;
        ended.push(outputs.output as number);
      },
    });
    await expect(double.invoke(5, { callbacks: [handler] })).resolves.toBe(10);
    expect(ended).toEqual([]);
    const all = awaitAllCallbacks();
    release();
    await all;
    expect(ended).toEqual([10]);
  });

  it("reports a failing method as @langchain/core does, naming the class Handler", async () => {
    const warnings: unknown[] = [];
    vi.spyOn(console, "warn").mockImplementation((message: unknown) => void warnings.push(message));
    const handler = BaseCallbackHandler.fromMethods({
      handleLLMNewToken: () => {
        throw new Error("token bug");
      },
    });
    const model = new FakeListChatModel({ responses: ["ab"] });
    await expect(model.invoke("hi", { callbacks: [handler] })).resolves.toMatchObject({ content: "ab" });
    expect(warnings).toEqual([
      "Error in handler Handler, handleLLMNewToken: Error: token bug",
      "Error in handler Handler, handleLLMNewToken: Error: token bug",
    ]);
  });
});

describe("BaseCallbackHandler's constructor options", () => {
  class Recorder extends BaseCallbackHandler {
    name = "recorder";
    readonly calls: string[] = [];
    handleChainStart() {
      this.calls.push("chain");
    }
    handleChatModelStart() {
      this.calls.push("chat_model");
    }
  }

  it("takes @langchain/core's ignore flags", async () => {
    const chain = double.pipe((x: number) => `${x}`).pipe(new FakeListChatModel({ responses: ["x"] }));
    const noLLM = new Recorder({ ignoreLLM: true });
    const noChain = new Recorder({ ignoreChain: true });
    await chain.invoke(1, { callbacks: [noLLM, noChain] });
    expect(noLLM.calls).toEqual(["chain", "chain", "chain"]);
    expect(noChain.calls).toEqual(["chat_model"]);
  });

  it("raiseError makes the handler awaited and its error fail the run; _awaitHandler only awaits", async () => {
    class Raising extends BaseCallbackHandler {
      name = "raising";
      handleChainStart() {
        throw new Error("stop here");
      }
    }
    const raising = new Raising({ raiseError: true });
    expect(raising.awaitHandlers).toBe(true);
    await expect(double.invoke(1, { callbacks: [raising] })).rejects.toThrow("stop here");
    const awaited = new Recorder({ _awaitHandler: true });
    expect({ awaitHandlers: awaited.awaitHandlers, raiseError: awaited.raiseError }).toEqual({
      awaitHandlers: true,
      raiseError: false,
    });
  });

  it("lets a subclass set the fields directly", () => {
    class Loud extends Recorder {
      override raiseError = true;
      override ignoreRetriever = true;
    }
    const loud = new Loud();
    expect([loud.raiseError, loud.ignoreRetriever, loud.ignoreChain]).toEqual([true, true, false]);
  });
});

import {
  AIMessageChunk,
  BaseCallbackHandler,
  type CallbackHandler,
  type ChatModelCallOptions,
  ChatPromptTemplate,
  getBufferString,
  isBaseMessage,
  type LLMResult,
  RunnableLambda,
  RunnableSequence,
  tool,
} from "rivulet";
import { FakeListChatModel, FakeStreamingChatModel, RunRecorder } from "rivulet/testing";
import { afterEach, describe, expect, it, vi } from "vitest";
import { z } from "zod";
import { HandlerAdapter } from "./handler-adapter.js";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const fail = RunnableLambda.from(
  (_: number): number => {
    throw new Error("step failed");
  },
  { name: "fail" },
);

type Call = [method: string, ...args: unknown[]];

function recordingHandler(extra: Partial<CallbackHandler> = {}): { handler: CallbackHandler; calls: Call[] } {
  const calls: Call[] = [];
  const handler: CallbackHandler = {
    name: "recording",
    handleChainStart: (...args) => void calls.push(["handleChainStart", ...args]),
    handleChainEnd: (...args) => void calls.push(["handleChainEnd", ...args]),
    handleChainError: (...args) => void calls.push(["handleChainError", ...args]),
    ...extra,
  };
  return { handler, calls };
}

afterEach(() => {
  vi.restoreAllMocks();
});

describe("LangChain-style handlers", () => {
  it("receive handleChainStart/End with LangChain's argument order", async () => {
    const { handler, calls } = recordingHandler();
    const chain = RunnableSequence.from([addOne, (x: number) => ({ value: x })], { name: "seq" });
    await chain.invoke(1, { callbacks: [handler], tags: ["t"], metadata: { m: 1 } });
    expect(calls.map((c) => c[0])).toEqual([
      "handleChainStart",
      "handleChainStart",
      "handleChainEnd",
      "handleChainStart",
      "handleChainEnd",
      "handleChainEnd",
    ]);
    const [, serialized, inputs, rootId, parentRunId, tags, metadata, runType, runName] = calls[0]!;
    expect(serialized).toMatchObject({ lc: 1, name: "seq" });
    expect(inputs).toEqual({ input: 1 });
    expect(typeof rootId).toBe("string");
    expect(parentRunId).toBeUndefined();
    expect(tags).toEqual(["t"]);
    expect(metadata).toEqual({ m: 1 });
    expect(runType).toBe("chain");
    expect(runName).toBe("seq");
    const [, , , childId, childParent, childTags, , , childName] = calls[1]!;
    expect(childParent).toBe(rootId);
    expect(childTags).toEqual(["seq:step:1", "t"]);
    expect(childName).toBe("addOne");
    const [, outputs, endId, endParent, endTags, kwargs] = calls[2]!;
    expect(outputs).toEqual({ output: 2 });
    expect(endId).toBe(childId);
    expect(endParent).toBe(rootId);
    expect(endTags).toEqual(["seq:step:1", "t"]);
    expect(kwargs).toEqual({ inputs: { input: 1 } });
    expect(calls[5]![1]).toEqual({ value: 2 });
  });

  it("receive handleChainError with the error", async () => {
    const { handler, calls } = recordingHandler();
    await expect(addOne.pipe(fail).invoke(1, { callbacks: [handler] })).rejects.toThrow("step failed");
    const errors = calls.filter((c) => c[0] === "handleChainError");
    expect(errors).toHaveLength(2);
    expect((errors[0]![1] as Error).message).toBe("step failed");
    expect(errors[0]![3]).toBe(errors[1]![2]); // the step's parent is the sequence
  });

  it("skip chain callbacks with ignoreChain", async () => {
    const { handler, calls } = recordingHandler({ ignoreChain: true });
    await addOne.invoke(1, { callbacks: [handler] });
    expect(calls).toEqual([]);
  });

  it("work as a BaseCallbackHandler subclass", async () => {
    const names: string[] = [];
    class Names extends BaseCallbackHandler {
      name = "names";
      handleChainStart(
        _s: unknown,
        _i: unknown,
        _id: string,
        _p?: string,
        _t?: string[],
        _m?: unknown,
        _rt?: string,
        runName?: string,
      ) {
        names.push(runName ?? "?");
      }
    }
    await addOne.pipe(addOne).invoke(1, { callbacks: [new Names()] });
    expect(names).toEqual(["RunnableSequence", "addOne", "addOne"]);
  });
});

describe("handler failures", () => {
  it("a throwing handler does not break the run; the failure is reported", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handler: CallbackHandler = {
      name: "broken",
      handleChainStart: () => {
        throw new Error("handler bug");
      },
      handleChainEnd: async () => {
        throw new Error("async handler bug");
      },
    };
    expect(await addOne.pipe(addOne).invoke(1, { callbacks: [handler] })).toBe(3);
    await new Promise((r) => setTimeout(r, 0));
    expect(warn).toHaveBeenCalled();
    expect(String(warn.mock.calls[0]![0])).toContain("broken");
  });

  it("with raiseError, a throwing handler fails the run", async () => {
    const handler: CallbackHandler = {
      name: "strict",
      raiseError: true,
      handleChainStart: () => {
        throw new Error("strict handler");
      },
    };
    await expect(addOne.invoke(1, { callbacks: [handler] })).rejects.toThrow("strict handler");
  });

  it("with raiseError, an async handler's rejection fails the run", async () => {
    const handler: CallbackHandler = {
      name: "strict-async",
      raiseError: true,
      handleChainEnd: async () => {
        throw new Error("strict async handler");
      },
    };
    await expect(addOne.invoke(1, { callbacks: [handler] })).rejects.toThrow("strict async handler");
  });
});

describe("awaitHandlers", () => {
  it("false (the default): a never-resolving handler does not hang the run", { timeout: 2000 }, async () => {
    const handler: CallbackHandler = {
      name: "hanging",
      handleChainStart: () => new Promise(() => {}),
      handleChainEnd: () => new Promise(() => {}),
    };
    expect(await addOne.pipe(addOne).invoke(1, { callbacks: [handler] })).toBe(3);
  });

  it("true: the run waits for the handler before going on", async () => {
    const log: string[] = [];
    const handler: CallbackHandler = {
      name: "slow",
      awaitHandlers: true,
      handleChainStart: async (_s, _i, _id, _p, _t, _m, _rt, runName) => {
        await new Promise((r) => setTimeout(r, 5));
        log.push(`started ${runName}`);
      },
    };
    const step = RunnableLambda.from(
      (x: number) => {
        log.push("step body");
        return x;
      },
      { name: "step" },
    );
    await step.invoke(1, { callbacks: [handler] });
    expect(log).toEqual(["started step", "step body"]);
  });
});

describe("a handler returning a thenable that is not a native Promise", () => {
  /** A PromiseLike as another promise library or realm makes it: settles when `then` is called. */
  const later = (log: string[], line: string, failure?: Error): PromiseLike<void> => ({
    // biome-ignore lint/suspicious/noThenProperty: the test needs a thenable that is not a Promise
    then(onDone, onFailed) {
      return new Promise<void>((resolve, reject) =>
        setTimeout(() => {
          log.push(line);
          if (failure === undefined) resolve();
          else reject(failure);
        }, 5),
      ).then(onDone, onFailed);
    },
  });

  it("is waited for with awaitHandlers, as a Promise is", async () => {
    const log: string[] = [];
    const handler: CallbackHandler = {
      name: "thenable",
      awaitHandlers: true,
      handleChainStart: () => later(log, "handler done"),
    };
    const step = RunnableLambda.from(
      (x: number) => {
        log.push("step body");
        return x;
      },
      { name: "step" },
    );
    await step.invoke(1, { callbacks: [handler] });
    expect(log).toEqual(["handler done", "step body"]);
  });
});

describe("a raising handler next to other observers", () => {
  it("does not leave another observer with an error for a run it never saw start", async () => {
    const rec = new RunRecorder();
    const handler: CallbackHandler = {
      name: "strict",
      raiseError: true,
      handleChainStart: () => {
        throw new Error("strict handler");
      },
    };
    await expect(addOne.invoke(1, { callbacks: [handler, rec] })).rejects.toThrow("strict handler");
    const lines = rec.lines();
    if (lines.includes("error:addOne")) expect(lines[0]).toBe("start:addOne");
    expect(rec.openRuns()).toEqual([]);
  });
});

describe("model and tool callbacks carry what tracing handlers read (@langchain/core 1.4's shapes)", () => {
  it("handleChatModelStart's extraParams are { options, invocation_params, batch_size: 1 }", async () => {
    const extras: unknown[] = [];
    const handler: CallbackHandler = {
      handleChatModelStart: (_llm, _messages, _runId, _parent, extraParams) => void extras.push(extraParams),
    };
    const model = new FakeListChatModel({ responses: ["ab"] });
    const options: ChatModelCallOptions = {
      callbacks: [handler],
      stop: ["x"],
      tags: ["t1"],
      metadata: { k: 1 },
    };
    await model.invoke("hi", options);
    // @langchain/core 1.4 gives exactly this for its FakeListChatModel called the same way.
    expect(extras).toEqual([{ options: { stop: ["x"] }, invocation_params: {}, batch_size: 1 }]);
    const configured = new FakeListChatModel({ responses: ["ab"], model: "fake-1" });
    await configured.invoke("hi", { callbacks: [handler] });
    expect(extras[1]).toEqual({ options: {}, invocation_params: { model: "fake-1" }, batch_size: 1 });
  });

  it("handleChatModelStart gets the messages a prompt value or a string stands for", async () => {
    const received: unknown[][][] = [];
    const handler: CallbackHandler = {
      handleChatModelStart: (_llm, messages) => void received.push(messages),
    };
    const model = new FakeListChatModel({ responses: ["ab", "cd"] });
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "Be brief."],
      ["human", "{q}"],
    ]);
    await prompt.pipe(model).invoke({ q: "hi" }, { callbacks: [handler] });
    await model.invoke("hello", { callbacks: [handler] });
    // LangChainTracer posts these as the run's inputs: a prompt value must not stand in for them.
    expect(
      received.map((batch) =>
        batch.map((messages) =>
          messages.map((each) => (isBaseMessage(each) ? getBufferString([each]) : "not a message")),
        ),
      ),
    ).toEqual([[["System: Be brief.", "Human: hi"]], [["Human: hello"]]]);
  });

  it("handleLLMEnd's llmOutput.tokenUsage comes from the message's usage_metadata", async () => {
    const results: LLMResult[] = [];
    const handler: CallbackHandler = { handleLLMEnd: (output) => void results.push(output) };
    const model = new FakeStreamingChatModel({
      chunks: [
        new AIMessageChunk({ content: "a" }),
        new AIMessageChunk({
          content: "b",
          usage_metadata: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
          response_metadata: { finish_reason: "stop" },
        }),
      ],
    });
    const reply = await model.invoke("hi", { callbacks: [handler] });
    // @langchain/core 1.4, the same chunks streamed: this result, with a ChatGenerationChunk.
    expect(results).toEqual([
      {
        generations: [[{ text: "ab", generationInfo: { finish_reason: "stop" }, message: reply }]],
        llmOutput: { tokenUsage: { promptTokens: 3, completionTokens: 2, totalTokens: 5 } },
      },
    ]);
    const noUsage = new FakeListChatModel({ responses: ["ab"] });
    await noUsage.invoke("hi", { callbacks: [handler] });
    expect(results[1]?.llmOutput).toBeUndefined();
  });

  it("handleToolStart gets the tool call's id when the tool is invoked with a ToolCall", async () => {
    const starts: unknown[][] = [];
    const handler: CallbackHandler = { handleToolStart: (...args) => void starts.push(args) };
    const search = tool(async ({ q }: { q: string }) => `r:${q}`, {
      name: "search",
      description: "Search",
      schema: z.object({ q: z.string() }),
    });
    await search.invoke(
      { name: "search", args: { q: "x" }, id: "call_1", type: "tool_call" },
      { callbacks: [handler] },
    );
    await search.invoke({ q: "y" }, { callbacks: [handler] });
    expect(starts.map((args) => [args[1], args[6], args[7]])).toEqual([
      ['{"q":"x"}', "search", "call_1"],
      ['{"q":"y"}', "search", undefined],
    ]);
  });
});

describe("a failing handler is reported in one line per failure", () => {
  function lines(): { logger: { warn(message: string): void }; logged: unknown[][] } {
    const logged: unknown[][] = [];
    return { logger: { warn: (...args: unknown[]) => void logged.push(args) }, logged };
  }

  it("names the handler and the callback, with the message, once per failure (no stack)", async () => {
    class MyHandler extends BaseCallbackHandler {
      name = "my_handler";
      handleLLMNewToken(): void {
        throw new Error("token bug");
      }
    }
    const { logger, logged } = lines();
    const model = new FakeListChatModel({ responses: ["abc"] });
    const reply = await model.invoke("hi", { callbacks: [new HandlerAdapter(new MyHandler(), { logger })] });
    expect(reply.text).toBe("abc");
    // @langchain/core 1.4 logs exactly these lines for the same handler.
    expect(logged).toEqual([
      ["Error in handler MyHandler, handleLLMNewToken: Error: token bug"],
      ["Error in handler MyHandler, handleLLMNewToken: Error: token bug"],
      ["Error in handler MyHandler, handleLLMNewToken: Error: token bug"],
    ]);
  });

  it("reports a plain object handler by its name, an async rejection too", async () => {
    const { logger, logged } = lines();
    const handler: CallbackHandler = {
      name: "broken",
      awaitHandlers: true,
      handleChainEnd: async () => {
        throw new Error("async bug");
      },
      handleChainStart: () => {
        throw "not an Error";
      },
    };
    expect(await addOne.invoke(1, { callbacks: [new HandlerAdapter(handler, { logger })] })).toBe(2);
    expect(logged).toEqual([
      ["Error in handler broken, handleChainStart: not an Error"],
      ["Error in handler broken, handleChainEnd: Error: async bug"],
    ]);
  });

  it("with raiseError, the error fails the run and nothing is logged", async () => {
    const { logger, logged } = lines();
    const handler: CallbackHandler = {
      name: "strict",
      raiseError: true,
      handleChainStart: () => {
        throw new Error("strict handler");
      },
    };
    await expect(addOne.invoke(1, { callbacks: [new HandlerAdapter(handler, { logger })] })).rejects.toThrow(
      "strict handler",
    );
    expect(logged).toEqual([]);
  });

  it("goes to console.warn by default, as one string", async () => {
    const warn = vi.spyOn(console, "warn").mockImplementation(() => {});
    const handler: CallbackHandler = {
      name: "noisy",
      handleChainStart: () => {
        throw new Error("bug");
      },
    };
    await addOne.invoke(1, { callbacks: [handler] });
    expect(warn.mock.calls).toEqual([["Error in handler noisy, handleChainStart: Error: bug"]]);
  });
});

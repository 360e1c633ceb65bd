// What tracing and cost handlers read from a provider's runs (issue 12 item 10), with the shapes
// @langchain/core 1.4 gives them: handleChatModelStart's extraParams { options,
// invocation_params, batch_size } and handleLLMEnd's llmOutput.tokenUsage.
import { describe, expect, it } from "vitest";
import type { CallbackHandler, LLMResult } from "../callbacks/index.js";
import type { ChatModelCallOptions } from "../models/index.js";
import { RunnableLambda } from "../runnables/index.js";
import { ChatAnthropic } from "./anthropic/index.js";
import { ChatOllama } from "./ollama/index.js";
import { ChatOpenAI } from "./openai/index.js";
import { readFixture } from "./test-support/loopback-server.js";

const OPENAI_TEXT = readFixture(new URL("./openai/fixtures/text.sse", import.meta.url));

/** A fetch that answers every request with the OpenAI text fixture. */
async function replayOpenAI(): Promise<Response> {
  return new Response(OPENAI_TEXT, { headers: { "content-type": "text/event-stream" } });
}

function recorder() {
  const starts: Record<string, unknown>[] = [];
  const ends: LLMResult[] = [];
  const handler: CallbackHandler = {
    handleChatModelStart: (_llm, _messages, _runId, _parent, extraParams) =>
      void starts.push(extraParams ?? {}),
    handleLLMEnd: (output) => void ends.push(output),
  };
  return { handler, starts, ends };
}

describe("chat model callbacks carry what tracing handlers read", () => {
  it("handleChatModelStart gets { options, invocation_params, batch_size: 1 } and handleLLMEnd the token usage", async () => {
    const model = new ChatOpenAI({
      apiKey: "sk-test",
      model: "gpt-4o-mini",
      temperature: 0,
      maxTokens: 50,
      fetch: replayOpenAI,
    });
    const { handler, starts, ends } = recorder();
    const options: ChatModelCallOptions = { callbacks: [handler], stop: ["\n\n"], tags: ["t"] };
    const reply = await model.invoke("Write about rivers", options);
    expect(starts).toHaveLength(1);
    expect(starts[0]).toEqual({
      options: { stop: ["\n\n"] },
      invocation_params: expect.objectContaining({
        model: "gpt-4o-mini",
        temperature: 0,
        max_completion_tokens: 50,
        stream: true,
        stop: ["\n\n"],
      }),
      batch_size: 1,
    });
    expect(starts[0]?.invocation_params).not.toHaveProperty("messages");
    expect(ends).toEqual([
      {
        generations: [[{ text: reply.text, generationInfo: { ...reply.response_metadata }, message: reply }]],
        llmOutput: { tokenUsage: { promptTokens: 24, completionTokens: 11, totalTokens: 35 } },
      },
    ]);
  });

  it("nested runs too, with the call options the model was bound with", async () => {
    const model = new ChatOpenAI({ apiKey: "sk-test", model: "gpt-4o", fetch: replayOpenAI });
    const bound: ChatModelCallOptions = { stop: ["END"] };
    const chain = RunnableLambda.from((x: string) => x).pipe(model.withConfig(bound));
    const { handler, starts } = recorder();
    await chain.invoke("hi", { callbacks: [handler] });
    expect(starts[0]).toMatchObject({
      options: { stop: ["END"] },
      invocation_params: { model: "gpt-4o", stop: ["END"], stream: true },
      batch_size: 1,
    });
  });

  it("each provider declares its request parameters, without the messages", () => {
    const anthropic = new ChatAnthropic({ apiKey: "k", model: "claude-sonnet-4-5", temperature: 0.2 });
    expect(anthropic.invocationParams()).toEqual({
      model: "claude-sonnet-4-5",
      max_tokens: 2048,
      stream: true,
      temperature: 0.2,
    });
    const ollama = new ChatOllama({ model: "llama3.2", temperature: 0 });
    const params = ollama.invocationParams();
    expect(params).toMatchObject({ model: "llama3.2", stream: true });
    expect(params).not.toHaveProperty("messages");
  });
});

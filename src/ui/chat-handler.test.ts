// chatHandler over HTTP semantics (called with Requests, no server) and with ai 6's own
// DefaultChatTransport + readUIMessageStream as the client; fromUIMessages' conversions.
import { DefaultChatTransport, readUIMessageStream, type UIMessage } from "ai";
import { AIMessage, type BaseMessage, dispatchCustomEvent, RunnableLambda, ToolMessage } from "rivulet";
import { FakeStreamingChatModel } from "rivulet/testing";
import { chatHandler, fromUIMessages } from "rivulet/ui";
import { describe, expect, it } from "vitest";

const userMessage: UIMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "hello" }] };

describe("chatHandler", () => {
  it("answers useChat's POST with a stream the AI SDK's transport and reader accept", async () => {
    const model = new FakeStreamingChatModel({ responses: [new AIMessage("Hi there")] });
    const seen: BaseMessage[][] = [];
    const app = chatHandler(model, {
      input: (messages) => {
        seen.push(messages);
        return messages;
      },
    });
    const transport = new DefaultChatTransport({
      api: "http://test/api/chat",
      fetch: (url, init) => app.fetch(new Request(url, init)),
    });
    const stream = await transport.sendMessages({
      chatId: "c1",
      messages: [userMessage],
      trigger: "submit-message",
      messageId: undefined,
      abortSignal: undefined,
    });
    let last: UIMessage | undefined;
    for await (const message of readUIMessageStream({ stream, terminateOnError: true })) last = message;
    expect(last?.parts).toEqual([
      { type: "step-start" },
      { type: "text", text: "Hi there", state: "done", providerMetadata: undefined },
    ]);
    expect(seen[0]?.map((message) => [message.type, message.text])).toEqual([["human", "hello"]]);
  });

  it("refuses a malformed body with a 422 that says what to fix, other methods and paths with 405 and 404", async () => {
    const app = chatHandler(new FakeStreamingChatModel({}), { input: (messages) => messages });
    const bad = await app.fetch(
      new Request("http://x/api/chat", {
        method: "POST",
        body: JSON.stringify({ messages: [{ role: "user" }] }),
      }),
    );
    expect(bad.status).toBe(422);
    expect(await bad.json()).toEqual({
      detail: "fromUIMessages: messages[0].parts must be an array of parts.",
    });
    expect((await app.fetch(new Request("http://x/api/chat"))).status).toBe(405);
    expect((await app.fetch(new Request("http://x/other", { method: "POST" }))).status).toBe(404);
  });
});

describe("fromUIMessages", () => {
  it("splits an assistant message into steps with tool calls and their answers, denied and failed ones as errors", () => {
    const messages = fromUIMessages([
      userMessage,
      {
        id: "a1",
        role: "assistant",
        parts: [
          { type: "step-start" },
          { type: "reasoning", text: "think" },
          {
            type: "tool-weather",
            toolCallId: "c1",
            state: "output-available",
            input: { city: "Paris" },
            output: { temp: 18 },
          },
          {
            type: "tool-weather",
            toolCallId: "c2",
            state: "output-error",
            input: { city: "X" },
            errorText: "no city",
          },
          {
            type: "tool-delete",
            toolCallId: "c3",
            state: "output-denied",
            input: {},
            approval: { id: "ap", approved: false, reason: "not allowed" },
          },
          { type: "step-start" },
          { type: "text", text: "Done" },
        ],
      },
    ]);
    expect(messages.map((message) => message.type)).toEqual(["human", "ai", "tool", "tool", "tool", "ai"]);
    const first = messages[1];
    expect(
      AIMessage.isInstance(first) ? first.tool_calls.map((call) => [call.id, call.name, call.args]) : [],
    ).toEqual([
      ["c1", "weather", { city: "Paris" }],
      ["c2", "weather", { city: "X" }],
      ["c3", "delete", {}],
    ]);
    expect(first?.content).toEqual([{ type: "reasoning", reasoning: "think" }]);
    const answers = messages
      .slice(2, 5)
      .map((message) =>
        ToolMessage.isInstance(message) ? [message.tool_call_id, message.text, message.status] : [],
      );
    expect(answers).toEqual([
      ["c1", '{"temp":18}', undefined],
      ["c2", "no city", "error"],
      ["c3", "not allowed", "error"],
    ]);
    expect(messages[5]?.text).toBe("Done");
  });

  it("keeps a user's files as image and file blocks", () => {
    const [message] = fromUIMessages([
      {
        id: "u",
        role: "user",
        parts: [
          { type: "text", text: "look" },
          { type: "file", url: "https://x/cat.png", mediaType: "image/png" },
          { type: "file", url: "data:application/pdf;base64,AA==", mediaType: "application/pdf" },
        ],
      },
    ]);
    expect(message?.content).toEqual([
      { type: "text", text: "look" },
      { type: "image", url: "https://x/cat.png", mimeType: "image/png" },
      { type: "file", url: "data:application/pdf;base64,AA==", mimeType: "application/pdf" },
    ]);
  });
});

describe("chatHandler disconnect", () => {
  it("cancels the run when the client cancels the body", async () => {
    let runSignal: AbortSignal | undefined;
    const waiting = RunnableLambda.from(async (_input: { messages: BaseMessage[] }, config) => {
      runSignal = config?.signal;
      await dispatchCustomEvent("waiting", { at: "start" });
      await new Promise((resolve) => runSignal?.addEventListener("abort", resolve));
      return "never";
    });
    const app = chatHandler(waiting);
    const response = await app.fetch(
      new Request("http://x/api/chat", {
        method: "POST",
        body: JSON.stringify({ id: "c", messages: [userMessage] }),
      }),
    );
    const reader = response.body?.getReader();
    await reader?.read(); // start
    await reader?.read(); // data-waiting: the run is inside its wait
    await reader?.cancel();
    expect(runSignal?.aborted).toBe(true);
  });
});

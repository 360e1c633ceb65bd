// Test support (not part of the public API): what the chatHandler-with-runs tests share, a held
// model, ai 6's own transport on a handler, and readers of its UI message streams.
import { DefaultChatTransport, readUIMessageStream, type UIMessage, type UIMessageChunk } from "ai";
import { AIMessage } from "rivulet";
import { FakeStreamingChatModel } from "rivulet/testing";

/** The user's turn every test sends. */
export const userMessage: UIMessage = { id: "u1", role: "user", parts: [{ type: "text", text: "hello" }] };

/** Controls of a {@link heldModel}: `held` resolves (with the model's signal) once it waits. */
export interface HeldModelState {
  held: { promise: Promise<AbortSignal | undefined>; resolve: (signal: AbortSignal | undefined) => void };
  release: () => void;
}

/** A model answering "Hello world" by character that waits before its `holdAt`th chunk until released. */
export function heldModel(holdAt: number): { model: FakeStreamingChatModel; state: HeldModelState } {
  let resolveHeld: (signal: AbortSignal | undefined) => void = () => {};
  const held = new Promise<AbortSignal | undefined>((resolve) => {
    resolveHeld = resolve;
  });
  const state: HeldModelState = {
    held: { promise: held, resolve: (signal) => resolveHeld(signal) },
    release: () => {},
  };
  let calls = 0;
  const model = new FakeStreamingChatModel({
    responses: [new AIMessage("Hello world")],
    sleep: 1,
    delay: (_ms, signal) => {
      calls += 1;
      if (calls !== holdAt) return Promise.resolve();
      state.held.resolve(signal);
      return new Promise<void>((resolve, reject) => {
        state.release = resolve;
        signal?.addEventListener("abort", () => reject(signal.reason), { once: true });
      });
    },
  });
  return { model, state };
}

/** The AI SDK's transport, posting to `app` (the way `useChat` talks to the handler). */
export function transportFor(app: {
  fetch(request: Request): Promise<Response>;
}): DefaultChatTransport<UIMessage> {
  return new DefaultChatTransport({
    api: "http://test/api/chat",
    fetch: (url, init) => app.fetch(new Request(url, init)),
  });
}

/** The message a UI message stream builds, as `useChat` would show it at the end. */
export async function lastMessage(stream: ReadableStream<UIMessageChunk>): Promise<UIMessage | undefined> {
  let last: UIMessage | undefined;
  for await (const message of readUIMessageStream({ stream, terminateOnError: true })) last = message;
  return last;
}

/** Every chunk of a UI message stream. */
export async function chunksOf(stream: ReadableStream<UIMessageChunk>): Promise<UIMessageChunk[]> {
  const chunks: UIMessageChunk[] = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/** Sends the user's turn for `chatId` through the transport. */
export function send(transport: DefaultChatTransport<UIMessage>, chatId: string) {
  return transport.sendMessages({
    chatId,
    messages: [userMessage],
    trigger: "submit-message",
    messageId: undefined,
    abortSignal: undefined,
  });
}

/** The text of a message's text parts, joined. */
export function textOf(message: UIMessage | undefined): string {
  return (message?.parts ?? []).map((part) => (part.type === "text" ? part.text : "")).join("");
}

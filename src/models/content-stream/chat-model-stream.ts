import type { AIMessage } from "../../messages/ai-message.js";
import { ChatModelStreamCore } from "./chat-model-stream-core.js";
import type { ChatModelStreamEvent } from "./chat-model-stream-event.js";
import { ReasoningContentStream } from "./reasoning-content-stream.js";
import { TextContentStream } from "./text-content-stream.js";
import { ToolCallsStream } from "./tool-calls-stream.js";
import { UsageMetadataStream } from "./usage-metadata-stream.js";

/**
 * One chat-model call as a content-block stream (`@langchain/core` 1.4's `ChatModelStream`,
 * what `model.streamEvents(input)` without a `version` returns). It is an
 * `AsyncIterable<ChatModelStreamEvent>` and a `PromiseLike<AIMessage>`, with typed views:
 * `.text`, `.reasoning`, `.toolCalls`, `.usage` and `.output`. All of them read the same call:
 * any number of readers may iterate at once and each gets every event; a reader that starts
 * after events went by first gets a compact equivalent of them (one delta per block), so the
 * stream keeps no replay buffer and a single reader holds nothing behind it. Nothing runs
 * until the first read or await; when the last reader stops early (a `break`) and nothing
 * awaits the end, the model call is cancelled and its run closed, and later reads and awaits
 * reject with an `AbortError`.
 *
 * The awaited message is assembled from the events as `@langchain/core` assembles it: the
 * finished blocks as content (standard v1 shapes), `tool_calls`, `invalid_tool_calls`, usage,
 * and `response_metadata` with `finish_reason` and `output_version: "v1"`.
 *
 * @example
 * const stream = model.streamEvents("What is the weather in Paris?");
 * for await (const delta of stream.text) process.stdout.write(delta);
 * const calls = await stream.toolCalls;
 * const message = await stream; // AIMessage
 */
export class ChatModelStream implements AsyncIterable<ChatModelStreamEvent>, PromiseLike<AIMessage> {
  readonly #core: ChatModelStreamCore;

  /** A stream over `source`'s events, read once however many readers there are. */
  constructor(source: AsyncIterable<ChatModelStreamEvent>) {
    this.#core = new ChatModelStreamCore(source);
  }

  [Symbol.asyncIterator](): AsyncIterator<ChatModelStreamEvent> {
    return this.#core.events();
  }

  /** The text: deltas when iterated, the growing text as `.full`, the whole text when awaited. */
  get text(): TextContentStream {
    return new TextContentStream(this.#core);
  }

  /** The finished tool calls as they complete, their argument slices as `.deltas`, every call when awaited. */
  get toolCalls(): ToolCallsStream {
    return new ToolCallsStream(this.#core);
  }

  /** The reasoning (thinking) text, as `.text` is for the answer. */
  get reasoning(): ReasoningContentStream {
    return new ReasoningContentStream(this.#core);
  }

  /** Usage snapshots when iterated; the final usage when awaited. */
  get usage(): UsageMetadataStream {
    return new UsageMetadataStream(this.#core);
  }

  /** The final message (the same as awaiting the stream). */
  get output(): Promise<AIMessage> {
    return this.#core.settled().then((state) => state.message());
  }

  // biome-ignore lint/suspicious/noThenProperty: awaitable by design, as @langchain/core's streams are
  then<Result = AIMessage, Failure = never>(
    onfulfilled?: ((value: AIMessage) => Result | PromiseLike<Result>) | null,
    onrejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): PromiseLike<Result | Failure> {
    return this.output.then(onfulfilled, onrejected);
  }
}

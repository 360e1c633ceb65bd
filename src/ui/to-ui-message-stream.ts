import { isAbortError } from "../errors/abort-error.js";
import type { StreamEvent } from "../events/stream-event.js";
import { uuidv7 } from "../internal/uuid-v7.js";
import type { UIMessageChunk } from "./ui-message-chunk.js";
import { UIStreamState } from "./ui-stream-state.js";

/** Options of {@link toUIMessageStream}. */
export interface ToUIMessageStreamOptions {
  /** The assistant message's id, sent in `start` (default: a fresh UUID v7). */
  messageId?: string | undefined;
  /** Send errors' own messages in `error` and `tool-output-error` chunks (default: masked, as `serve` does). */
  exposeErrors?: boolean | undefined;
  /** Told about each event that could not be shown (a tool output for a call the client never saw). */
  onDrop?: ((reason: string, event: StreamEvent) => void) | undefined;
}

/**
 * The AI SDK's UI message stream (the chunks `useChat` reads) computed from `streamEvents` v2
 * events: `start`, then per model call a step with its text and reasoning blocks
 * (start/delta/end) and its tool input streamed under the model's `toolCallId`; tool outputs
 * and errors joined to their call by `data.tool_call_id` (or the `ToolMessage`'s), a generator
 * tool's progress as preliminary output, an agent's pending approvals as
 * `tool-approval-request`, custom events as `data-<name>`, summed usage as `message-metadata`,
 * then `finish` (or `abort` when the source was cancelled; `error` with a masked text when it
 * failed). A chunk the client would reject is never sent: an output for an unknown call is
 * dropped (and reported to `onDrop`). Cancelling the returned stream closes the source.
 *
 * @example
 * const chunks = toUIMessageStream(agent.streamEvents({ messages }, { version: "v2" }));
 */
export function toUIMessageStream(
  events: AsyncIterable<StreamEvent>,
  options: ToUIMessageStreamOptions = {},
): ReadableStream<UIMessageChunk> {
  const iterator = uiMessageChunks(events, options);
  return new ReadableStream<UIMessageChunk>(
    {
      async pull(controller) {
        const step = await iterator.next();
        if (step.done === true) controller.close();
        else controller.enqueue(step.value);
      },
      async cancel() {
        await iterator.return(undefined);
      },
    },
    { highWaterMark: 0 },
  );
}

/** The same chunks as an async generator; returning it early closes the source's iterator. */
export async function* uiMessageChunks(
  events: AsyncIterable<StreamEvent>,
  options: ToUIMessageStreamOptions = {},
): AsyncGenerator<UIMessageChunk, void, undefined> {
  const state = new UIStreamState({ exposeErrors: options.exposeErrors === true, onDrop: options.onDrop });
  yield { type: "start", messageId: options.messageId ?? uuidv7() };
  try {
    for await (const event of events) yield* state.onEvent(event);
  } catch (error) {
    if (isAbortError(error)) {
      yield { type: "abort" };
      return;
    }
    yield state.errorChunk(error);
    yield { type: "finish", finishReason: "error" };
    return;
  }
  yield { type: "finish", finishReason: state.finishReason };
}

import { AbortError } from "../../errors/abort-error.js";
import type { ChatModelStreamEvent } from "./chat-model-stream-event.js";
import { ChatModelStreamState } from "./chat-model-stream-state.js";
import { EventBroadcast } from "./event-broadcast.js";

/**
 * What a `ChatModelStream` and its sub-streams share: the one read of the event source,
 * fanned out to every reader, and the state folded from it. `settled()` reads to the end
 * (once, however many awaits) and gives the final state.
 */
export class ChatModelStreamCore {
  readonly state = new ChatModelStreamState();
  readonly #broadcast: EventBroadcast<ChatModelStreamEvent>;
  #settled: Promise<ChatModelStreamState> | undefined;

  constructor(source: AsyncIterable<ChatModelStreamEvent>) {
    this.#broadcast = new EventBroadcast({
      open: () => source[Symbol.asyncIterator](),
      onItem: (event) => this.state.apply(event),
      catchUp: () => this.state.catchUp(),
      cancelledError: () =>
        new AbortError("The chat model stream was cancelled: its last reader stopped before the end"),
    });
  }

  /** A reader of every event (a compact catch-up first when events already went by). */
  events(): AsyncIterableIterator<ChatModelStreamEvent> {
    return this.#broadcast.reader();
  }

  /** The state once the whole response has been read; rejects with the stream's error. */
  settled(): Promise<ChatModelStreamState> {
    this.#settled ??= this.#broadcast.drain().then(() => this.state);
    return this.#settled;
  }
}

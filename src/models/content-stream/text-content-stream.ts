import type { ChatModelStreamCore } from "./chat-model-stream-core.js";
import type { ChatModelStreamEvent } from "./chat-model-stream-event.js";

/** The text a delta adds to the kind of content a stream follows, or undefined for other events. */
function textDeltaOf(event: ChatModelStreamEvent, kind: "text" | "reasoning"): string | undefined {
  if (event.event !== "content-block-delta") return undefined;
  const { delta } = event;
  if (kind === "text") return delta.type === "text-delta" ? delta.text : undefined;
  return delta.type === "reasoning-delta" ? delta.reasoning : undefined;
}

/**
 * The text of a chat-model stream (`stream.text`): iterate it for the text deltas as they
 * arrive, read `.full` for the growing text after each delta, or await it for the whole text.
 * Each iteration is a reader of its own, so it can run beside other readers of the stream.
 *
 * @example
 * const stream = model.streamEvents("Tell me a joke");
 * for await (const delta of stream.text) process.stdout.write(delta);
 * const message = await stream; // the same call, not a second one
 */
export class TextContentStream implements AsyncIterable<string>, PromiseLike<string> {
  /** @internal */
  protected readonly core: ChatModelStreamCore;
  /** @internal */
  protected readonly kind: "text" | "reasoning";

  /** @internal */
  constructor(core: ChatModelStreamCore, kind: "text" | "reasoning" = "text") {
    this.core = core;
    this.kind = kind;
  }

  /** The text so far after each delta. */
  get full(): AsyncIterable<string> {
    const deltas = () => this[Symbol.asyncIterator]();
    return {
      async *[Symbol.asyncIterator]() {
        let text = "";
        for await (const delta of { [Symbol.asyncIterator]: deltas }) {
          text += delta;
          yield text;
        }
      },
    };
  }

  async *[Symbol.asyncIterator](): AsyncIterator<string> {
    for await (const event of this.core.events()) {
      const delta = textDeltaOf(event, this.kind);
      if (delta !== undefined && delta !== "") yield delta;
    }
  }

  // biome-ignore lint/suspicious/noThenProperty: awaitable by design, as @langchain/core's streams are
  then<Result = string, Failure = never>(
    onfulfilled?: ((value: string) => Result | PromiseLike<Result>) | null,
    onrejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): PromiseLike<Result | Failure> {
    return this.core
      .settled()
      .then((state) => (this.kind === "text" ? state.text : state.reasoning))
      .then(onfulfilled, onrejected);
  }
}

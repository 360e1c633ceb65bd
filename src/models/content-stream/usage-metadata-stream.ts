import type { UsageMetadata } from "../../messages/usage-metadata.js";
import type { ChatModelStreamCore } from "./chat-model-stream-core.js";
import { completeUsage } from "./chat-model-stream-state.js";

/**
 * The token usage of a chat-model stream (`stream.usage`): iterate it for each usage snapshot
 * (from `message-start`, `usage` events and `message-finish`; each a running total, every
 * count present), or await it for the final usage (undefined when the model reported none).
 *
 * @example
 * const usage = await model.streamEvents("Hi").usage; // { input_tokens: 9, output_tokens: 12, total_tokens: 21 }
 */
export class UsageMetadataStream
  implements AsyncIterable<UsageMetadata>, PromiseLike<UsageMetadata | undefined>
{
  readonly #core: ChatModelStreamCore;

  /** @internal */
  constructor(core: ChatModelStreamCore) {
    this.#core = core;
  }

  async *[Symbol.asyncIterator](): AsyncIterator<UsageMetadata> {
    for await (const event of this.#core.events()) {
      if (event.event === "usage") yield completeUsage(event.usage);
      else if (
        (event.event === "message-start" || event.event === "message-finish") &&
        event.usage !== undefined
      ) {
        yield completeUsage(event.usage);
      }
    }
  }

  // biome-ignore lint/suspicious/noThenProperty: awaitable by design, as @langchain/core's streams are
  then<Result = UsageMetadata | undefined, Failure = never>(
    onfulfilled?: ((value: UsageMetadata | undefined) => Result | PromiseLike<Result>) | null,
    onrejected?: ((reason: unknown) => Failure | PromiseLike<Failure>) | null,
  ): PromiseLike<Result | Failure> {
    return this.#core
      .settled()
      .then((state) => state.usage)
      .then(onfulfilled, onrejected);
  }
}

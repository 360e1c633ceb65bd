import type { ChatModelStreamCore } from "./chat-model-stream-core.js";
import { TextContentStream } from "./text-content-stream.js";

/**
 * The reasoning of a chat-model stream (`stream.reasoning`: OpenAI-compatible
 * `reasoning_content`, Anthropic's and Ollama's thinking): the same interface as
 * {@link TextContentStream}, over `reasoning-delta`s. It follows every reasoning block of the
 * response, in order.
 *
 * @example
 * for await (const thought of model.streamEvents("Why is the sky blue?").reasoning) process.stdout.write(thought);
 */
export class ReasoningContentStream extends TextContentStream {
  /** @internal */
  constructor(core: ChatModelStreamCore) {
    super(core, "reasoning");
  }
}

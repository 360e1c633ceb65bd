import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseChatModel } from "./base-chat-model.js";
import type { CallbackManagerForLLMRun } from "./callback-manager-for-llm-run.js";
import type { ChatModelCallOptions } from "./chat-model-call-options.js";
import type { ChatResult } from "./chat-result.js";

/**
 * The simplest custom chat model, as in `@langchain/core`: implement `_llmType` and `_call`,
 * which answers the messages with a string; the answer streams as one chunk. Implement
 * `_streamResponseChunks` too (yielding `ChatGenerationChunk`s) to stream it in pieces:
 * `stream()` and observed calls then use it, an unobserved `invoke` still uses `_call`.
 *
 * @example
 * class FirstLetters extends SimpleChatModel {
 *   _llmType() { return "first-letters"; }
 *   async _call(messages: BaseMessage[]) { return messages.at(-1)!.text.slice(0, 3); }
 * }
 * await new FirstLetters().invoke("hello"); // AIMessageChunk { content: "hel" }
 */
export abstract class SimpleChatModel<
  CallOptions extends ChatModelCallOptions = ChatModelCallOptions,
> extends BaseChatModel<CallOptions> {
  /** Answers `messages` with a string. */
  abstract _call(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<string>;

  override async _generate(
    messages: BaseMessage[],
    options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): Promise<ChatResult> {
    const text = await this._call(messages, options, runManager);
    return { generations: [{ text, message: new AIMessage(text) }] };
  }
}

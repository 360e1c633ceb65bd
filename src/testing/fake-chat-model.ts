import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseChatModel } from "../models/base-chat-model.js";
import type { BaseChatModelParams } from "../models/base-chat-model-fields.js";
import type { ChatModelCallOptions } from "../models/chat-model-call-options.js";

/** A message's content as the fake echoes it: a string as is, content blocks as indented JSON. */
function echoedContent(message: BaseMessage): string {
  return typeof message.content === "string" ? message.content : JSON.stringify(message.content, null, 2);
}

/**
 * An offline chat model that echoes its input, as `@langchain/core`'s `FakeChatModel` does: the
 * contents of all the messages joined with newlines, in one chunk; with `stop` sequences, the
 * first stop sequence instead.
 *
 * @example
 * await new FakeChatModel().invoke([["system", "Be brief"], ["human", "hi"]]); // content "Be brief\nhi"
 */
export class FakeChatModel extends BaseChatModel {
  constructor(fields: BaseChatModelParams = {}) {
    super(fields);
  }

  _llmType(): string {
    return "fake";
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatModelCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const stop = options.stop?.[0];
    yield new AIMessageChunk(stop ?? messages.map(echoedContent).join("\n"));
  }
}

import { AIMessageChunk, BaseChatModel, type BaseMessage, type ChatModelCallOptions } from "rivulet";
import { describe, expect, it } from "vitest";

class StopRecorder extends BaseChatModel {
  readonly seen: (string[] | undefined)[] = [];
  _llmType(): string {
    return "stop-recorder";
  }
  override async *_streamChunks(_messages: BaseMessage[], options: ChatModelCallOptions) {
    this.seen.push(options.stop);
    yield new AIMessageChunk("ok");
  }
}

describe("chat model call options", () => {
  it("stop given to invoke or stream reaches the model call", async () => {
    const model = new StopRecorder();
    await model.invoke("hi", { stop: ["\n"] });
    for await (const _ of await model.stream("hi", { stop: ["END"] })) {
      // drain
    }
    expect(model.seen).toEqual([["\n"], ["END"]]);
  });
});

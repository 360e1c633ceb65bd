import {
  AIMessageChunk,
  BaseChatModel,
  type BaseLanguageModelInput,
  type BaseMessage,
  type ChatModelCallOptions,
  type Runnable,
  SimpleChatModel,
  type StructuredOutputRunnable,
} from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";

interface ShoutOptions extends ChatModelCallOptions {
  volume?: number;
}

class Shout extends SimpleChatModel<ShoutOptions> {
  _llmType() {
    return "shout";
  }
  async _call(messages: BaseMessage[], options: this["ParsedCallOptions"]): Promise<string> {
    expectTypeOf(options.volume).toEqualTypeOf<number | undefined>();
    expectTypeOf(options.tools).not.toBeAny();
    return messages.at(-1)?.text.toUpperCase() ?? "";
  }
}

class Plain extends BaseChatModel {
  _llmType() {
    return "plain";
  }
  override async *_streamChunks(): AsyncIterable<AIMessageChunk> {
    yield new AIMessageChunk("x");
  }
}

describe("custom models' types", () => {
  it("take their own call options and give typed structured output from the base class", () => {
    const Trip = z.object({ city: z.string(), days: z.number() });
    const structured = new Plain().withStructuredOutput(Trip);
    expectTypeOf(structured).toEqualTypeOf<StructuredOutputRunnable<{ city: string; days: number }>>();
    expectTypeOf(structured.invoke).returns.resolves.toEqualTypeOf<{ city: string; days: number }>();
    expectTypeOf(new Shout().invoke).parameter(1).toEqualTypeOf<ShoutOptions | undefined>();
    expectTypeOf(new Shout().bindTools([])).toEqualTypeOf<
      Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk>
    >();
  });
});

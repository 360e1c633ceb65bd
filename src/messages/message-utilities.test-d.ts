import type { BaseMessage, Runnable, StandardContentBlock } from "rivulet";
import { filterMessages, HumanMessage, mergeMessageRuns, trimMessages } from "rivulet";
import { describe, expectTypeOf, it } from "vitest";

const messages: BaseMessage[] = [new HumanMessage("hi")];
const counter = (list: BaseMessage[]): number => list.length;

describe("message utility types", () => {
  it("give arrays when given messages and Runnables when given only options", () => {
    expectTypeOf(filterMessages(messages, { includeTypes: ["human"] })).toEqualTypeOf<BaseMessage[]>();
    expectTypeOf(filterMessages({ excludeTypes: [HumanMessage] })).toEqualTypeOf<
      Runnable<BaseMessage[], BaseMessage[]>
    >();
    expectTypeOf(mergeMessageRuns(messages)).toEqualTypeOf<BaseMessage[]>();
    expectTypeOf(mergeMessageRuns()).toEqualTypeOf<Runnable<BaseMessage[], BaseMessage[]>>();
    expectTypeOf(trimMessages(messages, { maxTokens: 1, tokenCounter: counter })).toEqualTypeOf<
      Promise<BaseMessage[]>
    >();
    expectTypeOf(trimMessages({ maxTokens: 1, tokenCounter: counter })).toEqualTypeOf<
      Runnable<BaseMessage[], BaseMessage[]>
    >();
  });

  it("reject unknown kinds and strategies", () => {
    // @ts-expect-error: "user" is a role, not a message type
    filterMessages(messages, { includeTypes: ["user"] });
    // @ts-expect-error: not a strategy
    trimMessages(messages, { maxTokens: 1, tokenCounter: counter, strategy: "middle" });
  });

  it("type contentBlocks as a union narrowed on type", () => {
    const block = new HumanMessage("hi").contentBlocks[0];
    expectTypeOf(block).toEqualTypeOf<StandardContentBlock | undefined>();
    if (block?.type === "tool_call") expectTypeOf(block.args).toEqualTypeOf<Record<string, unknown>>();
    if (block?.type === "reasoning") expectTypeOf(block.reasoning).toBeString();
  });
});

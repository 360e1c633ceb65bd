import { AIMessage, BaseLLM, ChatPromptTemplate, HumanMessage, RunnableLambda } from "rivulet";
import { describe, expect, it } from "vitest";

/** An LLM that answers with the prompt it was given. */
class EchoLLM extends BaseLLM {
  _llmType(): string {
    return "echo";
  }
  async *_streamText(prompt: string): AsyncIterable<string> {
    yield prompt;
  }
}

describe("BaseLLM given chat messages", () => {
  it("prompts with their transcript (Human: ... / AI: ...), as @langchain/core does", async () => {
    const llm = new EchoLLM();
    // @langchain/core 1.4's LLMs are prompted with exactly these strings.
    expect(await llm.invoke([new HumanMessage("hi"), new AIMessage("hello")])).toBe("Human: hi\nAI: hello");
    expect(
      await llm.invoke([
        ["human", "x"],
        ["ai", "y"],
      ]),
    ).toBe("Human: x\nAI: y");
    const value = await ChatPromptTemplate.fromMessages([
      ["system", "Be {mood}."],
      ["human", "{q}"],
    ]).invoke({
      mood: "kind",
      q: "why?",
    });
    expect(await llm.invoke(value)).toBe("System: Be kind.\nHuman: why?");
    expect(await llm.invoke("plain")).toBe("plain");
  });

  it("shows that one prompt in the events of a nested run", async () => {
    const messages = RunnableLambda.from(() => [new HumanMessage("hi"), new AIMessage("hello")], {
      name: "history",
    });
    const events = [];
    for await (const event of messages.pipe(new EchoLLM()).streamEvents("x", { version: "v2" }))
      events.push(event);
    const start = events.find((e) => e.event === "on_llm_start");
    // @langchain/core 1.4 shows the same input for the same chain.
    expect(start?.data).toEqual({ input: { prompts: ["Human: hi\nAI: hello"] } });
  });
});

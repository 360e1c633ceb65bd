import { AIMessageChunk } from "rivulet";
import { FakeStreamingChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";

describe("FakeStreamingChatModel", () => {
  it("yields exactly the scripted chunks, name and metadata included, without changing them", async () => {
    const scripted = [
      new AIMessageChunk({ content: "Hi", name: "bot", response_metadata: { a: 1 } }),
      new AIMessageChunk({ content: "!", tool_call_chunks: [{ index: 0, id: "c", name: "f", args: "{}" }] }),
    ];
    const model = new FakeStreamingChatModel({ chunks: scripted });
    const chunks: AIMessageChunk[] = [];
    for await (const chunk of await model.stream("x")) chunks.push(chunk);
    expect(chunks.map((c) => c.text)).toEqual(["Hi", "!"]);
    expect(chunks[0]?.name).toBe("bot");
    expect(chunks[0]?.response_metadata).toEqual({ a: 1 });
    expect(chunks[1]?.tool_calls).toEqual([{ name: "f", args: {}, id: "c", type: "tool_call" }]);
    expect((await model.invoke("x")).name).toBe("bot");
    expect(scripted[0]?.id).toBeUndefined(); // the base class stamps ids on copies, not on the script
  });
});

import { coerceMessageLikeToMessage, HumanMessage } from "rivulet";
import { ChatOpenAI } from "rivulet/providers/openai";
import { describe, expect, it } from "vitest";

describe("ChatOpenAI and the developer role", () => {
  it("sends a coerced 'developer' message back with the developer role", () => {
    const developer = coerceMessageLikeToMessage({ role: "developer", content: "Be terse." });
    const model = new ChatOpenAI({ apiKey: "sk-test", model: "o3-mini" });
    const body = model.requestBody([developer, new HumanMessage("hi")]) as { messages: { role: string }[] };
    expect(body.messages[0]).toEqual({ role: "developer", content: "Be terse." });
    expect(body.messages[1]).toEqual({ role: "user", content: "hi" });
  });
});

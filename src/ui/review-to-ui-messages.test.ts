// Review: a history holding an empty user or system message still passes the AI SDK's validation.
import { validateUIMessages } from "ai";
import { AIMessage, HumanMessage, SystemMessage } from "rivulet";
import { fromUIMessages, toUIMessages } from "rivulet/ui";
import { describe, expect, it } from "vitest";

describe("toUIMessages", () => {
  it("gives an empty user or system message a part, so validateUIMessages accepts the history", async () => {
    const history = [
      new SystemMessage(""),
      new HumanMessage(""),
      new AIMessage("Anything else?"),
      new HumanMessage({ content: [{ type: "text", text: "" }] }),
    ];
    const ui = toUIMessages(history, { generateId: () => "id" });
    expect(ui.map((message) => message.parts.length > 0)).toEqual([true, true, true, true]);
    await expect(validateUIMessages({ messages: ui })).resolves.toBeDefined();
    expect(fromUIMessages(ui).map((message) => [message.getType(), message.text])).toEqual([
      ["system", ""],
      ["human", ""],
      ["ai", "Anything else?"],
      ["human", ""],
    ]);
  });
});

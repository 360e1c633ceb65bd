// toUIMessages turns a Rivulet history into the UI messages useChat shows: one assistant message
// per run of model and tool messages, tool parts joined to their answers by call id. The AI SDK's
// own validator accepts them, and fromUIMessages reads them back to the same history.
import { convertToModelMessages, validateUIMessages } from "ai";
import {
  AIMessage,
  HumanMessage,
  InvalidInputError,
  RemoveMessage,
  SystemMessage,
  ToolMessage,
} from "rivulet";
import { fromUIMessages, toUIMessages } from "rivulet/ui";
import { describe, expect, it } from "vitest";

function counter(): () => string {
  let next = 0;
  return () => `gen-${++next}`;
}

const history = [
  new SystemMessage({ content: "Be brief.", id: "s1" }),
  new HumanMessage({
    content: [
      { type: "text", text: "Weather in Paris and Rome? See the map." },
      { type: "image", url: "https://example.test/map.png", mimeType: "image/png" },
    ],
    id: "u1",
  }),
  new AIMessage({
    content: [
      { type: "reasoning", reasoning: "Two cities, two calls." },
      { type: "text", text: "Checking." },
    ],
    tool_calls: [
      { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" },
      { name: "weather", args: { city: "Rome" }, id: "call_2", type: "tool_call" },
    ],
    id: "a1",
  }),
  new ToolMessage({ content: "18C", tool_call_id: "call_1", name: "weather" }),
  new ToolMessage({ content: "Service down", tool_call_id: "call_2", name: "weather", status: "error" }),
  new AIMessage({ content: "Paris is 18C; Rome is unknown.", id: "a2" }),
  new HumanMessage({ content: "Thanks", id: "u2" }),
];

describe("toUIMessages", () => {
  it("folds model and tool messages into one assistant message with steps and tool parts", () => {
    expect(toUIMessages(history, { generateId: counter() })).toEqual([
      { id: "s1", role: "system", parts: [{ type: "text", text: "Be brief.", state: "done" }] },
      {
        id: "u1",
        role: "user",
        parts: [
          { type: "text", text: "Weather in Paris and Rome? See the map.", state: "done" },
          { type: "file", mediaType: "image/png", url: "https://example.test/map.png" },
        ],
      },
      {
        id: "a1",
        role: "assistant",
        parts: [
          { type: "step-start" },
          { type: "reasoning", text: "Two cities, two calls.", state: "done" },
          { type: "text", text: "Checking.", state: "done" },
          {
            type: "tool-weather",
            toolCallId: "call_1",
            state: "output-available",
            input: { city: "Paris" },
            output: "18C",
          },
          {
            type: "tool-weather",
            toolCallId: "call_2",
            state: "output-error",
            input: { city: "Rome" },
            errorText: "Service down",
          },
          { type: "step-start" },
          { type: "text", text: "Paris is 18C; Rome is unknown.", state: "done" },
        ],
      },
      { id: "u2", role: "user", parts: [{ type: "text", text: "Thanks", state: "done" }] },
    ]);
  });

  it("gives what the AI SDK's own validator and model-message converter accept", async () => {
    const messages = toUIMessages(history, { generateId: counter() });
    await expect(validateUIMessages({ messages })).resolves.toHaveLength(4);
    const modelMessages = await convertToModelMessages(messages);
    expect(modelMessages.map((message) => message.role)).toEqual([
      "system",
      "user",
      "assistant",
      "tool",
      "assistant",
      "user",
    ]);
  });

  it("reads back through fromUIMessages to the same conversation", () => {
    const back = fromUIMessages(toUIMessages(history, { generateId: counter() }));
    const summary = (messages: typeof history) =>
      messages.map((message) => ({
        type: message.getType(),
        text: message.text,
        calls: Reflect.get(message, "tool_calls"),
        answers: Reflect.get(message, "tool_call_id"),
        status: Reflect.get(message, "status"),
      }));
    expect(summary(back)).toEqual(summary(history));
  });

  it("keeps an answer whose call is not in the history as a dynamic tool part", () => {
    const [assistant] = toUIMessages(
      [new ToolMessage({ content: "ok", tool_call_id: "call_9", name: "lookup" })],
      {
        generateId: counter(),
      },
    );
    expect(assistant?.parts).toEqual([
      {
        type: "dynamic-tool",
        toolName: "lookup",
        toolCallId: "call_9",
        state: "output-available",
        input: {},
        output: "ok",
      },
    ]);
  });

  it("writes an invalid tool call as an errored tool part with the raw arguments", () => {
    const [assistant] = toUIMessages(
      [
        new AIMessage({
          content: "",
          invalid_tool_calls: [
            { name: "weather", args: '{"city":', id: "call_3", error: "bad JSON", type: "invalid_tool_call" },
          ],
        }),
      ],
      { generateId: counter() },
    );
    expect(assistant?.parts).toContainEqual({
      type: "tool-weather",
      toolCallId: "call_3",
      state: "output-error",
      input: '{"city":',
      errorText: "bad JSON",
    });
  });

  it("refuses a message kind a UI message cannot hold, naming it", () => {
    expect(() => toUIMessages([new HumanMessage("hi"), new RemoveMessage({ id: "x" })])).toThrow(
      InvalidInputError,
    );
    expect(() => toUIMessages([new HumanMessage("hi"), new RemoveMessage({ id: "x" })])).toThrow(
      /message 1 is a remove message/,
    );
  });
});

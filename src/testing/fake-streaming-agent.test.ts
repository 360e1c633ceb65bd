// An agent loop unit-tested offline: a scripted FakeStreamingChatModel calls a FakeTool, gets
// its ToolMessage back and answers; withStructuredOutput answers through a scripted tool call.
import { AIMessage, type BaseMessage, HumanMessage, isAIMessageChunk, type ToolCall } from "rivulet";
import { FakeStreamingChatModel, FakeTool, scriptedResponseChunks, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const weather = new FakeTool<{ city: string }>({
  name: "weather",
  description: "Weather in a city",
  schema: z.object({ city: z.string() }),
});

const script = () => [
  new AIMessage({
    content: "",
    tool_calls: [{ name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" }],
  }),
  new AIMessage("It is sunny in Paris."),
];

describe("FakeStreamingChatModel with scripted responses", () => {
  it("drives a tool-calling loop to its final answer", async () => {
    const model = new FakeStreamingChatModel({ responses: script() }).bindTools([weather]);
    const messages: BaseMessage[] = [new HumanMessage("Weather in Paris?")];
    const tools = new Map([[weather.name, weather]]);
    for (let turn = 0; turn < 5; turn++) {
      const reply = await model.invoke(messages);
      messages.push(reply);
      if (reply.tool_calls.length === 0) break;
      for (const call of reply.tool_calls) {
        const toolCall: ToolCall = { ...call, type: "tool_call" };
        messages.push(await tools.get(call.name)!.invoke(toolCall));
      }
    }
    expect(messages.map((message) => [message.getType(), message.text])).toEqual([
      ["human", "Weather in Paris?"],
      ["ai", ""],
      ["tool", '{"city":"Paris"}'],
      ["ai", "It is sunny in Paris."],
    ]);
    expect(messages[1] !== undefined && isAIMessageChunk(messages[1]) && messages[1].tool_calls).toEqual([
      { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" },
    ]);
  });

  it("streams a text response by character and a tool call as fragments", async () => {
    const model = new FakeStreamingChatModel({ responses: [new AIMessage("Hi"), script()[0]!] });
    const text = await toArray(model.stream("x"));
    expect(text.map((chunk) => chunk.content)).toEqual(["H", "i", ""]);
    const call = await toArray(model.stream("x"));
    expect(call.at(-1)?.tool_call_chunks).toEqual([
      { index: 0, id: "call_1", name: "weather", args: '{"city":"Paris"}', type: "tool_call_chunk" },
    ]);
    expect((await model.invoke("x")).text).toBe("Hi"); // responses cycle
  });

  it("echoes the first message without chunks or responses, and fails with thrownErrorString", async () => {
    expect((await new FakeStreamingChatModel({}).invoke([["human", "echo"]])).text).toBe("echo");
    await expect(new FakeStreamingChatModel({ thrownErrorString: "down" }).invoke("x")).rejects.toThrow(
      "down",
    );
  });

  it("withStructuredOutput answers from a scripted call of the schema's tool", async () => {
    const Trip = z.object({ city: z.string(), days: z.number() });
    const model = new FakeStreamingChatModel({
      responses: [
        new AIMessage({
          content: "",
          tool_calls: [{ name: "trip", args: { city: "Rome", days: 4 }, id: "c1", type: "tool_call" }],
        }),
      ],
    });
    expect(await model.withStructuredOutput(Trip, { name: "trip" }).invoke("Plan")).toEqual({
      city: "Rome",
      days: 4,
    });
  });

  it("scriptedResponseChunks folds back to the message", () => {
    const message = script()[0]!;
    const chunks = scriptedResponseChunks(message);
    const folded = chunks.reduce((all, chunk) => all.concat(chunk));
    expect(folded.tool_calls).toEqual(message.tool_calls);
  });
});

describe("scripting fragmented tool calls", () => {
  const twoCalls = new AIMessage({
    content: "",
    tool_calls: [
      { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" },
      { name: "weather", args: { city: "Rome" }, id: "call_2", type: "tool_call" },
    ],
    usage_metadata: { input_tokens: 3, output_tokens: 2, total_tokens: 5 },
  });

  it("scriptedResponseChunks splits each call's arguments into fragments that fold back to the calls", () => {
    const chunks = scriptedResponseChunks(twoCalls, { argumentsFragmentLength: 5 });
    expect(
      chunks.map((chunk) =>
        chunk.tool_call_chunks.map((fragment) => [fragment.index, fragment.id, fragment.args]),
      ),
    ).toEqual([
      [[0, "call_1", '{"cit']],
      [[0, undefined, 'y":"P']],
      [[0, undefined, 'aris"']],
      [[0, undefined, "}"]],
      [[1, "call_2", '{"cit']],
      [[1, undefined, 'y":"R']],
      [[1, undefined, 'ome"}']],
      [],
    ]);
    const folded = chunks.reduce((all, chunk) => all.concat(chunk));
    expect(folded.tool_calls).toEqual(twoCalls.tool_calls);
    expect(folded.usage_metadata).toEqual(twoCalls.usage_metadata);
    expect(() => scriptedResponseChunks(twoCalls, { argumentsFragmentLength: 0 })).toThrow(
      /argumentsFragmentLength/,
    );
  });

  it("chunkTurns streams each call's chunks in turn, cycling", async () => {
    const model = new FakeStreamingChatModel({
      chunkTurns: [
        scriptedResponseChunks(twoCalls, { argumentsFragmentLength: 8 }),
        scriptedResponseChunks(new AIMessage("ok")),
      ],
    });
    expect((await model.invoke("x")).tool_calls).toEqual(twoCalls.tool_calls);
    expect((await model.invoke("x")).text).toBe("ok");
    expect((await model.invoke("x")).tool_calls).toHaveLength(2);
    expect(
      () => new FakeStreamingChatModel({ chunkTurns: [scriptedResponseChunks(twoCalls), "x" as never] }),
    ).toThrow(/chunkTurns/);
  });
});

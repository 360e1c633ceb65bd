// Test support (not part of the public API): the recorded agent run the durable-run tests replay.
import { AIMessage, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { FakeStreamingChatModel } from "rivulet/testing";
import { z } from "zod";

/** An agent on the offline fake: two parallel weather calls, then an answer. */
export function weatherAgent() {
  const weather = tool(({ city }) => `18°C in ${city}`, {
    name: "weather",
    description: "Current weather in a city",
    schema: z.object({ city: z.string() }),
  });
  const calls = [
    { name: "weather", args: { city: "Paris" }, id: "call_1", type: "tool_call" as const },
    { name: "weather", args: { city: "Oslo" }, id: "call_2", type: "tool_call" as const },
  ];
  const model = new FakeStreamingChatModel({
    responses: [
      new AIMessage({ content: "", tool_calls: calls }),
      new AIMessage({ content: "Mild in both." }),
    ],
  });
  return createAgent({ model, tools: [weather] });
}

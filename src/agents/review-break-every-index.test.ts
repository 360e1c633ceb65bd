// Review: breaking out of `for await` at every index of every stream (each stream mode, the
// modes together, streamEvents) leaves no run open and no unhandled rejection.
import { AIMessage, tool } from "rivulet";
import { type AgentToolConfig, createAgent } from "rivulet/agents";
import { FakeStreamingChatModel, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const weather = tool(
  ({ city }, config: AgentToolConfig) => {
    config.writer?.({ type: "progress", city });
    return `18°C in ${city}`;
  },
  { name: "weather", description: "Weather", schema: z.object({ city: z.string() }) },
);

const agentOf = () =>
  createAgent({
    model: new FakeStreamingChatModel({
      responses: [
        new AIMessage({
          content: "",
          tool_calls: [
            { id: "c1", name: "weather", args: { city: "Oslo" }, type: "tool_call" },
            { id: "c2", name: "weather", args: { city: "Rome" }, type: "tool_call" },
          ],
        }),
        new AIMessage("Hi there"),
      ],
    }),
    tools: [weather],
  });

const input = { messages: ["Weather?"] };
const modes = ["updates", "messages", "values", "custom", ["values", "messages", "custom"]] as const;

describe("breaking out at every index", () => {
  for (const streamMode of modes) {
    it(`stream ${JSON.stringify(streamMode)}`, async () => {
      const total = (await toArray(await agentOf().stream(input, { streamMode: [...[streamMode].flat()] })))
        .length;
      expect(total).toBeGreaterThan(1);
      for (let stopAt = 0; stopAt < total; stopAt++) {
        const recorder = new RunRecorder();
        let seen = 0;
        const stream = await agentOf().stream(input, {
          streamMode: [...[streamMode].flat()],
          callbacks: [recorder],
        });
        for await (const _chunk of stream) {
          if (seen++ === stopAt) break;
        }
        expect(recorder.openRuns(), `break at ${stopAt}`).toEqual([]);
      }
    });
  }

  it("streamEvents", async () => {
    const total = (await toArray(agentOf().streamEvents(input, { version: "v2" }))).length;
    for (let stopAt = 0; stopAt < total; stopAt++) {
      const recorder = new RunRecorder();
      let seen = 0;
      for await (const _event of agentOf().streamEvents(input, { version: "v2", callbacks: [recorder] })) {
        if (seen++ === stopAt) break;
      }
      expect(recorder.openRuns(), `break at ${stopAt}`).toEqual([]);
    }
  });
});

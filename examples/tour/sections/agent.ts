import { AIMessageChunk, type StreamEvent, tool } from "rivulet";
import { type AgentInput, createAgent } from "rivulet/agents";
import { FakeStreamingChatModel } from "rivulet/testing";
import { z } from "zod";
import type { TourSection } from "../tour-context.js";

const TEMPERATURES: Readonly<Record<string, string>> = { Paris: "18°C and sunny", Rome: "24°C and clear" };

const weather = tool(({ city }: { city: string }) => TEMPERATURES[city] ?? "unknown", {
  name: "weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string() }),
});

function fragment(index: number, args: string, id?: string): AIMessageChunk {
  return new AIMessageChunk({
    content: "",
    tool_call_chunks: [id === undefined ? { index, args } : { index, id, name: "weather", args }],
  });
}

/**
 * The offline model's two turns: first two parallel calls whose arguments arrive in fragments (as
 * OpenAI streams them), then an answer from the tools' results, streamed word by word.
 */
function agentModel(): FakeStreamingChatModel {
  const words = "Paris is 18°C and sunny; Rome is 24°C and clear.".split(/(?= )/);
  return new FakeStreamingChatModel({
    model: "rivulet-offline-1",
    chunkTurns: [
      [
        fragment(0, '{"ci', "call_paris"),
        fragment(1, '{"city": "Ro', "call_rome"),
        fragment(0, 'ty": "Paris"}'),
        fragment(1, 'me"}'),
        new AIMessageChunk({
          content: "",
          response_metadata: { finish_reason: "tool_calls" },
          usage_metadata: { input_tokens: 24, output_tokens: 18, total_tokens: 42 },
        }),
      ],
      [
        ...words.map((word) => new AIMessageChunk(word)),
        new AIMessageChunk({
          content: "",
          response_metadata: { finish_reason: "stop" },
          usage_metadata: { input_tokens: 61, output_tokens: 14, total_tokens: 75 },
        }),
      ],
    ],
  });
}

/** One agent event on one line: what a UI showing the agent at work would render. */
function describe(event: StreamEvent): string | undefined {
  const data: unknown = event.data;
  const field = (name: string): unknown =>
    typeof data === "object" && data !== null ? Reflect.get(data, name) : undefined;
  const step = event.metadata.agent_step;
  switch (event.event) {
    case "on_chat_model_start":
      return `step ${String(step)}: model call`;
    case "on_chat_model_stream": {
      const chunk = field("chunk");
      if (!AIMessageChunk.isInstance(chunk)) return undefined;
      const fragments = (chunk.tool_call_chunks ?? []).map(
        (call) => `[call #${call.index} args ${JSON.stringify(call.args)}]`,
      );
      return chunk.text !== ""
        ? `  token ${JSON.stringify(chunk.text)}`
        : fragments.length > 0
          ? `  ${fragments.join(" ")}`
          : undefined;
    }
    case "on_tool_start":
      return `step ${String(step)}: ${event.name}(${JSON.stringify(field("input"))}) for ${String(field("tool_call_id"))}`;
    case "on_tool_end": {
      const output = field("output");
      const content = typeof output === "object" && output !== null ? Reflect.get(output, "content") : output;
      return `  ${String(field("tool_call_id"))} -> ${JSON.stringify(content)}`;
    }
    case "on_chain_end":
      return event.parent_ids.length === 0 ? "agent done" : undefined;
    default:
      return undefined;
  }
}

/** An agent whose every step streams: tokens, tool-call arguments, each tool with its call id. */
export const agent: TourSection = {
  id: "agent",
  title: "Agents: createAgent, every step visible in streamEvents",
  async run({ out }) {
    out.code('const agent = createAgent({ model, tools: [weather], systemPrompt: "Answer briefly." })');
    out.code(
      'for await (const event of agent.streamEvents({ messages: [["user", "Weather in Paris and Rome?"]] }, { version: "v2" }))',
    );
    const runnable = createAgent({ model: agentModel(), tools: [weather], systemPrompt: "Answer briefly." });
    const input: AgentInput = { messages: [["user", "Weather in Paris and Rome?"]] };
    let midLine = false;
    for await (const event of runnable.streamEvents(input, { version: "v2" })) {
      const chunk: unknown =
        event.event === "on_chat_model_stream" ? Reflect.get(Object(event.data), "chunk") : undefined;
      if (AIMessageChunk.isInstance(chunk) && chunk.text !== "") {
        if (!midLine) out.token("  tokens: ", "");
        out.token(chunk.text);
        midLine = true;
        continue;
      }
      const line = describe(event);
      if (line === undefined) continue;
      if (midLine) out.line();
      midLine = false;
      out.line(line);
    }
    out.step("The same agent invoked: the whole history, every call answered in call order");
    const output = await createAgent({
      model: agentModel(),
      tools: [weather],
      systemPrompt: "Answer briefly.",
    }).invoke(input);
    for (const message of output.messages) {
      const calls = Reflect.get(message, "tool_calls");
      const callText =
        Array.isArray(calls) && calls.length > 0
          ? ` tool_calls=${calls.map((call) => Reflect.get(call, "id")).join(",")}`
          : "";
      out.line(`${message.getType().padEnd(6)} ${JSON.stringify(message.text)}${callText}`);
    }
  },
};

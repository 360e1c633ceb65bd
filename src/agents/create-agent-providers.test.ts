// The same agent on each provider's recorded wire answers (docs/agents.md): a reply with two
// parallel tool calls streamed in fragments, then a text answer, through the `fetch` seam. The
// tool runs carry the provider's call ids, and the second request sends the calls and their
// results back in the provider's own format.
import { readFileSync } from "node:fs";
import { type BaseChatModel, type StreamEvent, tool } from "rivulet";
import { createAgent } from "rivulet/agents";
import { ChatAnthropic } from "rivulet/providers/anthropic";
import { ChatOllama } from "rivulet/providers/ollama";
import { ChatOpenAI } from "rivulet/providers/openai";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

const fixture = (provider: string, name: string) =>
  readFileSync(new URL(`../providers/${provider}/fixtures/${name}`, import.meta.url), "utf8");

/** A `fetch` that answers each request with the next recorded body and keeps the request bodies. */
function replay(bodies: string[], contentType: string) {
  const requests: unknown[] = [];
  const fetch = async (_url: string, init: RequestInit): Promise<Response> => {
    requests.push(JSON.parse(String(init.body)));
    const body = bodies.shift();
    if (body === undefined) throw new Error("no recorded answer left");
    return new Response(body, { status: 200, headers: { "content-type": contentType } });
  };
  return { fetch, requests };
}

const getWeather = tool(({ city }) => `18°C in ${city}`, {
  name: "get_weather",
  description: "Current weather in a city",
  schema: z.object({ city: z.string() }),
});

interface ProviderCase {
  name: string;
  make(fetch: ReturnType<typeof replay>["fetch"]): BaseChatModel;
  files: [string, string];
  contentType: string;
  /** What the second request must contain: the calls and their answers, in the provider's format. */
  secondRequest(ids: string[]): object;
}

const cases: ProviderCase[] = [
  {
    name: "openai",
    make: (fetch) => new ChatOpenAI({ apiKey: "sk-test", model: "gpt-4o-mini", fetch, maxRetries: 0 }),
    files: ["tool-calls.sse", "text.sse"],
    contentType: "text/event-stream",
    secondRequest: ([paris, tokyo]) => ({
      messages: [
        { role: "user" },
        { role: "assistant", tool_calls: [{ id: paris }, { id: tokyo }] },
        { role: "tool", tool_call_id: paris, content: "18°C in Paris" },
        { role: "tool", tool_call_id: tokyo, content: "18°C in Tōkyō" },
      ],
    }),
  },
  {
    name: "anthropic",
    make: (fetch) =>
      new ChatAnthropic({ apiKey: "sk-ant-test", model: "claude-sonnet-4-5", fetch, maxRetries: 0 }),
    files: ["tool-calls.sse", "text.sse"],
    contentType: "text/event-stream",
    secondRequest: ([paris, tokyo]) => ({
      messages: [
        { role: "user" },
        {
          role: "assistant",
          content: [{ type: "text" }, { type: "tool_use", id: paris }, { type: "tool_use", id: tokyo }],
        },
        {
          role: "user",
          content: [
            { type: "tool_result", tool_use_id: paris },
            { type: "tool_result", tool_use_id: tokyo },
          ],
        },
      ],
    }),
  },
  {
    name: "ollama",
    make: (fetch) => new ChatOllama({ model: "llama3.2", fetch, maxRetries: 0 }),
    files: ["tool-calls.ndjson", "text.ndjson"],
    contentType: "application/x-ndjson",
    secondRequest: () => ({
      messages: [
        { role: "user" },
        {
          role: "assistant",
          tool_calls: [{ function: { name: "get_weather" } }, { function: { name: "get_weather" } }],
        },
        { role: "tool", content: "18°C in Paris" },
        { role: "tool", content: "18°C in Tōkyō" },
      ],
    }),
  },
];

function toolStarts(events: StreamEvent[]) {
  return events.flatMap((event) =>
    event.event === "on_tool_start" ? [{ id: event.data.tool_call_id, input: event.data.input }] : [],
  );
}

describe.each(cases)("createAgent on $name's recorded answers", (providerCase) => {
  it("runs both calls as tool runs with the provider's ids and answers with the text", async () => {
    const { fetch, requests } = replay(
      providerCase.files.map((file) => fixture(providerCase.name, file)),
      providerCase.contentType,
    );
    const agent = createAgent({ model: providerCase.make(fetch), tools: [getWeather] });
    const recorder = new RunRecorder();
    const events = await toArray(
      agent.streamEvents(
        { messages: ["Weather in Paris and Tokyo?"] },
        { version: "v2", callbacks: [recorder] },
      ),
    );
    expect(recorder.openRuns()).toEqual([]);
    const modelEnd = events.find((event) => event.event === "on_chat_model_end");
    const reply = modelEnd?.event === "on_chat_model_end" ? modelEnd.data.output : undefined;
    const ids = (reply?.tool_calls ?? []).map((toolCall) => toolCall.id ?? "");
    expect(ids).toHaveLength(2);
    expect(toolStarts(events)).toEqual([
      { id: ids[0], input: { city: "Paris" } },
      { id: ids[1], input: { city: "Tōkyō" } },
    ]);
    expect(
      new Set(
        events
          .filter((event) => event.event !== "on_chain_start" && event.event !== "on_chain_end")
          .map((event) => event.parent_ids.length),
      ),
    ).toEqual(new Set([1]));
    const streamed = events.filter(
      (event) => event.event === "on_chat_model_stream" && event.metadata.agent_step === 1,
    );
    expect(streamed.length).toBeGreaterThanOrEqual(2); // Ollama sends each call whole, in one line
    const end = events.at(-1);
    const output = end?.event === "on_chain_end" ? end.data.output : undefined;
    expect(output).toMatchObject({
      finishReason: "stop",
      steps: [
        { step: 1, toolCalls: 2 },
        { step: 2, toolCalls: 0 },
      ],
    });
    expect(requests).toHaveLength(2);
    expect(requests[1]).toMatchObject(providerCase.secondRequest(ids));
  });
});

import { describe, expect, it } from "vitest";
import { offlineModel } from "./choose-model.js";
import { SECTIONS } from "./sections/index.js";
import { Printer, type TourContext } from "./tour-context.js";

/** Runs one section on the offline model with no delay and returns what it printed. */
async function runSection(id: string): Promise<string> {
  let text = "";
  const out = new Printer((t) => {
    text += t;
  });
  const { model, label } = offlineModel(true);
  const ctx: TourContext = { model, modelLabel: label, fast: true, out };
  const section = SECTIONS.find((s) => s.id === id);
  if (section === undefined) throw new Error(`no section ${id}`);
  await section.run(ctx);
  return text;
}

describe("the streaming tour (--fast)", () => {
  it("has every section of the seed guide, in order", () => {
    expect(SECTIONS.map((s) => s.id)).toEqual([
      "stream",
      "chain",
      "json",
      "generators",
      "retrieval",
      "events",
      "filter",
      "non-streaming-events",
      "callbacks",
      "content-blocks",
      "agent",
    ]);
  });

  it("streams chat model tokens with | and adds chunks up", async () => {
    const text = await runSection("stream");
    expect(text).toContain("|Polar| bears| act|uall|y| have|");
    expect(text).toMatch(/AIMessageChunk\(content='', id='run-[0-9a-f-]+', usage_metadata=/);
    expect(text).toMatch(/AIMessageChunk\(content='Polar bears', id='run-/);
  });

  it("streams a prompt | model | parser chain", async () => {
    expect(await runSection("chain")).toContain("|Why| did| the| parrot|");
  });

  it("streams JSON as it grows, and only complete values in completeValues mode", async () => {
    const text = await runSection("json");
    const [partial, complete] = text.split("completeValues emits");
    expect(partial).toContain("{ countries: [ { name: 'France', population: 67391582 }, { name: 'Sp' } ] }");
    expect(partial?.split("\n")[2]).toBe("{}");
    const completeValues = (complete ?? "").split("\n").filter((l) => l.startsWith("{"));
    expect(completeValues.length).toBeGreaterThan(5);
    expect(completeValues.join("\n")).not.toContain("'Sp'");
    expect(complete).toContain("{ name: 'Japan', population: 125681593 }");
  });

  it("breaks streaming with a plain function and fixes it with a generator", async () => {
    const text = await runSection("generators");
    expect(text).toContain('["France","Spain","Japan"]|');
    expect(text).toContain("France|Spain|Japan|");
  });

  it("streams after a retriever that yields one chunk", async () => {
    const text = await runSection("retrieval");
    expect(text).toMatch(
      /\[ Document\(id='[^']+', metadata=\{\}, page_content='harrison worked at kensho'\)/,
    );
    expect(text).toContain("|Acco|rdin|g| to| the| con|text|,| Har|riso|n| worked| at| Ken|sho.|");
  });

  it("shows chat model and chain events, and model and parser chunks as they arrive", async () => {
    const text = await runSection("events");
    expect(text).toContain("on_chat_model_start    ScriptedChatModel  { input: 'hello' }");
    expect(text).toContain(
      "on_chat_model_end      ScriptedChatModel  { output: AIMessageChunk(content='Hello! How can I assist you today?'",
    );
    expect(text).toMatch(
      / {2}on_chat_model_start {4}ScriptedChatModel \[seq:step:1\] {2}\{ input: \{ messages: \[ \[ HumanMessage/,
    );
    expect(text).toContain('Parser chunk: {"countries":[{"name":"Fr"}]}');
  });

  it("filters events by name, type and tag (tags inherited)", async () => {
    const text = await runSection("filter");
    expect(text).toContain("on_parser_start        my_parser [seq:step:2]  {}");
    expect(text).toContain("on_chat_model_start    model [seq:step:1]");
    expect(text).toContain("on_parser_start        JsonOutputParser [seq:step:2, my_chain]  {}");
  });

  it("shows events of streaming steps before a non-streaming one", async () => {
    const text = await runSection("non-streaming-events");
    expect(text).toContain("[ 'France', 'Spain', 'Japan' ]");
    expect(text).toContain("Parser chunk:");
  });

  it("links nested runs inside tools and lambdas (seed transcripts)", async () => {
    const text = await runSection("callbacks");
    expect(text).toContain(
      "on_tool_start          bad_tool  { input: 'hello' }\n  on_chain_start         reverse_word",
    );
    expect(text).toContain("on_chain_stream        reverse_and_double  { chunk: '43214321' }");
  });

  it("streams content blocks: text deltas and the awaited message, a tool-calling transcript, typed views", async () => {
    const text = await runSection("content-blocks");
    expect(text).toContain("Polar| bears| act|uall|y| have|");
    expect(text).toContain('text: "Polar bears actually have transparent, hollow fur');
    expect(text).toContain('usage: {"input_tokens":6,"output_tokens":52,"total_tokens":58}');
    expect(text).toContain("finish_reason: stop");
    expect(text).toContain(
      [
        "content-block-start #1 tool_call_chunk",
        'content-block-delta #1 tool-call-delta "{\\"ci"',
        "content-block-start #2 tool_call_chunk",
      ].join("\n"),
    );
    expect(text).toContain(
      'content-block-finish #1 {"type":"tool_call","id":"call_paris","name":"weather","args":{"city":"Paris"}}',
    );
    expect(text).toContain("message-finish reason=tool_use\n");
    expect(text).toContain('tool call call_rome: weather({"city":"Rome"})');
    expect(text).toContain("message.tool_calls: 2");
  });

  it("runs an agent: two parallel calls with fragmented arguments, each tool with its call id, then the answer", async () => {
    const text = await runSection("agent");
    expect(text).toContain(
      ["step 1: model call", '  [call #0 args "{\\"ci"]', '  [call #1 args "{\\"city\\": \\"Ro"]'].join("\n"),
    );
    expect(text).toContain('step 1: weather({"city":"Paris"}) for call_paris');
    expect(text).toContain('  call_rome -> "24°C and clear"');
    expect(text).toContain("step 2: model call\n  tokens: Paris| is| 18°C| and| sunny;| Rome|");
    expect(text).toContain("agent done");
    expect(text).toContain(
      'ai     "" tool_calls=call_paris,call_rome\ntool   "18°C and sunny"\ntool   "24°C and clear"',
    );
  });
});

// Differential checks: the same inputs through @langchain/core 1.4 (a dev dependency) and ours.
import * as lc from "@langchain/core/messages";
import { describe, expect, it } from "vitest";
import * as ours from "./index.js";

type Spec =
  | {
      kind: "system" | "human";
      content: string | Array<{ type: "text"; text: string }>;
      id?: string;
      name?: string;
    }
  | { kind: "ai"; content: string; id?: string; name?: string; calls?: string[] }
  | { kind: "tool"; content: string; id?: string; callId: string };

/** The optional fields a spec sets, without undefined values (both libraries' types are exact). */
function extras(spec: Spec): { id?: string; name?: string } {
  const fields: { id?: string; name?: string } = {};
  if (spec.id !== undefined) fields.id = spec.id;
  if (spec.kind !== "tool" && spec.name !== undefined) fields.name = spec.name;
  return fields;
}

const callsOf = (calls: readonly string[] = []) =>
  calls.map((call) => ({ id: call, name: "f", args: { q: call } }));

function oursOf(spec: Spec): ours.BaseMessage {
  const fields = { content: spec.content, ...extras(spec) };
  if (spec.kind === "ai")
    return new ours.AIMessage({ ...fields, content: spec.content, tool_calls: callsOf(spec.calls) });
  if (spec.kind === "tool") return new ours.ToolMessage({ ...fields, tool_call_id: spec.callId });
  return spec.kind === "system" ? new ours.SystemMessage(fields) : new ours.HumanMessage(fields);
}

function langchainOf(spec: Spec): lc.BaseMessage {
  const fields = { content: spec.content, ...extras(spec) };
  if (spec.kind === "ai")
    return new lc.AIMessage({ ...fields, content: spec.content, tool_calls: callsOf(spec.calls) });
  if (spec.kind === "tool") return new lc.ToolMessage({ ...fields, tool_call_id: spec.callId });
  return spec.kind === "system" ? new lc.SystemMessage(fields) : new lc.HumanMessage(fields);
}

/** What both libraries' messages are compared on. */
function summary(message: ours.BaseMessage | lc.BaseMessage): unknown {
  const calls = "tool_calls" in message && Array.isArray(message.tool_calls) ? message.tool_calls : [];
  return {
    type: message.getType(),
    content: message.content,
    id: message.id ?? null,
    name: message.name ?? null,
    calls: calls.map((call: { id?: string }) => call.id),
  };
}

const conversation: Spec[] = [
  { kind: "system", content: "Be brief." },
  { kind: "human", content: "hi", id: "h1", name: "ann" },
  { kind: "human", content: "are you there?", id: "h2" },
  { kind: "ai", content: "Checking", id: "a1", calls: ["c1"] },
  { kind: "tool", content: "result 1", id: "t1", callId: "c1" },
  { kind: "tool", content: "result 2", id: "t2", callId: "c2" },
  { kind: "ai", content: "Yes.", id: "a2", name: "bot" },
  { kind: "ai", content: "Anything else?", id: "a3", calls: ["c3"] },
  { kind: "human", content: [{ type: "text", text: "line one\nline two" }], id: "h3" },
];
const both = (): { mine: ours.BaseMessage[]; theirs: lc.BaseMessage[] } => ({
  mine: conversation.map(oursOf),
  theirs: conversation.map(langchainOf),
});
const length = (list: readonly unknown[]): number => list.length;
const characters = (list: ReadonlyArray<{ content: unknown }>): number =>
  list.reduce((sum, message) => sum + JSON.stringify(message.content).length, 0);

describe("message utilities match @langchain/core", () => {
  it("filterMessages", () => {
    const cases: Array<[ours.FilterMessagesFields, lc.FilterMessagesFields]> = [
      [{ includeTypes: ["human"] }, { includeTypes: ["human"] }],
      [{ excludeTypes: [ours.ToolMessage] }, { excludeTypes: [lc.ToolMessage] }],
      [
        { includeNames: ["ann", "bot"], includeIds: ["t2"], excludeIds: ["a2"] },
        { includeNames: ["ann", "bot"], includeIds: ["t2"], excludeIds: ["a2"] },
      ],
      [
        { excludeNames: ["ann"], includeTypes: ["ai", "system"] },
        { excludeNames: ["ann"], includeTypes: ["ai", "system"] },
      ],
    ];
    for (const [mineOptions, theirOptions] of cases) {
      const { mine, theirs } = both();
      expect(ours.filterMessages(mine, mineOptions).map(summary)).toEqual(
        lc.filterMessages(theirs, theirOptions).map(summary),
      );
    }
  });

  it("mergeMessageRuns", () => {
    const { mine, theirs } = both();
    // One difference on purpose: a merged message keeps the run's first name (LangChain's chunk
    // concat drops names, so its merged messages have none).
    const withoutName = (message: ours.BaseMessage | lc.BaseMessage) => ({
      ...Object(summary(message)),
      name: null,
    });
    const merged = ours.mergeMessageRuns(mine);
    expect(merged.map(withoutName)).toEqual(lc.mergeMessageRuns(theirs).map(withoutName));
    expect(merged.map((message) => message.name ?? null)).toEqual([
      null,
      "ann",
      null,
      null,
      null,
      "bot",
      null,
    ]);
  });

  it("trimMessages over strategies, startOn, endOn, includeSystem and partial text", async () => {
    const cases: Array<Record<string, unknown>> = [
      { maxTokens: 4, strategy: "last" },
      { maxTokens: 4, strategy: "last", includeSystem: true },
      { maxTokens: 5, strategy: "last", includeSystem: true, startOn: "human" },
      { maxTokens: 6, strategy: "last", endOn: ["ai", "tool"] },
      { maxTokens: 3, strategy: "first" },
      { maxTokens: 7, strategy: "first", endOn: "ai" },
      { maxTokens: 0, strategy: "last" },
      { maxTokens: 100, strategy: "last", includeSystem: true },
    ];
    for (const options of cases) {
      const { mine, theirs } = both();
      const expected = await lc.trimMessages(theirs, {
        ...options,
        maxTokens: Number(options.maxTokens),
        tokenCounter: length,
      });
      const actual = await ours.trimMessages(mine, {
        ...options,
        maxTokens: Number(options.maxTokens),
        tokenCounter: length,
      });
      expect(actual.map(summary), JSON.stringify(options)).toEqual(expected.map(summary));
    }
    for (const maxTokens of [60, 120, 200, 260]) {
      const { mine, theirs } = both();
      const options = { maxTokens, strategy: "last" as const, allowPartial: true };
      const expected = await lc.trimMessages(theirs, { ...options, tokenCounter: characters });
      const actual = await ours.trimMessages(mine, { ...options, tokenCounter: characters });
      expect(actual.map(summary), `maxTokens ${maxTokens}`).toEqual(expected.map(summary));
    }
  });

  it("getBufferString and toFormattedString", () => {
    const { mine, theirs } = both();
    expect(ours.getBufferString(mine)).toBe(lc.getBufferString(theirs));
    expect(ours.getBufferString(mine, "User", "Bot")).toBe(lc.getBufferString(theirs, "User", "Bot"));
    for (const [index, message] of mine.entries()) {
      if (typeof message.content !== "string") continue;
      expect(message.toFormattedString()).toBe(theirs[index]?.toFormattedString());
    }
  });

  it("the stored form round-trips between the libraries", () => {
    const { mine, theirs } = both();
    const fromTheirs = ours.mapStoredMessagesToChatMessages(
      JSON.parse(JSON.stringify(lc.mapChatMessagesToStoredMessages(theirs))),
    );
    expect(fromTheirs.map(summary)).toEqual(theirs.map(summary));
    const fromOurs = lc.mapStoredMessagesToChatMessages(
      JSON.parse(JSON.stringify(ours.mapChatMessagesToStoredMessages(mine))),
    );
    expect(fromOurs.map(summary)).toEqual(mine.map(summary));
  });

  it("contentBlocks of OpenAI media parts and of AI tool calls", () => {
    const content = [
      { type: "text" as const, text: "Look:" },
      { type: "image_url" as const, image_url: { url: "https://example.com/a.png" } },
      { type: "image_url" as const, image_url: { url: "data:image/png;base64,iVBOR" } },
      { type: "input_audio", input_audio: { data: "UklGR", format: "wav" } },
    ];
    expect(new ours.HumanMessage({ content }).contentBlocks).toEqual(
      new lc.HumanMessage({ content }).contentBlocks,
    );
    const calls = [{ id: "c1", name: "f", args: { a: 1 } }];
    expect(new ours.AIMessage({ content: "x", tool_calls: calls }).contentBlocks).toEqual(
      new lc.AIMessage({ content: "x", tool_calls: calls }).contentBlocks,
    );
  });
});

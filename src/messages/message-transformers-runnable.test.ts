import type { BaseMessage } from "rivulet";
import {
  AIMessage,
  filterMessages,
  HumanMessage,
  mergeMessageRuns,
  Runnable,
  RunnableLambda,
  SystemMessage,
  ToolMessage,
  trimMessages,
} from "rivulet";
import { FakeEchoChatModel, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const history = (): BaseMessage[] => [
  new SystemMessage("sys"),
  new HumanMessage({ content: "old question", id: "h1" }),
  new AIMessage({ content: "old answer", id: "a1" }),
  new ToolMessage({ content: "tool output", tool_call_id: "c1", id: "t1" }),
  new HumanMessage({ content: "new", id: "h2" }),
  new HumanMessage({ content: "question", id: "h3" }),
];
const texts = (list: readonly BaseMessage[]): string[] => list.map((message) => message.text);

describe("the Runnable forms of the message utilities", () => {
  it("are Runnables when called with only options, and invoke, batch and stream", async () => {
    const trimmer = trimMessages({ maxTokens: 3, tokenCounter: (list) => list.length, includeSystem: true });
    const filter = filterMessages({ excludeTypes: ["tool"] });
    const merger = mergeMessageRuns();
    for (const runnable of [trimmer, filter, merger]) expect(runnable).toBeInstanceOf(Runnable);

    expect(texts(await trimmer.invoke(history()))).toEqual(["sys", "new", "question"]);
    const batched = await filter.batch([history(), [new ToolMessage("x", "c")]]);
    expect(batched.map(texts)).toEqual([["sys", "old question", "old answer", "new", "question"], []]);
    const streamed = await toArray(await merger.stream(history()));
    expect(streamed).toHaveLength(1);
    expect(texts(streamed[0] ?? [])).toEqual([
      "sys",
      "old question",
      "old answer",
      "tool output",
      "new\nquestion",
    ]);
  });

  it("compose into a streaming chain in front of a model", async () => {
    const chain = RunnableLambda.from((_: string) => history())
      .pipe(filterMessages({ excludeTypes: ["tool"] }))
      .pipe(mergeMessageRuns())
      .pipe(trimMessages({ maxTokens: 2, tokenCounter: (list) => list.length, includeSystem: true }))
      .pipe(new FakeEchoChatModel());
    const chunks = await toArray(await chain.stream("go"));
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.map((chunk) => chunk.text).join("")).toBe("new\nquestion");
  });

  it("show in streamEvents: the trimmer under the run name trim_messages", async () => {
    const trimmer = trimMessages({ maxTokens: 1, tokenCounter: (list) => list.length });
    const events = await toArray(trimmer.streamEvents(history(), { version: "v2" }));
    expect(events.map((event) => [event.event, event.name])).toEqual([
      ["on_chain_start", "trim_messages"],
      ["on_chain_stream", "trim_messages"],
      ["on_chain_end", "trim_messages"],
    ]);
    const end = events.at(-1);
    expect(end?.event === "on_chain_end" ? texts(end.data.output as BaseMessage[]) : []).toEqual([
      "question",
    ]);
  });

  it("check their input at run time with typed errors", async () => {
    await expect(filterMessages({}).invoke("not a list" as unknown as BaseMessage[])).rejects.toThrow(
      /filterMessages takes an array of messages; got a string/,
    );
  });
});

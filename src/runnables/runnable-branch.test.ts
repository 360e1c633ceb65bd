import { InvalidInputError, RunnableBranch, RunnableGenerator, RunnableLambda } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

type Q = { topic: string };

const math = RunnableLambda.from((q: Q) => `math: ${q.topic}`, { name: "math" });
const poetry = RunnableLambda.from((q: Q) => `poetry: ${q.topic}`, { name: "poetry" });
const general = RunnableLambda.from((q: Q) => `general: ${q.topic}`, { name: "general" });

const route = RunnableBranch.from<Q, string>([
  [(q: Q) => q.topic.startsWith("math"), math],
  [(q: Q) => q.topic.startsWith("poem"), poetry],
  general,
]);

describe("RunnableBranch", () => {
  it("runs the first branch whose condition holds", async () => {
    expect(await route.invoke({ topic: "math 101" })).toBe("math: math 101");
    expect(await route.invoke({ topic: "poem" })).toBe("poetry: poem");
  });

  it("runs the default when no condition holds", async () => {
    expect(await route.invoke({ topic: "cats" })).toBe("general: cats");
  });

  it("evaluates conditions in order and stops at the first true one", async () => {
    const rec = new RunRecorder();
    await route.invoke({ topic: "math" }, { callbacks: [rec] });
    expect(rec.lines()).toEqual([
      "start:RunnableBranch",
      "start:RunnableLambda",
      "end:RunnableLambda",
      "start:math",
      "end:math",
      "end:RunnableBranch",
    ]);
  });

  it("tags condition runs condition:N and the chosen runnable branch:N or branch:default", async () => {
    const rec = new RunRecorder();
    await route.invoke({ topic: "poem" }, { callbacks: [rec] });
    const starts = rec.entries.filter((e) => e.kind === "start").map((e) => [e.name, e.tags]);
    expect(starts).toEqual([
      ["RunnableBranch", []],
      ["RunnableLambda", ["condition:1"]],
      ["RunnableLambda", ["condition:2"]],
      ["poetry", ["branch:2"]],
    ]);
    const rec2 = new RunRecorder();
    await route.invoke({ topic: "dogs" }, { callbacks: [rec2] });
    expect(rec2.entries.find((e) => e.name === "general")?.tags).toEqual(["branch:default"]);
  });

  it("streams the chosen branch's chunks through", async () => {
    const letters = RunnableGenerator.from(async function* letters(_: AsyncIterable<Q>) {
      yield "a";
      yield "b";
    });
    const streaming = RunnableBranch.from<Q, string>([[(q: Q) => q.topic === "letters", letters], general]);
    expect(await toArray(streaming.stream({ topic: "letters" }))).toEqual(["a", "b"]);
    expect(await toArray(streaming.stream({ topic: "x" }))).toEqual(["general: x"]);
  });

  it("needs at least one pair and a default", () => {
    expect(() => RunnableBranch.from([general] as never)).toThrow(InvalidInputError);
  });
});

import { RunnableLambda, RunnableSequence } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

const addOne = RunnableLambda.from((x: number) => x + 1, { name: "addOne" });
const double = RunnableLambda.from((x: number) => x * 2, { name: "double" });
const show = RunnableLambda.from((x: number) => String(x), { name: "show" });

describe("RunnableSequence", () => {
  it("invokes steps in order", async () => {
    const chain = addOne.pipe(double).pipe(show);
    expect(await chain.invoke(1)).toBe("4");
  });

  it("streams with the pipelined callback order of events.md rule 2", async () => {
    const rec = new RunRecorder();
    const chain = RunnableSequence.from([addOne, double, show]);
    expect(await toArray(chain.stream(1, { callbacks: [rec] }))).toEqual(["4"]);
    expect(rec.lines()).toEqual([
      "start:RunnableSequence",
      "start:addOne",
      "stream:addOne",
      "start:double",
      "end:addOne",
      "stream:double",
      "start:show",
      "end:double",
      "stream:show",
      "stream:RunnableSequence",
      "end:show",
      "end:RunnableSequence",
    ]);
  });
});

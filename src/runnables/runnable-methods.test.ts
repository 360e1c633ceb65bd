import { RunnableGenerator, RunnableLambda, RunnableSequence } from "rivulet";
import { RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

type Profile = { id: number; name: string };
const profile = RunnableLambda.from((id: number): Profile => ({ id, name: `user ${id}` }), {
  name: "profile",
});

/** Streams a profile in two chunks (id first, then name), as a streaming source would. */
const streamedProfile = new RunnableGenerator({
  name: "streamedProfile",
  generator: async function* (ids: AsyncIterable<number>) {
    for await (const id of ids) {
      yield { id };
      yield { name: `user ${id}` };
    }
  },
});

describe("Runnable.assign", () => {
  it("pipes into a step that adds the mapping's outputs to the output", async () => {
    const chain = profile.assign({ nameLength: (p) => p.name.length, shout: (p) => p.name.toUpperCase() });
    expect(chain).toBeInstanceOf(RunnableSequence);
    expect(await chain.invoke(7)).toEqual({ id: 7, name: "user 7", nameLength: 6, shout: "USER 7" });
  });

  it("batches", async () => {
    const chain = profile.assign({ double: (p) => p.id * 2 });
    expect(await chain.batch([1, 2])).toEqual([
      { id: 1, name: "user 1", double: 2 },
      { id: 2, name: "user 2", double: 4 },
    ]);
  });

  it("streams the output's own keys as they come, then the added keys", async () => {
    const chain = streamedProfile.assign({ nameLength: (p) => (p.name ?? "").length });
    const chunks = await toArray(chain.stream(3));
    expect(chunks).toEqual([{ id: 3 }, { name: "user 3" }, { nameLength: 6 }]);
  });

  it("shows the assign step under the sequence in streamEvents", async () => {
    const chain = profile.assign({ nameLength: (p) => p.name.length });
    const events = await toArray(chain.streamEvents(1, { version: "v2" }));
    const starts = events.filter((e) => e.event === "on_chain_start").map((e) => [e.name, e.tags]);
    expect(starts).toEqual([
      ["RunnableSequence", []],
      ["profile", ["seq:step:1"]],
      ["RunnableAssign", ["seq:step:2"]],
      ["RunnableParallel<nameLength>", []],
      ["nameLength", ["map:key:nameLength"]],
    ]);
    expect(events.at(-1)).toMatchObject({
      event: "on_chain_end",
      name: "RunnableSequence",
      data: { output: { id: 1, name: "user 1", nameLength: 6 } },
    });
  });
});

describe("Runnable.pick", () => {
  it("keeps one key (its value) or several keys (an object)", async () => {
    expect(await profile.pick("name").invoke(4)).toBe("user 4");
    expect(await profile.pick(["id"]).invoke(4)).toEqual({ id: 4 });
  });

  it("batches", async () => {
    expect(await profile.pick("id").batch([1, 2])).toEqual([1, 2]);
  });

  it("streams chunk by chunk, skipping chunks without the keys", async () => {
    expect(await toArray(streamedProfile.pick("name").stream(5))).toEqual(["user 5"]);
    expect(await toArray(streamedProfile.pick(["id", "name"]).stream(5))).toEqual([
      { id: 5 },
      { name: "user 5" },
    ]);
  });

  it("runs as a step of the sequence it builds", async () => {
    const rec = new RunRecorder();
    await profile.pick("name").invoke(1, { callbacks: [rec] });
    expect(rec.lines()).toEqual([
      "start:RunnableSequence",
      "start:profile",
      "end:profile",
      "start:RunnablePick",
      "end:RunnablePick",
      "end:RunnableSequence",
    ]);
  });
});

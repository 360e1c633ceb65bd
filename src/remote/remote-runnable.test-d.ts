import type { AIMessageChunk, Runnable, StreamEvent } from "rivulet";
import { RemoteRunnable } from "rivulet/remote";
import { describe, expectTypeOf, it } from "vitest";

describe("RemoteRunnable's types", () => {
  it("is a Runnable of its type parameters, with typed events", async () => {
    const remote = new RemoteRunnable<{ topic: string }, AIMessageChunk>({
      url: "http://localhost:8000/joke",
    });
    expectTypeOf(remote).toMatchTypeOf<Runnable<{ topic: string }, AIMessageChunk, AIMessageChunk>>();
    expectTypeOf(remote.invoke({ topic: "a" })).resolves.toEqualTypeOf<AIMessageChunk>();
    expectTypeOf(remote.batch([{ topic: "a" }])).resolves.toEqualTypeOf<AIMessageChunk[]>();
    for await (const chunk of await remote.stream({ topic: "a" }))
      expectTypeOf(chunk).toEqualTypeOf<AIMessageChunk>();
    for await (const event of remote.streamEvents({ topic: "a" }, { version: "v2" })) {
      expectTypeOf(event).toEqualTypeOf<StreamEvent>();
      expectTypeOf(event.parent_ids).toEqualTypeOf<string[]>();
    }
    // @ts-expect-error the input type is checked
    void remote.invoke({ subject: "a" });
  });
});

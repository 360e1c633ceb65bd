// invoke of a Runnable whose output stream ends without a chunk (docs/decisions/2026-12-02-empty-stream-invoke.md):
// an EmptyOutputError naming the Runnable, not undefined typed as the output. stream() of it yields nothing.
import {
  EmptyOutputError,
  RivuletError,
  Runnable,
  RunnableGenerator,
  RunnableLambda,
  type RunScope,
} from "rivulet";
import { FakeStreamingChatModel, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

async function* nothing(): AsyncGenerator<string> {
  // yields no chunk
}

/** A third-party Runnable that implements only _stream (the default _invoke folds it). */
class Silent extends Runnable<string, string> {
  override readonly shape = { input: "whole", output: "chunks" } as const;
  override async *_stream(_input: string, _scope: RunScope): AsyncIterable<string> {
    // yields no chunk
  }
}

describe("invoke of an empty output stream", () => {
  it("a generator that yields nothing: EmptyOutputError (code invalid_runnable) naming it", async () => {
    const generator = RunnableGenerator.from(async function* dropAll(input: AsyncIterable<string>) {
      for await (const chunk of input) if (chunk === "keep me") yield chunk; // drops "x"
    });
    const error = await generator.invoke("x").catch((e: unknown) => e);
    expect(EmptyOutputError.isInstance(error)).toBe(true);
    expect(RivuletError.isInstance(error) && error.code).toBe("invalid_runnable");
    expect(error).toMatchObject({ runnableName: "dropAll" });
    expect(String(error)).toContain("dropAll produced no output");
  });

  it("a lambda that returns an empty async iterable, and a Runnable with only _stream", async () => {
    const lambda = RunnableLambda.from(function emptyLambda(_x: string) {
      return nothing();
    });
    await expect(lambda.invoke("x")).rejects.toSatisfy(EmptyOutputError.isInstance);
    await expect(new Silent().invoke("x")).rejects.toThrow(/Silent produced no output/);
  });

  it("fails the chain that invokes it, and batch returns the error in place", async () => {
    const chain = RunnableLambda.from((x: string) => x).pipe(new Silent());
    await expect(chain.invoke("x")).rejects.toSatisfy(EmptyOutputError.isInstance);
    const results = await new Silent().batch(["a"], undefined, { returnExceptions: true });
    expect(EmptyOutputError.isInstance(results[0])).toBe(true);
  });

  it("one chunk that is undefined is an output (undefined), not an empty stream", async () => {
    const lambda = RunnableLambda.from(async function* oneUndefined(_x: string) {
      yield undefined;
    });
    await expect(lambda.invoke("x")).resolves.toBeUndefined();
  });

  it("stream() of the same runnables yields no chunks and does not throw", async () => {
    expect(await toArray(await new Silent().stream("x"))).toEqual([]);
    expect(await toArray(await RunnableLambda.from(() => nothing()).stream("x"))).toEqual([]);
  });

  it("a chat model whose stream is empty still resolves with an empty message (it has one)", async () => {
    const model = new FakeStreamingChatModel({ chunks: [] });
    const message = await model.invoke("hi");
    expect(message.content).toBe("");
  });
});

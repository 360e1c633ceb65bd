// Type tests of Runnable's methods that build combinators: assign and pick type their output
// from this runnable's output, map() turns the input and output into arrays, asTool types the
// tool's arguments from its schema, and a RouterRunnable's input from its runnables.
import {
  RouterRunnable,
  type Runnable,
  type RunnableChunk,
  type RunnableInput,
  RunnableLambda,
  type RunnableOutput,
  type RunnableToolLike,
  type ToolMessage,
} from "rivulet";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";

const profile = RunnableLambda.from((id: number) => ({ id, name: `user ${id}` }));

describe("assign", () => {
  it("adds the mapping's outputs to the output, typing functions' parameters from it", () => {
    const withLength = profile.assign({ nameLength: (p) => p.name.length });
    expectTypeOf<RunnableInput<typeof withLength>>().toEqualTypeOf<number>();
    expectTypeOf<RunnableOutput<typeof withLength>>().toEqualTypeOf<
      { id: number; name: string } & { nameLength: number }
    >();
    expectTypeOf<RunnableChunk<typeof withLength>>().toEqualTypeOf<
      Partial<{ id: number; name: string } & { nameLength: number }>
    >();
  });

  it("takes runnables of the output", () => {
    const shout = RunnableLambda.from((p: { name: string }) => p.name.toUpperCase());
    const withShout = profile.assign({ shout });
    expectTypeOf<RunnableOutput<typeof withShout>>().toEqualTypeOf<
      { id: number; name: string } & { shout: string }
    >();
  });
});

describe("pick", () => {
  it("one key gives its value", () => {
    const name = profile.pick("name");
    expectTypeOf(name).toEqualTypeOf<Runnable<number, string, string>>();
  });

  it("a list of keys gives an object of those keys", () => {
    const both = profile.pick(["id", "name"]);
    expectTypeOf<RunnableOutput<typeof both>>().toEqualTypeOf<{ id: number; name: string }>();
    expectTypeOf<RunnableChunk<typeof both>>().toEqualTypeOf<Partial<{ id: number; name: string }>>();
  });

  it("rejects a key the output does not have", () => {
    // @ts-expect-error: "email" is not a key of the output
    profile.pick("email");
  });
});

describe("map", () => {
  it("takes an array of the input and gives an array of the output", () => {
    const each = profile.map();
    expectTypeOf(each).toEqualTypeOf<
      Runnable<number[], { id: number; name: string }[], { id: number; name: string }[]>
    >();
  });
});

describe("asTool", () => {
  const greet = RunnableLambda.from((args: { name: string }) => `hi ${args.name}`);

  it("types the tool from a Standard Schema whose output is the runnable's input", () => {
    const tool = greet.asTool({ name: "greet", schema: z.object({ name: z.string() }) });
    expectTypeOf(tool).toEqualTypeOf<RunnableToolLike<{ name: string }, string, { name: string }>>();
    expectTypeOf(tool.invoke({ name: "Ann" })).toEqualTypeOf<Promise<string>>();
    expectTypeOf(
      tool.invoke({ name: "greet", args: { name: "Ann" }, id: "c1", type: "tool_call" }),
    ).toEqualTypeOf<Promise<ToolMessage>>();
  });

  it("types the tool from the runnable's input for a JSON Schema", () => {
    const tool = greet.asTool({
      name: "greet",
      schema: { type: "object", properties: { name: { type: "string" } }, required: ["name"] },
    });
    expectTypeOf(tool).toEqualTypeOf<RunnableToolLike<{ name: string }, string, { name: string }>>();
  });

  it("rejects a schema whose output the runnable does not take", () => {
    // @ts-expect-error: the schema gives { age: number }, the runnable takes { name: string }
    greet.asTool({ name: "greet", schema: z.object({ age: z.number() }) });
  });
});

describe("RouterRunnable", () => {
  it("takes { key, input } with the input of the runnable the key names", () => {
    const router = new RouterRunnable({
      runnables: {
        upper: RunnableLambda.from((text: string) => text.toUpperCase()),
        double: RunnableLambda.from((n: number) => n * 2),
      },
    });
    expectTypeOf<RunnableInput<typeof router>>().toEqualTypeOf<
      { key: "upper"; input: string } | { key: "double"; input: number }
    >();
    expectTypeOf<RunnableOutput<typeof router>>().toEqualTypeOf<string | number>();
    // @ts-expect-error: "double" takes a number
    router.invoke({ key: "double", input: "two" });
  });
});

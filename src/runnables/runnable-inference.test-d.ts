// Type tests of how chains infer their types: pipe (prompt -> model -> parser, functions, async
// generator functions, maps, returned runnables), RunnableSequence.from and RunnableParallel.from
// (their input and output come from the steps), batch's overloads, and structured output's chunks.
import {
  type AIMessageChunk,
  ChatPromptTemplate,
  type DeepPartial,
  type IterableReadableStream,
  type Runnable,
  type RunnableChunk,
  type RunnableInput,
  RunnableLambda,
  type RunnableOutput,
  RunnableParallel,
  RunnablePassthrough,
  RunnableSequence,
  StringOutputParser,
} from "rivulet";
import { ChatOpenAI } from "rivulet/providers/openai";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";

const prompt = ChatPromptTemplate.fromTemplate<{ topic: string }>("Tell me about {topic}");
const model = new FakeListChatModel({ responses: ["parrots"] });
const parser = new StringOutputParser();
type PromptInput = { topic: string } | string;

describe("pipe", () => {
  it("prompt -> model -> parser: the prompt's input, the model's message, the parser's text", () => {
    const toModel = prompt.pipe(model);
    expectTypeOf<RunnableOutput<typeof toModel>>().toEqualTypeOf<AIMessageChunk>();
    expectTypeOf<RunnableChunk<typeof toModel>>().toEqualTypeOf<AIMessageChunk>();
    const chain = toModel.pipe(parser);
    expectTypeOf(chain).toEqualTypeOf<Runnable<PromptInput, string, string>>();
    expectTypeOf(chain.invoke).returns.toEqualTypeOf<Promise<string>>();
    expectTypeOf(chain.stream).returns.toEqualTypeOf<Promise<IterableReadableStream<string>>>();
  });

  it("a function: its (awaited) return value is the output and the one chunk", () => {
    const chain = prompt.pipe(model).pipe(parser);
    const length = chain.pipe((text: string) => text.length);
    expectTypeOf(length).toEqualTypeOf<Runnable<PromptInput, number, number>>();
    const awaited = chain.pipe(async (text: string) => ({ text }));
    expectTypeOf<RunnableOutput<typeof awaited>>().toEqualTypeOf<{ text: string }>();
  });

  it("an unannotated function gets the previous output as its parameter type", () => {
    const chain = prompt.pipe(model).pipe(parser);
    const upper = chain.pipe((text) => text.toUpperCase());
    expectTypeOf<RunnableOutput<typeof upper>>().toEqualTypeOf<string>();
  });

  it("an async generator function receives the chunks and streams what it yields", () => {
    const chain = prompt.pipe(model).pipe(parser);
    const lengths = chain.pipe(async function* (tokens: AsyncIterable<string>) {
      for await (const token of tokens) yield token.length;
    });
    expectTypeOf(lengths).toEqualTypeOf<Runnable<PromptInput, number, number>>();
  });

  it("a function that returns a Runnable or an async iterable: that Runnable's or iterable's types", () => {
    const numbers = RunnableLambda.from((text: string) => text.length);
    const delegated = parser.pipe((text: string) => (text.length > 3 ? numbers : numbers));
    expectTypeOf<RunnableOutput<typeof delegated>>().toEqualTypeOf<number>();
    async function* letters(text: string): AsyncGenerator<string> {
      yield* text;
    }
    const streamed = parser.pipe((text: string) => letters(text));
    expectTypeOf<RunnableOutput<typeof streamed>>().toEqualTypeOf<string>();
  });

  it("a map: an object of each branch's output, streamed as partial objects", () => {
    const chain = parser.pipe({
      text: new RunnablePassthrough<string>(),
      length: (text: string) => text.length,
    });
    expectTypeOf<RunnableOutput<typeof chain>>().toEqualTypeOf<{ text: string; length: number }>();
    expectTypeOf<RunnableChunk<typeof chain>>().toEqualTypeOf<Partial<{ text: string; length: number }>>();
  });

  it("a Runnable whose input does not take the output is a type error", () => {
    const numbers = RunnableLambda.from((n: number) => n * 2);
    // @ts-expect-error the parser outputs a string, numbers takes a number
    parser.pipe(numbers);
  });
});

describe("RunnableSequence.from", () => {
  it("takes the first step's input and the last step's output and chunks", () => {
    const chain = RunnableSequence.from([prompt, model, parser]);
    expectTypeOf(chain).toEqualTypeOf<RunnableSequence<PromptInput, string, string>>();
    const toModel = RunnableSequence.from([prompt, model]);
    expectTypeOf<RunnableOutput<typeof toModel>>().toEqualTypeOf<AIMessageChunk>();
  });

  it("types steps that are functions, async generator functions and maps", () => {
    const functions = RunnableSequence.from([(n: number) => n + 1, (n: number) => String(n)]);
    expectTypeOf(functions).toEqualTypeOf<RunnableSequence<number, string, string>>();
    const generator = RunnableSequence.from([
      async function* (words: AsyncIterable<string>) {
        for await (const word of words) yield word.length;
      },
      (n: number) => n > 2,
    ]);
    expectTypeOf(generator).toEqualTypeOf<RunnableSequence<string, boolean, boolean>>();
    const withMap = RunnableSequence.from([
      { doubled: (n: number) => n * 2, same: (n: number) => n },
      parser,
    ]);
    expectTypeOf<RunnableInput<typeof withMap>>().toEqualTypeOf<number>();
    const endsInMap = RunnableSequence.from([(n: number) => n, { doubled: (n: number) => n * 2 }]);
    expectTypeOf<RunnableOutput<typeof endsInMap>>().toEqualTypeOf<{ doubled: number }>();
    expectTypeOf<RunnableChunk<typeof endsInMap>>().toEqualTypeOf<Partial<{ doubled: number }>>();
  });

  it("explicit type arguments still set the types", () => {
    const chain = RunnableSequence.from<string, number>([(s: string) => s, (s: string) => s.length]);
    expectTypeOf(chain).toEqualTypeOf<RunnableSequence<string, number, number>>();
  });
});

describe("RunnableParallel.from", () => {
  it("outputs the object of its branches' outputs and streams partial objects", () => {
    const both = RunnableParallel.from({
      upper: (text: string) => text.toUpperCase(),
      length: (text: string) => text.length,
    });
    expectTypeOf(both).toEqualTypeOf<RunnableParallel<string, { upper: string; length: number }>>();
    expectTypeOf<RunnableChunk<typeof both>>().toEqualTypeOf<Partial<{ upper: string; length: number }>>();
  });

  it("takes what every branch takes: a passthrough adds nothing, different inputs intersect", () => {
    const withPassthrough = RunnableParallel.from({
      question: new RunnablePassthrough(),
      length: (text: string) => text.length,
    });
    expectTypeOf<RunnableInput<typeof withPassthrough>>().toEqualTypeOf<string>();
    expectTypeOf<RunnableOutput<typeof withPassthrough>>().toEqualTypeOf<{
      question: unknown;
      length: number;
    }>();
    const intersected = RunnableParallel.from({
      a: (input: { a: number }) => input.a,
      b: (input: { b: string }) => input.b,
    });
    expectTypeOf<RunnableInput<typeof intersected>>().toEqualTypeOf<{ a: number } & { b: string }>();
  });

  it("types nested maps and runnables", () => {
    const nested = RunnableParallel.from({
      outer: { inner: (n: number) => n * 2 },
      chain: prompt.pipe(model),
    });
    expectTypeOf<RunnableOutput<typeof nested>>().toEqualTypeOf<{
      outer: { inner: number };
      chain: AIMessageChunk;
    }>();
    expectTypeOf<RunnableInput<typeof nested>>().toEqualTypeOf<number & PromptInput>();
  });

  it("explicit type arguments still set the types", () => {
    const map = RunnableParallel.from<string, { n: number }>({ n: (s: string) => s.length });
    expectTypeOf(map).toEqualTypeOf<RunnableParallel<string, { n: number }>>();
  });
});

describe("batch", () => {
  const toText = RunnableLambda.from((n: number) => String(n));

  it("resolves with outputs, or outputs and errors with returnExceptions: true", () => {
    expectTypeOf(toText.batch([1, 2])).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(toText.batch([1], undefined, { returnExceptions: false })).toEqualTypeOf<
      Promise<string[]>
    >();
    expectTypeOf(toText.batch([1], {}, { maxConcurrency: 2 })).toEqualTypeOf<Promise<string[]>>();
    expectTypeOf(toText.batch([1], undefined, { returnExceptions: true })).toEqualTypeOf<
      Promise<(string | Error)[]>
    >();
  });

  it("a returnExceptions known only at run time gives outputs and errors", () => {
    const returnExceptions: boolean = Math.random() > 0.5;
    expectTypeOf(toText.batch([1], undefined, { returnExceptions })).toEqualTypeOf<
      Promise<(string | Error)[]>
    >();
  });

  it("takes the runnable's input type", () => {
    // @ts-expect-error toText takes numbers
    void toText.batch(["1"]);
  });
});

describe("structured output", () => {
  const trip = z.object({ city: z.string(), days: z.number(), sights: z.array(z.string()) });
  type Trip = z.infer<typeof trip>;
  const extractor = new ChatOpenAI({ apiKey: "k" }).withStructuredOutput(trip);

  it("streams deep-partial objects of the schema's output, through a chain too", async () => {
    const chain = prompt.pipe(extractor);
    expectTypeOf<RunnableChunk<typeof chain>>().toEqualTypeOf<DeepPartial<Trip>>();
    expectTypeOf<RunnableOutput<typeof chain>>().toEqualTypeOf<Trip>();
    for await (const partial of await chain.stream({ topic: "Lisbon" })) {
      expectTypeOf(partial).toEqualTypeOf<{ city?: string; days?: number; sights?: string[] }>();
    }
  });

  it("the next step gets the whole output", () => {
    const city = prompt.pipe(extractor).pipe((value) => value.city);
    expectTypeOf<RunnableOutput<typeof city>>().toEqualTypeOf<string>();
    expectTypeOf(city.invoke).returns.toEqualTypeOf<Promise<string>>();
  });
});

import {
  AIMessage,
  AIMessageChunk,
  HumanMessage,
  InvalidInputError,
  RunnableGenerator,
  RunnableLambda,
  RunnableParallel,
} from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { StringOutputParser, StrOutputParser } from "./index.js";

describe("StringOutputParser", () => {
  it("passes each chunk's text through, an empty first token included", async () => {
    const tokens = ["", "Hello", "!", " How", " are", " you", "?"];
    const out = await toArray(
      new StringOutputParser().transform(fromArray(tokens.map((t) => new AIMessageChunk(t)))),
    );
    expect(out).toEqual(tokens);
    expect(out.join("|")).toBe("|Hello|!| How| are| you|?");
  });

  it("outputs the joined text when streamed in a chain, and the text on invoke", async () => {
    const model = RunnableGenerator.from(async function* fakeModel(_: AsyncIterable<string>) {
      for (const t of ["", "Hi", " there"]) yield new AIMessageChunk({ content: t });
    });
    const rec = new RunRecorder();
    const chain = model.pipe(new StringOutputParser());
    expect(await toArray(chain.stream("x", { callbacks: [rec] }))).toEqual(["", "Hi", " there"]);
    const end = rec.entries.find((e) => e.kind === "end" && e.name === "StrOutputParser");
    expect(end?.runType).toBe("parser");
    expect(end?.output).toBe("Hi there");
    expect(await new StringOutputParser().invoke(new AIMessage("whole"))).toBe("whole");
    expect(await new StringOutputParser().invoke("plain")).toBe("plain");
  });

  it("reports on_parser_* events between the model's chunks and the chain's", async () => {
    const model = RunnableGenerator.from(async function* fakeModel(_: AsyncIterable<string>) {
      for (const t of ["a", "b"]) yield new AIMessageChunk({ content: t });
    });
    const chain = model.pipe(new StringOutputParser());
    const events = await toArray(chain.streamEvents("x", { version: "v2" }));
    const parserEvents = events.filter((e) => e.name === "StrOutputParser").map((e) => e.event);
    expect(parserEvents).toEqual([
      "on_parser_start",
      "on_parser_stream",
      "on_parser_stream",
      "on_parser_end",
    ]);
  });

  it("runs as StrOutputParser, LangChain's name, so name filters ported from LangChain match", async () => {
    // @langchain/core 1.4: new StringOutputParser().getName() is "StrOutputParser" (its lc_name).
    expect(new StringOutputParser().getName()).toBe("StrOutputParser");
    expect(new StrOutputParser().getName("Suffix")).toBe("StrOutputParserSuffix");
    expect(new StringOutputParser({ name: "mine" }).getName()).toBe("mine");
    class ShoutParser extends StringOutputParser {}
    expect(new ShoutParser().getName()).toBe("ShoutParser");
    const chain = RunnableLambda.from(function upper(text: string) {
      return text.toUpperCase();
    })
      .pipe(RunnableParallel.from({ a: new StringOutputParser(), b: (x: string) => x }))
      .pipe((parts: Record<string, unknown>) => parts.a);
    const events = await toArray(
      chain.streamEvents("hi", { version: "v2" }, { includeNames: ["StrOutputParser"] }),
    );
    expect(events.map((e) => e.event)).toEqual(["on_parser_start", "on_parser_stream", "on_parser_end"]);
    // The other names stay the seeds' (Python's): a lambda after its function, a map after its keys.
    const names = (await toArray(chain.streamEvents("hi", { version: "v2" })))
      .filter((e) => e.event.endsWith("_start"))
      .map((e) => e.name);
    expect(names).toEqual([
      "RunnableSequence",
      "upper",
      "RunnableParallel<a,b>",
      "StrOutputParser",
      "b", // an arrow function takes the name of the key it is written under
      "RunnableLambda",
    ]);
  });

  it("rejects a message with an image block, whole or streamed, as @langchain/core does", async () => {
    const parser = new StringOutputParser();
    const pictured = new HumanMessage({
      content: [
        { type: "text", text: "a" },
        { type: "image_url", image_url: "http://x/a.png" },
      ],
    });
    await expect(parser.invoke(pictured)).rejects.toThrow(InvalidInputError);
    await expect(parser.invoke(pictured)).rejects.toThrow(/cannot turn a message with an "image_url" block/);
    const chunks = [
      new AIMessageChunk("a"),
      new AIMessageChunk({ content: [{ type: "image", url: "http://x" }] }),
    ];
    await expect(toArray(parser.transform(fromArray(chunks)))).rejects.toThrow(/an "image" block/);
    // Text blocks are joined, and reasoning is left out, as before.
    const thought = new AIMessage({
      content: [
        { type: "thinking", thinking: "hmm" },
        { type: "text", text: "b" },
      ],
    });
    expect(await parser.invoke(thought)).toBe("b");
  });

  it("is also exported as StrOutputParser", () => {
    expect(new StrOutputParser()).toBeInstanceOf(StringOutputParser);
    expect(new StrOutputParser().getFormatInstructions()).toBe("");
  });
});

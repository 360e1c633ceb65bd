import { AIMessage, AIMessageChunk, HumanMessage, InvalidConfigError, InvalidInputError } from "rivulet";
import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { BaseCumulativeTransformOutputParser, type CumulativeGeneration } from "./index.js";
import { parserChain, parserEvents } from "./test-support/parser-chain.js";

/** The complete lines read so far (a line counts once its newline arrived); diff streams only the new ones. */
class LinesParser extends BaseCumulativeTransformOutputParser<string[]> {
  readonly seen: CumulativeGeneration[] = [];

  async parse(text: string): Promise<string[]> {
    return text.split("\n").filter((line) => line !== "");
  }

  async parsePartialResult(generations: CumulativeGeneration[]): Promise<string[] | undefined> {
    const generation = generations[0];
    if (generation === undefined) return undefined;
    this.seen.push(generation);
    const lines = generation.text.split("\n").slice(0, -1);
    return lines.length === 0 ? undefined : lines;
  }

  protected override _diff(previous: string[] | undefined, next: string[]): string[] {
    return next.slice(previous?.length ?? 0);
  }
}

describe("BaseCumulativeTransformOutputParser", () => {
  it("streams each partial result that changed, skipping undefined ones", async () => {
    const chunks = await toArray(new LinesParser().transform(fromArray(["a", "\nb", "b", "\n", "c"])));
    expect(chunks).toEqual([["a"], ["a", "bb"]]);
  });

  it("streams _diff(previous, next) with diff: true, and the output joins the diffs", async () => {
    const parser = new LinesParser({ diff: true });
    expect(await toArray(parser.transform(fromArray(["a\n", "b\nc", "\n"])))).toEqual([["a"], ["b"], ["c"]]);
    const chain = parserChain(new LinesParser({ diff: true }), ["x\n", "y\n"]);
    const events = await parserEvents(chain, "LinesParser");
    expect(events.at(-1)).toMatchObject({ event: "on_parser_end", data: { output: ["x", "y"] } });
  });

  it("hands the subclass the text so far and the message so far (chunks joined)", async () => {
    const parser = new LinesParser();
    await toArray(
      parser.transform(
        fromArray([new AIMessageChunk({ content: "a\n", id: "m1" }), new AIMessageChunk("b\n")]),
      ),
    );
    expect(parser.seen.map((generation) => generation.text)).toEqual(["a\n", "a\nb\n"]);
    const last = parser.seen.at(-1)?.message;
    expect(AIMessageChunk.isInstance(last) && last.content).toBe("a\nb\n");
    expect(last?.id).toBe("m1");
  });

  it("invoke reads parse(text) through parseResult", async () => {
    expect(await new LinesParser().invoke("a\n\nb")).toEqual(["a", "b"]);
    expect(await new LinesParser().invoke(new AIMessage("c\nd"))).toEqual(["c", "d"]);
  });

  it("in prompt | model | parser: each change is a stream event, the output is the last", async () => {
    const chain = parserChain(new LinesParser(), ["one\n", "two\n", "three"]);
    expect(await toArray(await chain.stream({ question: "q" }))).toEqual([["one"], ["one", "two"]]);
    const events = await parserEvents(chain, "LinesParser");
    expect(events).toMatchObject([
      { event: "on_parser_start" },
      { event: "on_parser_stream", data: { chunk: ["one"] } },
      { event: "on_parser_stream", data: { chunk: ["one", "two"] } },
      { event: "on_parser_end", data: { output: ["one", "two"] } },
    ]);
  });

  it("refuses diff: true without a _diff, and chunks of two kinds of message", async () => {
    class NoDiff extends BaseCumulativeTransformOutputParser<string> {
      async parse(text: string) {
        return text;
      }
      async parsePartialResult(generations: CumulativeGeneration[]) {
        return generations[0]?.text;
      }
    }
    await expect(toArray(new NoDiff({ diff: true }).transform(fromArray(["a"])))).rejects.toThrow(
      InvalidConfigError,
    );
    const mixed = fromArray([new AIMessageChunk("a"), new HumanMessage("b")]);
    await expect(toArray(new NoDiff().transform(mixed))).rejects.toThrow(InvalidInputError);
  });
});

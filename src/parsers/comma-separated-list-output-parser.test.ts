import { AIMessageChunk } from "rivulet";
import { fromArray, RunRecorder, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { CommaSeparatedListOutputParser } from "./index.js";

describe("CommaSeparatedListOutputParser", () => {
  it("streams each item once its comma arrives, the last at the end, trimmed", async () => {
    const rec = new RunRecorder();
    const parser = new CommaSeparatedListOutputParser();
    const chunks = ["Fra", "nce, Sp", "ain,", " Ja", "pan ", "\n"].map((c) => new AIMessageChunk(c));
    expect(await toArray(parser.transform(fromArray(chunks), { callbacks: [rec] }))).toEqual([
      ["France"],
      ["Spain"],
      ["Japan"],
    ]);
    expect(rec.entries.find((e) => e.kind === "end")?.output).toEqual(["France", "Spain", "Japan"]);
  });

  it("parses a whole text the same way, skipping blank items", async () => {
    const parser = new CommaSeparatedListOutputParser();
    expect(await parser.invoke("red, green,blue , ")).toEqual(["red", "green", "blue"]);
    expect(await parser.invoke("")).toEqual([]);
    expect(await toArray(parser.stream("a, b"))).toEqual([["a"], ["b"]]);
    expect(parser.getFormatInstructions()).toMatch(/comma separated/);
  });
});

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

  it("keeps empty items, as @langchain/core does (a trailing comma, two commas, an empty text)", async () => {
    const parser = new CommaSeparatedListOutputParser();
    // Each expected list is @langchain/core 1.4's for the same text.
    expect(await parser.invoke("a,b,c,")).toEqual(["a", "b", "c", ""]);
    expect(await parser.invoke("red, green,blue , ")).toEqual(["red", "green", "blue", ""]);
    expect(await parser.invoke("a,,b")).toEqual(["a", "", "b"]);
    expect(await parser.invoke(" , ")).toEqual(["", ""]);
    expect(await parser.invoke("")).toEqual([""]);
    expect(await toArray(parser.transform(fromArray(["a,b", ",c,"])))).toEqual([["a"], ["b"], ["c"], [""]]);
    expect(await toArray(parser.transform(fromArray(["a,", ",b"])))).toEqual([["a"], [""], ["b"]]);
    expect(await toArray(parser.transform(fromArray<string>([])))).toEqual([[""]]);
    expect(await toArray(parser.stream("a, b"))).toEqual([["a"], ["b"]]);
    expect(parser.getFormatInstructions()).toMatch(/comma separated/);
  });
});

import { fromArray, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { MarkdownListOutputParser, NumberedListOutputParser } from "./index.js";

describe("NumberedListOutputParser", () => {
  it("streams each item when its line ends and ignores lines that are not items", async () => {
    const parser = new NumberedListOutputParser();
    const chunks = ["Here are three:\n1", ". fo", "o\n2. bar\n", "3)  baz  "];
    expect(await toArray(parser.transform(fromArray(chunks)))).toEqual([["foo"], ["bar"], ["baz"]]);
    expect(await parser.invoke("1. foo\n2. bar")).toEqual(["foo", "bar"]);
  });
});

describe("MarkdownListOutputParser", () => {
  it("reads - and * bullets item by item", async () => {
    const parser = new MarkdownListOutputParser();
    const chunks = ["- fo", "o\n", "* bar\r\n  - baz"];
    expect(await toArray(parser.transform(fromArray(chunks)))).toEqual([["foo"], ["bar"], ["baz"]]);
    expect(await parser.invoke("Intro\n- a\n- b\n")).toEqual(["a", "b"]);
  });
});

import { TextBuilder } from "rivulet";
import { describe, expect, it } from "vitest";

describe("TextBuilder", () => {
  it("joins pieces in order across block boundaries, with reads in between", () => {
    const text = new TextBuilder();
    let expected = "";
    for (let i = 0; i < 5000; i++) {
      const piece = String(i % 10);
      text.append(piece);
      expected += piece;
      if (i % 777 === 0) expect(text.toString()).toBe(expected);
    }
    expect(text.toString()).toBe(expected);
    expect(text.toString()).toBe(expected);
  });

  it("is empty before any piece and keeps empty pieces harmless", () => {
    const text = new TextBuilder();
    expect(text.toString()).toBe("");
    text.append("");
    text.append("a");
    expect(text.toString()).toBe("a");
  });
});

import { inspect } from "node:util";
import { describe, expect, it } from "vitest";
import { Document } from "./document.js";

describe("Document", () => {
  it("prints like the seeds, with the id first and no id when unset", () => {
    const doc = new Document({ pageContent: "harrison worked at langchain", id: "a5d7" });
    expect(inspect(doc)).toBe(
      "Document(id='a5d7', metadata={}, page_content='harrison worked at langchain')",
    );
    const plain = new Document({ pageContent: "it's here", metadata: { source: "notes", page: 2 } });
    expect(String(plain)).toBe(`Document(metadata={'source': 'notes', 'page': 2}, page_content="it's here")`);
    expect(inspect([doc])).toContain("  Document(id='a5d7', metadata={}");
  });

  it("serialises as { type, pageContent, metadata, id? }", () => {
    expect(JSON.parse(JSON.stringify(new Document({ pageContent: "x" })))).toStrictEqual({
      type: "document",
      pageContent: "x",
      metadata: {},
    });
    expect(new Document({ pageContent: "x", metadata: { a: 1 }, id: "7" }).toJSON()).toStrictEqual({
      type: "document",
      pageContent: "x",
      metadata: { a: 1 },
      id: "7",
    });
  });

  it("isInstance recognises documents, also from another package copy (brand, not prototype)", () => {
    const doc = new Document({ pageContent: "x" });
    expect(Document.isInstance(doc)).toBe(true);
    expect(Document.isInstance({ pageContent: "x", metadata: {} })).toBe(false);
    expect(Document.isInstance({ [Symbol.for("rivulet.document")]: true })).toBe(true);
    expect(Document.isInstance(null)).toBe(false);
  });
});

import { inspect } from "node:util";
import { ChatPromptTemplate, PromptTemplate } from "rivulet";
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

  it("serialises as @langchain/core's Document does: { pageContent, metadata, id? }, in that order", () => {
    expect(JSON.stringify(new Document({ pageContent: "x" }))).toBe('{"pageContent":"x","metadata":{}}');
    expect(JSON.stringify(new Document({ pageContent: "x", metadata: { a: 1 }, id: "7" }))).toBe(
      '{"pageContent":"x","metadata":{"a":1},"id":"7"}',
    );
    expect(new Document({ pageContent: "x", id: "7" }).toJSON()).toStrictEqual({
      pageContent: "x",
      metadata: {},
      id: "7",
    });
  });

  it("formats into prompts as @langchain/core's Document does", async () => {
    const docs = [
      new Document({ pageContent: "x", metadata: { a: 1 }, id: "7" }),
      new Document({ pageContent: "y" }),
    ];
    // The text @langchain/core 1.4 gives for the same templates and documents.
    const json = '[{"pageContent":"x","metadata":{"a":1},"id":"7"},{"pageContent":"y","metadata":{}}]';
    expect(await PromptTemplate.fromTemplate("{docs}").format({ docs })).toBe(json);
    expect(await ChatPromptTemplate.fromMessages([["human", "{docs}"]]).format({ docs })).toBe(
      `Human: ${json}`,
    );
  });

  it("isInstance recognises documents, also from another package copy (brand, not prototype)", () => {
    const doc = new Document({ pageContent: "x" });
    expect(Document.isInstance(doc)).toBe(true);
    expect(Document.isInstance({ pageContent: "x", metadata: {} })).toBe(false);
    expect(Document.isInstance({ [Symbol.for("rivulet.document")]: true })).toBe(true);
    expect(Document.isInstance(null)).toBe(false);
  });
});

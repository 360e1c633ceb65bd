import { RunnableLambda, RunnableParallel, RunnablePassthrough } from "rivulet";
import { normalizeIds, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { FakeRetriever } from "../testing/fake-retriever.js";
import { Document } from "./document.js";
import { HashedNgramEmbeddings } from "./hashed-ngram-embeddings.js";
import { MemoryVectorStore } from "./memory-vector-store.js";

const docs = [
  new Document({ pageContent: "harrison worked at kensho", id: "d1" }),
  new Document({ pageContent: "harrison likes spicy food", id: "d2" }),
];

describe("retrievers as runnables", () => {
  it("stream() yields exactly one chunk: the list of Documents", async () => {
    const retriever = new FakeRetriever({ documents: docs });
    const chunks = await toArray(retriever.stream("where did harrison work?"));
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toStrictEqual(docs);
    expect(chunks[0]!.every((d) => Document.isInstance(d))).toBe(true);
  });

  it("a vector store retriever streams one chunk too", async () => {
    const store = await MemoryVectorStore.fromDocuments(docs, new HashedNgramEmbeddings());
    const chunks = await toArray(store.asRetriever({ k: 1 }).stream("where did harrison work?"));
    expect(chunks).toStrictEqual([[docs[0]]]);
  });

  it("events in a map: on_retriever_start { input: { query } }, on_retriever_end with the docs, no stream events", async () => {
    const store = await MemoryVectorStore.fromDocuments(docs, new HashedNgramEmbeddings());
    const retriever = store.asRetriever({ k: 1 });
    const format = RunnableLambda.from(function format(x: { context: Document[]; question: string }) {
      return `${x.context.map((d) => d.pageContent).join("\n")}\n\n${x.question}`;
    });
    const chain = RunnableParallel.from({
      context: retriever,
      question: new RunnablePassthrough<string>(),
    }).pipe(format);
    const query = "where did harrison work?";
    const events = normalizeIds(await toArray(chain.streamEvents(query, { version: "v2" })));
    const retrieverEvents = events.filter((e) => e.name === "VectorStoreRetriever");
    expect(retrieverEvents.map((e) => e.event)).toStrictEqual(["on_retriever_start", "on_retriever_end"]);
    const [start, end] = retrieverEvents;
    expect(start!.data).toStrictEqual({ input: { query } });
    expect(start!.tags).toContain("map:key:context");
    expect(end!.data).toStrictEqual({ output: [docs[0]], input: { query } });
    // The map streams the retriever's single chunk under its key, then the passthrough's.
    const mapChunks = events.filter(
      (e) => e.event === "on_chain_stream" && e.name === "RunnableParallel<context,question>",
    );
    expect(mapChunks.map((e) => e.data)).toContainEqual({ chunk: { context: [docs[0]] } });
    const rootEnd = events.at(-1)!;
    expect(rootEnd.data).toStrictEqual({ output: `harrison worked at kensho\n\n${query}` });
  });

  it("the retriever as a map branch still lets the chain stream after it", async () => {
    const retriever = new FakeRetriever({ documents: docs });
    const chain = RunnableParallel.from({
      context: retriever,
      question: new RunnablePassthrough<string>(),
    }).pipe(async function* words(input: AsyncIterable<{ context?: Document[]; question?: string }>) {
      let total: { context?: Document[]; question?: string } = {};
      for await (const chunk of input) total = { ...total, ...chunk };
      for (const word of (total.question ?? "").split(" ")) yield `${word}|`;
    });
    expect(await toArray(chain.stream("where did harrison work?"))).toStrictEqual([
      "where|",
      "did|",
      "harrison|",
      "work?|",
    ]);
  });

  it("honours the caller's signal", async () => {
    const retriever = new FakeRetriever({ documents: docs, sleep: 1000 });
    await expect(retriever.invoke("x", { signal: AbortSignal.abort() })).rejects.toMatchObject({
      code: "aborted",
    });
  });
});

describe("retriever input", () => {
  it("rejects a non-string query with a typed error saying how to fix it", async () => {
    const retriever = new FakeRetriever({ documents: docs });
    await expect(retriever.invoke({ question: "x" } as unknown as string)).rejects.toMatchObject({
      code: "invalid_input",
      message: expect.stringContaining("takes a query string, got object"),
    });
  });
});

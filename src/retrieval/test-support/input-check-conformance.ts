// Test support: the inputs every store refuses before any driver sees them, each with a typed
// error naming the field (so no NaN, NUL or wrong-length vector reaches SQL or a scan).
import { beforeAll, describe, expect, it } from "vitest";
import { Document } from "../document.js";
import {
  type ConformanceStore,
  caught,
  codeOf,
  FixedEmbeddings,
  messageOf,
  type VectorStoreFactory,
} from "./conformance-fixtures.js";

const QUERY = [1, 0, 0];

/** Hands a deliberately ill-typed value to a store, as JavaScript callers can. */
function untyped<T>(value: unknown): T {
  // The point is to get past the types, as untyped callers do.
  return value as T;
}

type Call = (store: ConformanceStore) => Promise<unknown>;

/** Calls with one bad input, the error code and the message they must give. */
const BAD_CALLS: [string, Call, string, RegExp][] = [
  [
    "NaN in a vector",
    (s) => s.addVectors([QUERY, [1, Number.NaN, 0]], [doc("a"), doc("b")]),
    "invalid_input",
    /vectors\[1\]: entry 1 is NaN/,
  ],
  [
    "Infinity in a vector",
    (s) => s.addVectors([[1, 0, Number.POSITIVE_INFINITY]], [doc("a")]),
    "invalid_input",
    /vectors\[0\]: entry 2 is Infinity/,
  ],
  [
    "a string in a vector",
    (s) => s.addVectors([untyped(["1", 0, 0])], [doc("a")]),
    "invalid_input",
    /vectors\[0\]: entry 0 is the string "1"/,
  ],
  [
    "a vector of the wrong length",
    (s) => s.addVectors([QUERY, [1, 0]], [doc("a"), doc("b")]),
    "invalid_input",
    /vectors\[1\] has length 2, but the store holds vectors of length 3/,
  ],
  ["an empty vector", (s) => s.addVectors([[]], [doc("a")]), "invalid_input", /vectors\[0\] has length 0/],
  [
    "fewer vectors than documents",
    (s) => s.addVectors([QUERY], [doc("a"), doc("b")]),
    "invalid_input",
    /1 vectors for 2 documents/,
  ],
  [
    "a query vector of the wrong length",
    (s) => s.similaritySearchVectorWithScore([1, 0], 4),
    "invalid_input",
    /query vector has length 2, but the store holds vectors of length 3/,
  ],
  [
    "NaN in a query vector",
    (s) => s.similaritySearchVectorWithScore([Number.NaN, 0, 0], 4),
    "invalid_input",
    /query vector: entry 0 is NaN/,
  ],
  [
    "k NaN",
    (s) => s.similaritySearchVectorWithScore(QUERY, Number.NaN),
    "invalid_config",
    /k must be a positive integer, got NaN/,
  ],
  [
    "k Infinity",
    (s) => s.similaritySearch("q", Number.POSITIVE_INFINITY),
    "invalid_config",
    /k must be a positive integer, got Infinity/,
  ],
  [
    "k 0",
    (s) => s.similaritySearchWithScore("q", 0),
    "invalid_config",
    /k must be a positive integer, got 0/,
  ],
  [
    "k 2.5",
    (s) => s.similaritySearchVectorWithScore(QUERY, 2.5),
    "invalid_config",
    /k must be a positive integer/,
  ],
  [
    "MMR k -1",
    (s) => s.maxMarginalRelevanceSearch("q", { k: -1 }),
    "invalid_config",
    /k must be a positive integer/,
  ],
  [
    "MMR fetchK NaN",
    (s) => s.maxMarginalRelevanceSearch("q", { fetchK: Number.NaN }),
    "invalid_config",
    /fetchK must be a positive integer/,
  ],
  [
    "MMR lambda 1.5",
    (s) => s.maxMarginalRelevanceSearch("q", { lambda: 1.5 }),
    "invalid_config",
    /lambda must be between 0 and 1/,
  ],
  [
    "MMR lambda NaN",
    (s) => s.maxMarginalRelevanceSearch("q", { lambda: Number.NaN }),
    "invalid_config",
    /lambda must be/,
  ],
  [
    "text containing NUL",
    (s) => s.addDocuments([doc("a"), new Document({ pageContent: "a\u0000b" })]),
    "invalid_input",
    /docs\[1\]\.pageContent contains a NUL character \(U\+0000\) at index 1/,
  ],
  [
    "text with a lone surrogate",
    (s) => s.addDocuments([new Document({ pageContent: "broken \ud83d pair" })]),
    "invalid_input",
    /docs\[0\]\.pageContent contains a lone surrogate \(U\+D83D\) at index 7/,
  ],
  [
    "text that is not a string",
    (s) => s.addDocuments([untyped({ pageContent: 42, metadata: {} })]),
    "invalid_input",
    /docs\[0\]\.pageContent must be a string, got number/,
  ],
  [
    "documents that are not an array",
    (s) => s.addDocuments(untyped("text")),
    "invalid_input",
    /docs must be an array/,
  ],
  [
    "BigInt metadata",
    (s) => s.addDocuments([doc("a", { n: 1n })]),
    "invalid_input",
    /docs\[0\]\.metadata\.n is a BigInt/,
  ],
  [
    "an id that is not a string",
    (s) => s.addDocuments([doc("a")], { ids: untyped([7]) }),
    "invalid_input",
    /ids\[0\] must be a string, got number/,
  ],
  [
    "a document id with NUL",
    (s) => s.addDocuments([new Document({ pageContent: "a", id: "x\u0000" })]),
    "invalid_input",
    /docs\[0\]\.id contains a NUL/,
  ],
  [
    "delete ids that are not strings",
    (s) => s.delete({ ids: untyped([1]) }),
    "invalid_input",
    /ids\[0\] must be a string/,
  ],
  [
    "a query that is not a string",
    (s) => s.similaritySearch(untyped(42)),
    "invalid_input",
    /query must be a string, got number/,
  ],
];

function doc(pageContent: string, metadata: Record<string, unknown> = {}): Document {
  return new Document({ pageContent, metadata });
}

/** Registers the input check conformance tests for one store kind. */
export function describeInputCheckConformance(factory: VectorStoreFactory): void {
  describe(`${factory.name}: inputs are checked before the store sees them`, () => {
    let store: ConformanceStore;
    beforeAll(async () => {
      store = await factory.create(new FixedEmbeddings());
      await store.addVectors([QUERY], [new Document({ pageContent: "kept", id: "kept" })]);
    });

    it.each(BAD_CALLS)(
      "refuses %s (typed, naming the field), storing nothing",
      async (_label, call, code, pattern) => {
        const error = await caught(() => call(store));
        expect(codeOf(error)).toBe(code);
        expect(messageOf(error)).toMatch(pattern);
        const left = await store.similaritySearchVectorWithScore(QUERY, 100);
        expect(left.map(([d]) => d.id)).toStrictEqual(["kept"]);
      },
    );

    it("refuses what the embeddings return when it does not fit, naming the document", async () => {
      const cases: [FixedEmbeddings, RegExp][] = [
        [
          new FixedEmbeddings({ vectorOf: (text) => (text === "two" ? [1, 0] : QUERY) }),
          /The embeddings returned a vector of length 2 for docs\[1\] \(id "d2"\), but the store holds vectors of length 3/,
        ],
        [
          new FixedEmbeddings({ vectorOf: (text) => (text === "two" ? [Number.NaN, 0, 0] : QUERY) }),
          /The embeddings returned a vector for docs\[1\] \(id "d2"\) whose entry 0 is NaN/,
        ],
      ];
      for (const [embeddings, pattern] of cases) {
        const target = await factory.create(embeddings);
        const docs = [
          new Document({ pageContent: "one", id: "d1" }),
          new Document({ pageContent: "two", id: "d2" }),
        ];
        const error = await caught(() => target.addDocuments(docs));
        expect(codeOf(error)).toBe("invalid_config");
        expect(messageOf(error)).toMatch(pattern);
        expect(await target.similaritySearchVectorWithScore(QUERY, 10)).toStrictEqual([]);
        const query = await caught(() => target.similaritySearch("two"));
        expect(codeOf(query)).toBe("invalid_config");
        expect(messageOf(query)).toMatch(/The embeddings returned .*for the query/);
      }
    });

    it("a stored vector does not change when the caller changes the array it gave", async () => {
      const target = await factory.create(new FixedEmbeddings());
      const vector = [1, 0, 0];
      await target.addVectors([vector], [new Document({ pageContent: "v", id: "v" })]);
      vector[0] = -1;
      const [hit] = await target.similaritySearchVectorWithScore([1, 0, 0], 1);
      expect(hit?.[1]).toBeCloseTo(1, 6);
    });
  });
}

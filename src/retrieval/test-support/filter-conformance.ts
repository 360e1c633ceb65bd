// Test support: how every vector store must treat metadata filters. The reference is
// PostgreSQL's `jsonb @>` containment; a store that is not PostgreSQL must match it exactly, and
// values JSON cannot hold (undefined, NaN, BigInt, functions...) are rejected by every store.
import { beforeAll, describe, expect, it } from "vitest";
import { Document } from "../document.js";
import type { MetadataFilter } from "../metadata-filter.js";
import {
  type ConformanceStore,
  caught,
  codeOf,
  FixedEmbeddings,
  messageOf,
  type VectorStoreFactory,
} from "./conformance-fixtures.js";

const QUERY = [1, 0, 0];

/** The documents every filter case runs against; ids name them in the expectations. */
const DOCS: Record<string, Record<string, unknown>> = {
  a: {
    tenant: "acme",
    n: 0,
    flag: true,
    tags: ["x", "y"],
    nested: { a: 1, b: { c: "d" } },
    nil: null,
    "a.b": 1,
    'we\'ird "key"': "v",
    ключ: "значение",
    "": "empty",
    emoji: "😀",
    constructor: "c",
    matrix: [[1, 2], [3]],
    objs: [{ k: 1, j: 2 }],
  },
  b: { tenant: "globex", n: -0, flag: false, tags: ["y"], nested: { a: 1 }, nil: "text" },
  c: {},
  d: { tenant: "acme", n: 1.5, tags: "x", nested: "flat", nil: null },
  e: { a: { b: 1 } },
  // JSON.parse makes "__proto__" an own key, as metadata read from JSON has it.
  f: JSON.parse('{"__proto__": "p"}'),
};

/** Filters with the ids (sorted) they must return. */
const MATCHES: [string, MetadataFilter | undefined, string[]][] = [
  ["no filter", undefined, ["a", "b", "c", "d", "e", "f"]],
  ["empty filter {}", {}, ["a", "b", "c", "d", "e", "f"]],
  ["a string", { tenant: "acme" }, ["a", "d"]],
  ["strings compare exactly (case)", { tenant: "ACME" }, []],
  ["a number", { n: 1.5 }, ["d"]],
  ["0 matches 0 and a stored -0", { n: 0 }, ["a", "b"]],
  ["-0 matches like 0", { n: -0 }, ["a", "b"]],
  ["a number never matches its string", { n: "0" }, []],
  ["true", { flag: true }, ["a"]],
  ["false", { flag: false }, ["b"]],
  ["false is not 0", { flag: 0 }, []],
  ["null matches stored null, not a missing key", { nil: null }, ["a", "d"]],
  ["a missing key matches nothing", { absent: "x" }, []],
  ["several keys must all match", { tenant: "acme", flag: true }, ["a"]],
  ["nested object: containment", { nested: { a: 1 } }, ["a", "b"]],
  ["nested object: deeper containment", { nested: { b: { c: "d" } } }, ["a"]],
  ["nested {} matches any object value, not a string", { nested: {} }, ["a", "b"]],
  ["nested key absent", { nested: { z: 1 } }, []],
  ["array: one element contained", { tags: ["x"] }, ["a"]],
  ["array: element in several", { tags: ["y"] }, ["a", "b"]],
  ["array: order does not count", { tags: ["y", "x"] }, ["a"]],
  ["array: duplicates do not count", { tags: ["x", "x"] }, ["a"]],
  ["array: [] matches any array value, not a string", { tags: [] }, ["a", "b"]],
  ["a scalar does not match an array holding it", { tags: "x" }, ["d"]],
  ["arrays of arrays: containment one level down", { matrix: [[1]] }, ["a"]],
  ["arrays of arrays: a scalar is not looked for inside inner arrays", { matrix: [1] }, []],
  ["arrays of objects: containment", { objs: [{ k: 1 }] }, ["a"]],
  ["a dotted key is one key, not a path", { "a.b": 1 }, ["a"]],
  ["a path is written as nested objects", { a: { b: 1 } }, ["e"]],
  ["quotes in keys", { 'we\'ird "key"': "v" }, ["a"]],
  ["non-ASCII keys and values", { ключ: "значение" }, ["a"]],
  ["the empty key", { "": "empty" }, ["a"]],
  ["astral characters", { emoji: "😀" }, ["a"]],
  ["keys named like Object.prototype members", { constructor: "c" }, ["a"]],
  ["a key named __proto__", JSON.parse('{"__proto__": "p"}'), ["f"]],
];

class Point {
  constructor(readonly x: number) {}
}

/** Filters no store may run, with the path the error must name. */
function rejectedFilters(): [string, unknown, RegExp][] {
  const cycle: Record<string, unknown> = {};
  cycle.self = cycle;
  const sparse: unknown[] = [];
  sparse[1] = "x";
  return [
    ["undefined", { tenant: undefined }, /filter\.tenant is undefined/],
    ["undefined, nested", { nested: { a: undefined } }, /filter\.nested\.a is undefined/],
    ["undefined in an array", { tags: [undefined] }, /filter\.tags\[0\] is undefined/],
    ["a sparse array", { tags: sparse }, /filter\.tags\[0\] is an empty slot/],
    ["NaN", { n: Number.NaN }, /filter\.n is NaN/],
    ["Infinity", { n: Number.POSITIVE_INFINITY }, /filter\.n is Infinity/],
    ["-Infinity, nested", { nested: { a: Number.NEGATIVE_INFINITY } }, /filter\.nested\.a is -Infinity/],
    ["a BigInt", { tenant: 1n }, /filter\.tenant is a BigInt/],
    ["a function", { tenant: () => "acme" }, /filter\.tenant is a function/],
    ["a symbol", { tenant: Symbol("acme") }, /filter\.tenant is a symbol/],
    ["a Date", { tenant: new Date(0) }, /filter\.tenant is a Date/],
    ["a Map", { tenant: new Map() }, /filter\.tenant is a Map/],
    ["a class instance", { tenant: new Point(1) }, /filter\.tenant is a Point/],
    ["a symbol key", { [Symbol("k")]: 1 }, /filter has a symbol key/],
    ["a cycle", cycle, /filter\.self .*cycle/],
    ["a NUL character", { tenant: "a\u0000b" }, /filter\.tenant contains a NUL/],
    ["a lone surrogate", { tenant: "a\ud800" }, /filter\.tenant contains a lone surrogate/],
    ["a lone surrogate in a key", { "k\udc00": 1 }, /filter key "k\\udc00" contains a lone surrogate/],
    ["null instead of an object", null, /filter must be/],
    ["a string instead of an object", "acme", /filter must be/],
    ["an array instead of an object", ["acme"], /filter must be/],
  ];
}

/** Metadata no store may keep, with the path the error must name. */
function rejectedMetadata(): [string, Record<string, unknown>, RegExp][] {
  return [
    ["undefined", { tenant: undefined }, /docs\[1\]\.metadata\.tenant is undefined: use null/],
    ["a BigInt", { n: 10n }, /docs\[1\]\.metadata\.n is a BigInt/],
    ["NaN, nested", { scores: { a: Number.NaN } }, /docs\[1\]\.metadata\.scores\.a is NaN/],
    ["a Date", { at: new Date(0) }, /docs\[1\]\.metadata\.at is a Date/],
    ["a function", { f: () => 1 }, /docs\[1\]\.metadata\.f is a function/],
    ["a Map", { m: new Map() }, /docs\[1\]\.metadata\.m is a Map/],
    ["a NUL in a string", { s: "\u0000" }, /docs\[1\]\.metadata\.s contains a NUL/],
    [
      "a lone surrogate in a key",
      { "\ud83d": 1 },
      /docs\[1\]\.metadata key "\\ud83d" contains a lone surrogate/,
    ],
  ];
}

/** Registers the filter conformance tests for one store kind. */
export function describeFilterConformance(factory: VectorStoreFactory): void {
  describe(`${factory.name}: metadata filters (jsonb @> containment)`, () => {
    let store: ConformanceStore;
    beforeAll(async () => {
      store = await factory.create(new FixedEmbeddings());
      const docs = Object.entries(DOCS).map(
        ([id, metadata]) => new Document({ pageContent: id, metadata, id }),
      );
      await store.addVectors(
        docs.map(() => QUERY),
        docs,
      );
    });

    const idsFor = async (filter: unknown): Promise<string[]> => {
      const hits = await store.similaritySearchVectorWithScore(QUERY, 50, filterOf(filter));
      return hits.map(([doc]) => doc.id ?? "").sort();
    };

    it.each(MATCHES)("%s", async (_label, filter, expected) => {
      expect(await idsFor(filter)).toStrictEqual(expected);
    });

    it("a stored -0 comes back as 0, as JSON has it", async () => {
      const [hit] = await store.similaritySearchVectorWithScore(QUERY, 1, { tenant: "globex" });
      expect(Object.is(hit?.[0].metadata.n, 0)).toBe(true);
    });

    it.each(rejectedFilters())("rejects %s, naming where it is", async (_label, filter, pattern) => {
      for (const search of [
        () => store.similaritySearchVectorWithScore(QUERY, 4, filterOf(filter)),
        () => store.similaritySearch("q", 4, filterOf(filter)),
        () => store.maxMarginalRelevanceSearch("q", { filter: filterOf(filter) }),
        () => store.asRetriever({ filter: filterOf(filter) }).invoke("q"),
      ]) {
        const error = await caught(search);
        expect(codeOf(error)).toBe("invalid_input");
        expect(messageOf(error)).toMatch(pattern);
      }
    });

    it.each(rejectedMetadata())(
      "refuses metadata with %s, naming where, storing nothing",
      async (_l, bad, pattern) => {
        const target = await factory.create(new FixedEmbeddings());
        const docs = [
          new Document({ pageContent: "fine", metadata: { ok: 1 } }),
          new Document({ pageContent: "bad", metadata: bad }),
        ];
        const error = await caught(() => target.addVectors([QUERY, QUERY], docs));
        expect(codeOf(error)).toBe("invalid_input");
        expect(messageOf(error)).toMatch(pattern);
        expect(await target.similaritySearchVectorWithScore(QUERY, 10)).toStrictEqual([]);
      },
    );

    it("keeps JSON metadata exactly: what one store returns, every store returns", async () => {
      const target = await factory.create(new FixedEmbeddings());
      const metadata = {
        s: "é😀",
        n: 1.5,
        big: 1e300,
        tiny: 5e-324,
        t: true,
        z: null,
        a: [1, [2], { b: "c" }],
      };
      await target.addVectors([QUERY], [new Document({ pageContent: "x", metadata, id: "x" })]);
      metadata.n = 2; // a later change by the caller does not reach the store
      const [hit] = await target.similaritySearchVectorWithScore(QUERY, 1);
      expect(hit?.[0].metadata).toStrictEqual({ ...metadata, n: 1.5 });
    });

    it("an undefined value says what to do instead", async () => {
      const tenant: string | undefined = undefined;
      const error = await caught(() => store.similaritySearch("q", 4, { tenant }));
      expect(messageOf(error)).toContain(
        "use null to match documents whose value is null, or remove the key",
      );
      // asRetriever checks the filter when the retriever is made, not only at the first search.
      const early = await caught(() => store.asRetriever({ filter: { tenant } }));
      expect(codeOf(early)).toBe("invalid_input");
    });
  });
}

/** Hands a deliberately ill-typed filter to a store, as JavaScript callers can. */
function filterOf(value: unknown): MetadataFilter | undefined {
  // The one cast of the suite: the point is to get past the types, as untyped callers do.
  return value as MetadataFilter | undefined;
}

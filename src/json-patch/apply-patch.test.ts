import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { RivuletError } from "../errors/rivulet-error.js";
import { applyPatch } from "./apply-patch.js";
import { JsonPatchError } from "./json-patch-error.js";
import type { JsonPatchOperation } from "./json-patch-operation.js";

/** Runs a patch expected to fail and returns the typed error. */
function patchError(document: unknown, ops: readonly unknown[]): JsonPatchError {
  try {
    applyPatch(document, ops as JsonPatchOperation[]);
  } catch (error) {
    if (JsonPatchError.isInstance(error)) return error;
    throw error;
  }
  throw new Error("expected the patch to fail");
}

describe("applyPatch: RFC 6902 Appendix A", () => {
  it("A.1 adds an object member", () => {
    expect(applyPatch({ foo: "bar" }, [{ op: "add", path: "/baz", value: "qux" }])).toEqual({
      baz: "qux",
      foo: "bar",
    });
  });

  it("A.2 adds an array element before the given index", () => {
    const result = applyPatch({ foo: ["bar", "baz"] }, [{ op: "add", path: "/foo/1", value: "qux" }]);
    expect(result).toEqual({ foo: ["bar", "qux", "baz"] });
  });

  it("A.3 removes an object member", () => {
    expect(applyPatch({ baz: "qux", foo: "bar" }, [{ op: "remove", path: "/baz" }])).toEqual({ foo: "bar" });
  });

  it("A.4 removes an array element, shifting the rest", () => {
    const result = applyPatch({ foo: ["bar", "qux", "baz"] }, [{ op: "remove", path: "/foo/1" }]);
    expect(result).toEqual({ foo: ["bar", "baz"] });
  });

  it("A.5 replaces a value", () => {
    const result = applyPatch({ baz: "qux", foo: "bar" }, [{ op: "replace", path: "/baz", value: "boo" }]);
    expect(result).toEqual({ baz: "boo", foo: "bar" });
  });

  it("A.6 moves a value between objects", () => {
    const document = { foo: { bar: "baz", waldo: "fred" }, qux: { corge: "grault" } };
    const result = applyPatch(document, [{ op: "move", from: "/foo/waldo", path: "/qux/thud" }]);
    expect(result).toEqual({ foo: { bar: "baz" }, qux: { corge: "grault", thud: "fred" } });
  });

  it("A.7 moves an array element (the index is read after the removal)", () => {
    const result = applyPatch({ foo: ["all", "grass", "cows", "eat"] }, [
      { op: "move", from: "/foo/1", path: "/foo/3" },
    ]);
    expect(result).toEqual({ foo: ["all", "cows", "eat", "grass"] });
  });

  it("A.8 passes tests that match", () => {
    const document = { baz: "qux", foo: ["a", 2, "c"] };
    const result = applyPatch(document, [
      { op: "test", path: "/baz", value: "qux" },
      { op: "test", path: "/foo/1", value: 2 },
    ]);
    expect(result).toEqual(document);
  });

  it("A.9 fails a test that does not match", () => {
    const error = patchError({ baz: "qux" }, [{ op: "test", path: "/baz", value: "bar" }]);
    expect(error.kind).toBe("test_failed");
    expect(error.opIndex).toBe(0);
    expect(error.message).toContain('"/baz"');
    expect(error.message).toContain('expected "bar"');
  });

  it("A.10 adds a nested member object", () => {
    const result = applyPatch({ foo: "bar" }, [{ op: "add", path: "/child", value: { grandchild: {} } }]);
    expect(result).toEqual({ foo: "bar", child: { grandchild: {} } });
  });

  it("A.11 ignores members it does not recognise in an op", () => {
    const ops = [{ op: "add", path: "/baz", value: "qux", xyz: 123 }] as unknown as JsonPatchOperation[];
    expect(applyPatch({ foo: "bar" }, ops)).toEqual({ foo: "bar", baz: "qux" });
  });

  it("A.12 refuses to add to a nonexistent target", () => {
    const error = patchError({ foo: "bar" }, [{ op: "add", path: "/baz/bat", value: "qux" }]);
    expect(error.kind).toBe("path_not_found");
    expect(error.message).toContain("/baz");
  });

  it("A.13 rejects an invalid op (a JS object cannot hold two `op` members, so: an unknown op)", () => {
    const error = patchError({ foo: "bar" }, [
      { op: "remove", path: "/foo" },
      { op: "frobnicate", path: "/baz" },
    ]);
    expect(error.kind).toBe("invalid_operation");
    expect(error.opIndex).toBe(1);
    expect(error.message).toContain("frobnicate");
  });

  it("A.14 unescapes ~01 as ~1, not as /", () => {
    const document = { "/": 9, "~1": 10 };
    expect(applyPatch(document, [{ op: "test", path: "/~01", value: 10 }])).toEqual(document);
  });

  it("A.15 does not equate a string with a number", () => {
    const error = patchError({ "/": 9, "~1": 10 }, [{ op: "test", path: "/~01", value: "10" }]);
    expect(error.kind).toBe("test_failed");
  });

  it("A.16 adds an array as one element at the end with -", () => {
    const result = applyPatch({ foo: ["bar"] }, [{ op: "add", path: "/foo/-", value: ["abc", "def"] }]);
    expect(result).toEqual({ foo: ["bar", ["abc", "def"]] });
  });
});

describe("applyPatch: other rules of RFC 6902", () => {
  it("replaces the whole document with path ''", () => {
    expect(applyPatch({ a: 1 }, [{ op: "replace", path: "", value: [1, 2] }])).toEqual([1, 2]);
    expect(applyPatch<unknown>(null, [{ op: "add", path: "", value: { id: "x" } }])).toEqual({ id: "x" });
  });

  it("copies a value, and later writes to the copy leave the source alone", () => {
    const result = applyPatch({ a: { list: [1] } }, [
      { op: "copy", from: "/a", path: "/b" },
      { op: "add", path: "/b/list/-", value: 2 },
    ]);
    expect(result).toEqual({ a: { list: [1] }, b: { list: [1, 2] } });
  });

  it("compares objects by members, in any order, in test", () => {
    const document = { v: { a: 1, b: [true, null, { c: "x" }] } };
    expect(() =>
      applyPatch(document, [{ op: "test", path: "/v", value: { b: [true, null, { c: "x" }], a: 1 } }]),
    ).not.toThrow();
    expect(patchError(document, [{ op: "test", path: "/v", value: { a: 1 } }]).kind).toBe("test_failed");
    expect(patchError(document, [{ op: "test", path: "/v/b", value: [true, null] }]).kind).toBe(
      "test_failed",
    );
  });

  it("names the failing index, op and reason for bad array indices", () => {
    const document = { list: [1, 2] };
    expect(patchError(document, [{ op: "add", path: "/list/3", value: 0 }]).kind).toBe("invalid_index");
    expect(patchError(document, [{ op: "remove", path: "/list/-" }]).kind).toBe("invalid_index");
    expect(patchError(document, [{ op: "replace", path: "/list/01", value: 0 }]).kind).toBe("invalid_index");
    const error = patchError(document, [
      { op: "test", path: "/list/0", value: 1 },
      { op: "remove", path: "/list/2" },
    ]);
    expect(error.opIndex).toBe(1);
    expect(error.operation).toEqual({ op: "remove", path: "/list/2" });
    expect(error.message).toBe(
      'JSON Patch op #1 { op: "remove", path: "/list/2" } failed: /list/2: index 2 is out of range (array length 2)',
    );
  });

  it("requires the target of remove and replace to exist", () => {
    expect(patchError({}, [{ op: "remove", path: "/a" }]).kind).toBe("path_not_found");
    expect(patchError({}, [{ op: "replace", path: "/a", value: 1 }]).kind).toBe("path_not_found");
    expect(patchError({}, [{ op: "remove", path: "/constructor" }]).kind).toBe("path_not_found");
  });

  it("refuses to move a value into its own child, and treats a move onto itself as a no-op", () => {
    expect(patchError({ a: { b: {} } }, [{ op: "move", from: "/a", path: "/a/b/c" }]).kind).toBe(
      "invalid_operation",
    );
    expect(applyPatch({ a: 1 }, [{ op: "move", from: "/a", path: "/a" }])).toEqual({ a: 1 });
  });

  it("rejects malformed ops and pointers with typed errors", () => {
    expect(patchError({}, [{ op: "add", path: "/a" }]).kind).toBe("invalid_operation");
    expect(patchError({}, [{ op: "move", path: "/a" }]).kind).toBe("invalid_operation");
    expect(patchError({}, [null]).kind).toBe("invalid_operation");
    const pointerError = patchError({}, [{ op: "add", path: "a", value: 1 }]);
    expect(pointerError.kind).toBe("invalid_pointer");
    expect(InvalidInputError.isInstance(pointerError.cause)).toBe(true);
  });

  it("writes a member named __proto__ as data, never as the prototype", () => {
    const result = applyPatch<Record<string, unknown>>({}, [
      { op: "add", path: "/__proto__", value: { polluted: true } },
    ]);
    expect(Object.hasOwn(result, "__proto__")).toBe(true);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(result)).toBe(Object.prototype);
  });

  it("is a RivuletError with code invalid_input, told apart from InvalidInputError", () => {
    const error = patchError({}, [{ op: "remove", path: "/x" }]);
    expect(RivuletError.isInstance(error)).toBe(true);
    expect(error.code).toBe("invalid_input");
    expect(error.name).toBe("JsonPatchError");
    expect(JsonPatchError.isInstance(new InvalidInputError("other"))).toBe(false);
  });
});

describe("applyPatch: the append extension", () => {
  it("appends text to a string member and to a string array element", () => {
    const result = applyPatch({ text: "Hel", parts: ["a"] }, [
      { op: "append", path: "/text", value: "lo" },
      { op: "append", path: "/parts/0", value: "b" },
      { op: "append", path: "/text", value: "!" },
    ]);
    expect(result).toEqual({ text: "Hello!", parts: ["ab"] });
  });

  it("appends to a root string", () => {
    expect(applyPatch("ab", [{ op: "append", path: "", value: "c" }])).toBe("abc");
  });

  it("fails on a missing target, a non-string target, or a non-string value", () => {
    expect(patchError({}, [{ op: "append", path: "/t", value: "x" }]).kind).toBe("path_not_found");
    expect(patchError({ t: 1 }, [{ op: "append", path: "/t", value: "x" }]).kind).toBe("type_mismatch");
    expect(patchError({ t: "" }, [{ op: "append", path: "/t", value: 1 }]).kind).toBe("invalid_operation");
  });
});

describe("applyPatch: copy-on-write", () => {
  function bigDocument() {
    return {
      logs: {
        a: { streamed_output: ["x"], meta: { deep: [1, 2, 3] } },
        b: { streamed_output: [] as string[] },
      },
      streamed_output: [] as unknown[],
      other: { untouched: { list: [1, 2, 3] } },
    };
  }

  it("does not change the input and shares every untouched subtree", () => {
    const input = bigDocument();
    const snapshot = structuredClone(input);
    const result = applyPatch(input, [
      { op: "add", path: "/logs/b/streamed_output/-", value: "y" },
      { op: "append", path: "/logs/b/streamed_output/0", value: "z" },
      { op: "add", path: "/streamed_output/-", value: 1 },
    ]);
    expect(input).toEqual(snapshot);
    expect(result.logs.b.streamed_output).toEqual(["yz"]);
    expect(result).not.toBe(input);
    expect(result.logs).not.toBe(input.logs);
    expect(result.logs.b).not.toBe(input.logs.b);
    // Untouched subtrees are the very same objects.
    expect(result.logs.a).toBe(input.logs.a);
    expect(result.other).toBe(input.other);
  });

  it("copies each touched container once per patch, not once per op", () => {
    // A proxy counts element reads: copying the 100-element array once reads each element
    // once; copying it for each of the 1000 ops would read 100,000.
    let reads = 0;
    const list = new Proxy(
      Array.from({ length: 100 }, (_, i) => i),
      {
        get(target, key, receiver) {
          if (typeof key === "string" && /^\d+$/.test(key)) reads++;
          return Reflect.get(target, key, receiver);
        },
      },
    );
    const input = { list, big: { untouched: Array.from({ length: 10_000 }, (_, i) => i) } };
    const ops: JsonPatchOperation[] = [];
    for (let i = 0; i < 1000; i++) ops.push({ op: "add", path: "/list/-", value: i });
    const result = applyPatch(input, ops);
    expect(reads).toBeLessThanOrEqual(100);
    expect(input.list).toHaveLength(100);
    expect(result.list).toHaveLength(1100);
    expect(result.big).toBe(input.big);
  });

  it("leaves the input unchanged when a later op fails", () => {
    const input = { a: [1], b: "x" };
    expect(() =>
      applyPatch(input, [
        { op: "add", path: "/a/-", value: 2 },
        { op: "test", path: "/b", value: "nope" },
      ]),
    ).toThrow(JsonPatchError);
    expect(input).toEqual({ a: [1], b: "x" });
  });

  it("never lets the document share containers with the ops' values", () => {
    const value = { streamed_output: [] as string[] };
    const ops: JsonPatchOperation[] = [{ op: "add", path: "/logs/x", value }];
    const state = applyPatch({ logs: {} as Record<string, typeof value> }, ops);
    applyPatch(state, [{ op: "add", path: "/logs/x/streamed_output/-", value: "tok" }], { mutate: true });
    expect(state.logs.x?.streamed_output).toEqual(["tok"]);
    expect(value.streamed_output).toEqual([]);
  });

  it("keeps class instances by reference and refuses to write inside them", () => {
    class Chunk {
      constructor(readonly content: string) {}
    }
    const chunk = new Chunk("hi");
    const state = applyPatch({ out: [] as unknown[] }, [{ op: "add", path: "/out/-", value: chunk }]);
    expect(state.out[0]).toBe(chunk);
    expect(patchError(state, [{ op: "replace", path: "/out/0/content", value: "x" }]).kind).toBe(
      "type_mismatch",
    );
    expect(() => applyPatch(state, [{ op: "test", path: "/out/0/content", value: "hi" }])).not.toThrow();
  });
});

describe("applyPatch: mutate", () => {
  it("applies in place and returns the same document", () => {
    const input = { list: [1], text: "a" };
    const result = applyPatch(
      input,
      [
        { op: "add", path: "/list/-", value: 2 },
        { op: "append", path: "/text", value: "b" },
      ],
      { mutate: true },
    );
    expect(result).toBe(input);
    expect(input).toEqual({ list: [1, 2], text: "ab" });
  });

  it("returns the new root when the root is replaced", () => {
    const input = { a: 1 };
    expect(applyPatch(input, [{ op: "replace", path: "", value: { b: 2 } }], { mutate: true })).toEqual({
      b: 2,
    });
  });
});

describe("applyPatch: options are checked at the call", () => {
  it.each(["true", 1, null])("rejects mutate: %s (not a boolean) instead of silently copying", (mutate) => {
    const options: { mutate: boolean } = JSON.parse(JSON.stringify({ mutate }));
    const document = { a: 1 };
    expect(() => applyPatch(document, [{ op: "replace", path: "/a", value: 2 }], options)).toThrow(
      /^mutate must be true or false/,
    );
    expect(document).toEqual({ a: 1 });
  });
});

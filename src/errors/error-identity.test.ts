// One identity per error class: `isInstance` checks the class's own `Symbol.for` marker, never the
// `code` (InvalidInputError, NdjsonParseError and JsonPatchError share `invalid_input`), and it
// holds for instances made by another copy of the package.
import { describe, expect, it, vi } from "vitest";
import { JsonPatchError } from "../json-patch/json-patch-error.js";
import { NdjsonParseError } from "../sse/ndjson-parse-error.js";
import { AbortError, isAbortError, TimeoutError } from "./abort-error.js";
import { InvalidConfigError, InvalidInputError, RecursionLimitError } from "./input-errors.js";
import { OutputParserError } from "./output-parser-error.js";
import { PromptInputError } from "./prompt-input-error.js";
import { MissingApiKeyError, ProviderError } from "./provider-error.js";
import { RemoteRunnableError } from "./remote-runnable-error.js";
import { RivuletError } from "./rivulet-error.js";
import { ToolInputError } from "./tool-input-error.js";
import { WireValueError } from "./wire-value-error.js";

interface ErrorClass {
  readonly name: string;
  isInstance(value: unknown): boolean;
}

/** Every error module, as one copy of the package has it. */
interface ErrorModules {
  abort: typeof import("./abort-error.js");
  input: typeof import("./input-errors.js");
  outputParser: typeof import("./output-parser-error.js");
  promptInput: typeof import("./prompt-input-error.js");
  provider: typeof import("./provider-error.js");
  toolInput: typeof import("./tool-input-error.js");
  remote: typeof import("./remote-runnable-error.js");
  wireValue: typeof import("./wire-value-error.js");
  ndjson: typeof import("../sse/ndjson-parse-error.js");
  jsonPatch: typeof import("../json-patch/json-patch-error.js");
}

/** One instance of every class, each made by the classes of `copy`. */
function instances(copy: ErrorModules): Record<string, Error> {
  return {
    AbortError: new copy.abort.AbortError(),
    TimeoutError: new copy.abort.TimeoutError(10),
    InvalidInputError: new copy.input.InvalidInputError("bad"),
    InvalidConfigError: new copy.input.InvalidConfigError("bad"),
    RecursionLimitError: new copy.input.RecursionLimitError(3),
    OutputParserError: new copy.outputParser.OutputParserError("bad", "text"),
    PromptInputError: new copy.promptInput.PromptInputError({ missing: ["a"], given: [] }),
    ProviderError: new copy.provider.ProviderError("down", { provider: "p", retryable: true }),
    MissingApiKeyError: new copy.provider.MissingApiKeyError("p", "P_KEY"),
    ToolInputError: new copy.toolInput.ToolInputError({ toolName: "t", issues: [], input: 1 }),
    RemoteRunnableError: new copy.remote.RemoteRunnableError("down", { status: 503 }),
    WireValueError: new copy.wireValue.WireValueError("bad", { loc: ["input"], issueType: "value_error" }),
    NdjsonParseError: new copy.ndjson.NdjsonParseError("{", 1),
    JsonPatchError: new copy.jsonPatch.JsonPatchError({
      kind: "path_not_found",
      reason: "no /x",
      opIndex: 0,
      operation: { op: "remove", path: "/x" },
    }),
  };
}

const classes: readonly ErrorClass[] = [
  AbortError,
  TimeoutError,
  InvalidInputError,
  InvalidConfigError,
  RecursionLimitError,
  OutputParserError,
  PromptInputError,
  ProviderError,
  MissingApiKeyError,
  ToolInputError,
  RemoteRunnableError,
  WireValueError,
  NdjsonParseError,
  JsonPatchError,
];

/** The Rivulet classes each class is a kind of (itself included). */
const kindsOf: Record<string, readonly string[]> = {
  NdjsonParseError: ["NdjsonParseError", "InvalidInputError"],
  JsonPatchError: ["JsonPatchError", "InvalidInputError"],
  WireValueError: ["WireValueError", "InvalidInputError"],
};

function isKindOf(instanceClass: string, checkedClass: string): boolean {
  return (kindsOf[instanceClass] ?? [instanceClass]).includes(checkedClass);
}

const thisCopy: ErrorModules = {
  abort: await import("./abort-error.js"),
  input: await import("./input-errors.js"),
  outputParser: await import("./output-parser-error.js"),
  promptInput: await import("./prompt-input-error.js"),
  provider: await import("./provider-error.js"),
  toolInput: await import("./tool-input-error.js"),
  remote: await import("./remote-runnable-error.js"),
  wireValue: await import("./wire-value-error.js"),
  ndjson: await import("../sse/ndjson-parse-error.js"),
  jsonPatch: await import("../json-patch/json-patch-error.js"),
};

/** A second, independent copy of every error module (as a duplicated install would load). */
async function anotherCopy(): Promise<ErrorModules> {
  vi.resetModules();
  return {
    abort: await import("./abort-error.js"),
    input: await import("./input-errors.js"),
    outputParser: await import("./output-parser-error.js"),
    promptInput: await import("./prompt-input-error.js"),
    provider: await import("./provider-error.js"),
    toolInput: await import("./tool-input-error.js"),
    remote: await import("./remote-runnable-error.js"),
    wireValue: await import("./wire-value-error.js"),
    ndjson: await import("../sse/ndjson-parse-error.js"),
    jsonPatch: await import("../json-patch/json-patch-error.js"),
  };
}

describe("isInstance: one identity per class", () => {
  const made = instances(thisCopy);

  it("covers every Rivulet error class", () => {
    expect(Object.keys(made).sort()).toStrictEqual(classes.map((c) => c.name).sort());
  });

  it.each(classes.map((c) => [c.name, c] as const))(
    "%s.isInstance is true for its own instances and subclasses, false for the rest",
    (_name, checked) => {
      for (const [instanceClass, error] of Object.entries(made)) {
        expect([instanceClass, checked.isInstance(error)]).toStrictEqual([
          instanceClass,
          isKindOf(instanceClass, checked.name),
        ]);
        expect(RivuletError.isInstance(error)).toBe(true);
      }
    },
  );

  it("classes sharing the code invalid_input are told apart without looking at fields", () => {
    const ndjson = made.NdjsonParseError;
    const patch = made.JsonPatchError;
    expect([ndjson?.name, patch?.name]).toStrictEqual(["NdjsonParseError", "JsonPatchError"]);
    expect(NdjsonParseError.isInstance(patch)).toBe(false);
    expect(JsonPatchError.isInstance(ndjson)).toBe(false);
    // Before, an InvalidInputError with the right field passed as the other class.
    const withLineNumber = Object.assign(new InvalidInputError("x"), { lineNumber: 3 });
    const withOpIndex = Object.assign(new InvalidInputError("x"), { opIndex: 0 });
    expect(NdjsonParseError.isInstance(withLineNumber)).toBe(false);
    expect(JsonPatchError.isInstance(withOpIndex)).toBe(false);
  });

  it("a subclass is a kind of InvalidInputError by the prototype chain too, keeping code invalid_input", () => {
    const ndjson = new NdjsonParseError("{", 2);
    expect(ndjson).toBeInstanceOf(InvalidInputError);
    expect(ndjson.code).toBe("invalid_input");
    expect(ndjson.lineNumber).toBe(2);
    expect(made.JsonPatchError).toBeInstanceOf(InvalidInputError);
    expect((made.JsonPatchError as JsonPatchError).code).toBe("invalid_input");
  });

  it("a bare RivuletError with a class's code is not that class (its fields would be missing)", () => {
    expect(TimeoutError.isInstance(new RivuletError("timeout", "late"))).toBe(false);
    expect(AbortError.isInstance(new RivuletError("aborted", "stopped"))).toBe(false);
    expect(InvalidInputError.isInstance(new RivuletError("invalid_input", "bad"))).toBe(false);
    expect(RivuletError.isInstance(new RivuletError("timeout", "late"))).toBe(true);
  });

  it("the markers are Symbol.for keys named after the class", () => {
    const error = new NdjsonParseError("{", 1);
    expect(Reflect.get(error, Symbol.for("rivulet.error.NdjsonParseError"))).toBe(true);
    expect(Reflect.get(error, Symbol.for("rivulet.error.InvalidInputError"))).toBe(true);
    expect(Reflect.get(error, Symbol.for("rivulet.error"))).toBe(true);
    // Symbol keys stay off the wire: JSON and Object.keys never show them.
    expect(Object.keys(error)).not.toContain("rivulet.error.NdjsonParseError");
  });
});

describe("isInstance and isAbortError of hostile values", () => {
  // Both run on whatever a chain threw (withRetry's default retryIf, errorPayload, the driver's
  // abort checks), so a value whose reads throw is simply not a Rivulet or abort error.
  it("are false, never a throw, for a revoked proxy, throwing traps and throwing getters", () => {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = () => {
      throw new Error("trap");
    };
    const hostile: unknown[] = [
      revoked.proxy,
      new Proxy({}, { get: throwing }),
      new Proxy(new Error("x"), { getPrototypeOf: throwing }),
      Object.defineProperty({}, Symbol.for("rivulet.error"), { get: throwing }),
      Object.defineProperty(new Error("x"), "name", { get: throwing }),
    ];
    for (const value of hostile) {
      expect(RivuletError.isInstance(value)).toBe(false);
      expect(InvalidInputError.isInstance(value)).toBe(false);
      expect(isAbortError(value)).toBe(false);
    }
    // A throwing class marker on a Rivulet error: still a Rivulet error, not of that class.
    const marker = Symbol.for("rivulet.error.InvalidInputError");
    const unreadable = Object.defineProperty(new InvalidInputError("x"), marker, { get: throwing });
    expect(RivuletError.isInstance(unreadable)).toBe(true);
    expect(InvalidInputError.isInstance(unreadable)).toBe(false);
  });
});

describe("isInstance across copies of the package", () => {
  it("recognises instances made by another copy's classes, class for class", async () => {
    const copy = await anotherCopy();
    expect(copy.input.InvalidInputError).not.toBe(InvalidInputError);
    const foreign = instances(copy);
    expect(foreign.InvalidInputError).not.toBeInstanceOf(InvalidInputError);
    for (const checked of classes) {
      for (const [instanceClass, error] of Object.entries(foreign)) {
        expect([checked.name, instanceClass, checked.isInstance(error)]).toStrictEqual([
          checked.name,
          instanceClass,
          isKindOf(instanceClass, checked.name),
        ]);
      }
    }
  });

  it("another copy recognises this copy's instances", async () => {
    const copy = await anotherCopy();
    const ours = new JsonPatchError({ kind: "test_failed", reason: "no", opIndex: 1, operation: {} });
    expect(copy.jsonPatch.JsonPatchError.isInstance(ours)).toBe(true);
    expect(copy.input.InvalidInputError.isInstance(ours)).toBe(true);
    expect(copy.ndjson.NdjsonParseError.isInstance(ours)).toBe(false);
  });
});

// errorPayload: what any thrown value looks like on the wire. JSON-safe, never a stack or a cause,
// and a non-Rivulet error's details only when asked for.
import { describe, expect, it } from "vitest";
import { JsonPatchError } from "../json-patch/json-patch-error.js";
import { NdjsonParseError } from "../sse/ndjson-parse-error.js";
import { AbortError, TimeoutError } from "./abort-error.js";
import { type ErrorPayload, errorPayload } from "./error-payload.js";
import { InvalidInputError } from "./input-errors.js";
import { PromptInputError } from "./prompt-input-error.js";
import { MissingApiKeyError, ProviderError } from "./provider-error.js";
import { RivuletError } from "./rivulet-error.js";

const internal: ErrorPayload = { code: "internal", name: "Error", message: "Internal error", status: 500 };

/** The payload after a JSON round trip: what a client receives. */
function onTheWire(error: unknown, options: { exposeMessages?: boolean } = {}): unknown {
  return JSON.parse(JSON.stringify(errorPayload(error, options)));
}

describe("errorPayload of a Rivulet error", () => {
  it("keeps code, class name and message, with the code's status", () => {
    const error = new PromptInputError({ missing: ["topic"], given: ["subject"] });
    expect(onTheWire(error)).toStrictEqual({
      code: "prompt_input",
      name: "PromptInputError",
      message: error.message,
      status: 422,
    });
  });

  it("gives subclasses sharing invalid_input their own name and the input status", () => {
    expect(onTheWire(new NdjsonParseError("{", 3))).toMatchObject({
      code: "invalid_input",
      name: "NdjsonParseError",
      status: 422,
    });
    const patch = new JsonPatchError({ kind: "test_failed", reason: "no", opIndex: 0, operation: {} });
    expect(onTheWire(patch)).toMatchObject({ code: "invalid_input", name: "JsonPatchError", status: 422 });
  });

  it("maps cancellation to 499, timeouts to 504 and provider failures to 502", () => {
    expect(onTheWire(new AbortError())).toStrictEqual({
      code: "aborted",
      name: "AbortError",
      message: "The run was aborted",
      status: 499,
    });
    expect(onTheWire(new TimeoutError(250, "idle"))).toStrictEqual({
      code: "timeout",
      name: "TimeoutError",
      message: "The run timed out after 250 ms (idle timeout)",
      status: 504,
    });
    const provider = new ProviderError("openai answered 429", {
      provider: "openai",
      status: 429,
      retryable: true,
    });
    expect(onTheWire(provider)).toMatchObject({ code: "provider", status: 502 });
  });

  it("masks what a provider error quotes from its server, and the server's missing key", () => {
    const leaky = new ProviderError(
      "openai answered HTTP 401 (invalid_api_key): Incorrect API key provided: sk-proj-abcd****wxyz",
      { provider: "openai", status: 401, retryable: false },
    );
    expect(onTheWire(leaky)).toStrictEqual({
      code: "provider",
      name: "ProviderError",
      message: "The model provider failed (HTTP 401)",
      status: 502,
    });
    const unreachable = new ProviderError("Could not reach ollama: connect ECONNREFUSED 10.0.3.7:11434", {
      provider: "ollama",
      retryable: true,
    });
    expect(onTheWire(unreachable)).toMatchObject({
      message: "The model provider failed; trying again later may work",
    });
    expect(onTheWire(new MissingApiKeyError("openai", "OPENAI_API_KEY"))).toMatchObject({
      code: "missing_api_key",
      message: "The server has no API key configured for its model provider",
      status: 500,
    });
    expect(onTheWire(leaky, { exposeMessages: true })).toMatchObject({
      message: expect.stringContaining("Incorrect API key provided"),
    });
  });

  it("writes no stack, no cause and no other field, even for a cyclic cause", () => {
    const inner = new Error("inner, with secrets");
    const outer = new ProviderError("down", {
      provider: "p",
      retryable: true,
      cause: inner,
      body: { key: "sk-1" },
    });
    Object.assign(inner, { cause: outer });
    const payload = errorPayload(outer);
    expect(Object.keys(payload).sort()).toStrictEqual(["code", "message", "name", "status"]);
    expect(JSON.stringify(payload)).toBe(
      '{"code":"provider","name":"ProviderError","message":"The model provider failed; trying again later may work","status":502}',
    );
    const self = new InvalidInputError("loops");
    Object.assign(self, { cause: self });
    expect(onTheWire(self)).toStrictEqual({
      code: "invalid_input",
      name: "InvalidInputError",
      message: "loops",
      status: 422,
    });
  });

  it("a code this copy does not know (a newer copy) becomes internal, keeping the message", () => {
    const newer = Object.assign(new Error("from a newer copy"), {
      name: "FutureError",
      code: "future_code",
      [Symbol.for("rivulet.error")]: true,
    });
    expect(onTheWire(newer)).toStrictEqual({
      code: "internal",
      name: "FutureError",
      message: "from a newer copy",
      status: 500,
    });
  });

  it("never throws on a branded value whose fields throw or are not strings", () => {
    const hostile = new RivuletError("internal", "x");
    Object.defineProperty(hostile, "message", {
      get() {
        throw new Error("getter");
      },
    });
    Object.defineProperty(hostile, "name", { value: 42 });
    expect(onTheWire(hostile)).toStrictEqual({ ...internal, name: "RivuletError" });
  });
});

describe("errorPayload of hostile values", () => {
  // A revoked proxy throws on every read; a proxy's traps and an Error's getters can throw too.
  // The payload is built where a failure is being reported (an SSE error frame), so it must not
  // throw in turn: such values are internal errors.
  function hostileValues(): unknown[] {
    const revoked = Proxy.revocable({}, {});
    revoked.revoke();
    const throwing = () => {
      throw new Error("trap");
    };
    return [
      revoked.proxy,
      new Proxy({}, { get: throwing }),
      new Proxy({}, { getPrototypeOf: throwing }),
      new Proxy(new Error("x"), { getPrototypeOf: throwing }),
      Object.defineProperty({}, Symbol.for("rivulet.error"), { get: throwing }),
      Object.defineProperty(new Error("secret"), "name", { get: throwing }),
    ];
  }

  it("never throws on a revoked proxy, a throwing trap or a throwing name getter", () => {
    for (const value of hostileValues()) {
      expect(onTheWire(value)).toStrictEqual(internal);
      expect(onTheWire(value, { exposeMessages: true })).toMatchObject({
        code: "internal",
        status: 500,
      });
    }
  });
});

describe("errorPayload of other values", () => {
  it("masks a plain Error: generic name and message, status 500", () => {
    const error = new TypeError("cannot read properties of undefined (reading 'password')");
    expect(onTheWire(error)).toStrictEqual(internal);
  });

  it("a thrown string, undefined, a number or an object are internal errors", () => {
    for (const value of [
      "boom",
      undefined,
      null,
      42,
      { message: "looks like an error" },
      Object.create(null),
    ]) {
      expect(onTheWire(value)).toStrictEqual(internal);
    }
  });

  it("exposeMessages sends their own name and message (never the stack)", () => {
    const error = new TypeError("bad input");
    expect(onTheWire(error, { exposeMessages: true })).toStrictEqual({
      ...internal,
      name: "TypeError",
      message: "bad input",
    });
    expect(onTheWire("boom", { exposeMessages: true })).toStrictEqual({ ...internal, message: "boom" });
    expect(onTheWire(Object.create(null), { exposeMessages: true })).toStrictEqual(internal);
  });

  it("recognises DOM abort and timeout errors, with fixed messages", () => {
    expect(onTheWire(new DOMException("user said stop", "AbortError"))).toStrictEqual({
      code: "aborted",
      name: "AbortError",
      message: "The run was aborted",
      status: 499,
    });
    expect(onTheWire(new DOMException("signal timed out", "TimeoutError"))).toStrictEqual({
      code: "timeout",
      name: "TimeoutError",
      message: "The run timed out",
      status: 504,
    });
  });
});

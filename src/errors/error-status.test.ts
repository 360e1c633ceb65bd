// The code table: every code has an HTTP status (the serving spec's mapping) and a default retry
// behaviour that `withRetry` actually follows.
import { ERROR_STATUS, type RivuletErrorCode, RunnableLambda } from "rivulet";
import { describe, expect, expectTypeOf, it } from "vitest";
import { AbortError, TimeoutError } from "./abort-error.js";
import { HttpError } from "./http-error.js";
import { InvalidConfigError, InvalidInputError, RecursionLimitError } from "./input-errors.js";
import { OutputParserError } from "./output-parser-error.js";
import { PromptInputError } from "./prompt-input-error.js";
import { MissingApiKeyError, ProviderError } from "./provider-error.js";
import { RemoteRunnableError } from "./remote-runnable-error.js";
import { RivuletError } from "./rivulet-error.js";
import { CursorExpiredError, RunLostError, RunNotFoundError } from "./run-errors.js";
import { ToolInputError } from "./tool-input-error.js";

/** One error per code, built by the class that throws that code (a bare RivuletError where none does). */
const errorFor: Record<RivuletErrorCode, () => Error> = {
  aborted: () => new AbortError(),
  timeout: () => new TimeoutError(5),
  invalid_input: () => new InvalidInputError("bad"),
  invalid_config: () => new InvalidConfigError("bad"),
  invalid_runnable: () => new RivuletError("invalid_runnable", "no _invoke"),
  recursion_limit: () => new RecursionLimitError(2),
  output_parser: () => new OutputParserError("bad", "text"),
  prompt_input: () => new PromptInputError({ missing: ["a"], given: [] }),
  tool_input: () => new ToolInputError({ toolName: "t", issues: [], input: 1 }),
  provider: () => new ProviderError("down", { provider: "p", retryable: true }),
  missing_api_key: () => new MissingApiKeyError("p", "P_KEY"),
  request_refused: () => new HttpError("Send a valid bearer token", { status: 401 }),
  remote: () => new RemoteRunnableError("the server failed", { status: 500 }),
  run_not_found: () => new RunNotFoundError("r1"),
  run_lost: () => new RunLostError("r1"),
  cursor_expired: () => new CursorExpiredError({ runId: "r1", after: 1, oldestId: 5 }),
  not_implemented: () => new RivuletError("not_implemented", "later"),
  internal: () => new RivuletError("internal", "oops"),
};

const codes = Object.keys(errorFor).filter((code): code is RivuletErrorCode =>
  Object.hasOwn(ERROR_STATUS, code),
);

/** How many attempts `withRetry` (two allowed, no waiting) makes when every attempt throws `make()`. */
async function attemptsFor(make: () => Error): Promise<number> {
  let attempts = 0;
  const failing = RunnableLambda.from((_x: number): number => {
    attempts++;
    throw make();
  });
  const retried = failing.withRetry({ stopAfterAttempt: 2, sleep: async () => {} });
  await expect(retried.invoke(1)).rejects.toBeInstanceOf(Error);
  return attempts;
}

describe("ERROR_STATUS", () => {
  it("names exactly the RivuletErrorCode union (TypeScript checks it too)", () => {
    expectTypeOf<keyof typeof ERROR_STATUS>().toEqualTypeOf<RivuletErrorCode>();
    expect(Object.keys(ERROR_STATUS).sort()).toStrictEqual(Object.keys(errorFor).sort());
    expect(codes).toHaveLength(Object.keys(ERROR_STATUS).length);
  });

  it("is frozen: a caller cannot change a status or a retry default for the whole process", () => {
    expect(Object.isFrozen(ERROR_STATUS)).toBe(true);
    for (const info of Object.values(ERROR_STATUS)) expect(Object.isFrozen(info)).toBe(true);
    expect(Reflect.set(ERROR_STATUS.invalid_input, "status", 200)).toBe(false);
    expect(Reflect.set(ERROR_STATUS, "internal", { status: 200, retryable: false })).toBe(false);
    expect(ERROR_STATUS.invalid_input.status).toBe(422);
  });

  it("maps codes to the serving statuses: input 422, cancelled 499, timeout 504, provider 502, runs 404/410/503, else 500", () => {
    const byStatus: Record<number, string[]> = {};
    for (const [code, info] of Object.entries(ERROR_STATUS)) {
      byStatus[info.status] = [...(byStatus[info.status] ?? []), code];
    }
    expect(byStatus).toStrictEqual({
      422: ["invalid_input", "invalid_config", "prompt_input", "tool_input"],
      400: ["request_refused"],
      404: ["run_not_found"],
      410: ["cursor_expired"],
      503: ["run_lost"],
      499: ["aborted"],
      504: ["timeout"],
      502: ["provider", "remote"],
      500: [
        "missing_api_key",
        "output_parser",
        "recursion_limit",
        "invalid_runnable",
        "not_implemented",
        "internal",
      ],
    });
  });

  it.each(codes)("%s: withRetry's default retries it exactly when the table says retryable", async (code) => {
    const make = errorFor[code];
    const error = make();
    expect(RivuletError.isInstance(error) && error.code).toBe(code);
    expect(await attemptsFor(make)).toBe(ERROR_STATUS[code].retryable ? 2 : 1);
  });

  it("a provider error's own retryable field overrides the table", async () => {
    const permanent = () => new ProviderError("bad key", { provider: "p", status: 401, retryable: false });
    expect(await attemptsFor(permanent)).toBe(1);
  });
});

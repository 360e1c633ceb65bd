import { RunnableGenerator } from "rivulet";
import { HttpError, serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { frames, post } from "../serve/test-support/requests.js";
import { errorPayload } from "./error-payload.js";
import { ERROR_STATUS } from "./error-status.js";
import { InvalidInputError } from "./input-errors.js";
import { RivuletError } from "./rivulet-error.js";

describe("HttpError: a request refused with its own status", () => {
  it("has a code of its own, request_refused, not invalid_input", () => {
    const refused = new HttpError("Send a valid bearer token", { status: 401 });
    expect(refused.code).toBe("request_refused");
    expect(InvalidInputError.isInstance(refused)).toBe(false);
    expect(ERROR_STATUS.request_refused).toEqual({ status: 400, retryable: false });
  });

  it("is told apart by its marker, not its code, across copies of the package", () => {
    const copy = Object.assign(new RivuletError("request_refused", "x"), {
      [Symbol.for("rivulet.error.HttpError")]: true,
    });
    expect(HttpError.isInstance(copy)).toBe(true);
    expect(HttpError.isInstance(new RivuletError("request_refused", "x"))).toBe(false);
  });

  it("goes on the wire with its own status and message", () => {
    expect(errorPayload(new HttpError("This account may not use this chain", { status: 403 }))).toEqual({
      code: "request_refused",
      name: "HttpError",
      message: "This account may not use this chain",
      status: 403,
    });
  });

  it("thrown by a run mid-stream, its error frame carries its status (not 422)", async () => {
    const quota = RunnableGenerator.from(async function* () {
      yield "a";
      throw new HttpError("Quota used up for today", { status: 429 });
    });
    const app = serve(quota, { heartbeat: false, generateId: () => "r" });
    const sent = frames(await (await post(app, "/stream", { input: 1 })).text());
    expect(sent.at(-1)).toEqual([
      "error",
      { status_code: 429, message: "Quota used up for today", code: "request_refused", run_id: "r" },
    ]);
  });

  it("refuses headers that could not be sent (CR/LF in a value, a bad name) where it is made", () => {
    const challenge = "Bearer\r\nSet-Cookie: session=stolen";
    expect(() => new HttpError("no", { status: 401, headers: { "WWW-Authenticate": challenge } })).toThrow(
      RangeError,
    );
    expect(() => new HttpError("no", { status: 401, headers: { "Bad Name": "x" } })).toThrow(RangeError);
    const fine = new HttpError("no", { status: 401, headers: { "WWW-Authenticate": 'Bearer realm="api"' } });
    expect(fine.headers).toEqual({ "WWW-Authenticate": 'Bearer realm="api"' });
  });
});

import { describe, expect, it } from "vitest";
import { errorPayload } from "./error-payload.js";
import { RemoteRunnableError } from "./remote-runnable-error.js";

describe("RemoteRunnableError", () => {
  it("carries the server's code when it is one of Rivulet's, else 'remote'", () => {
    expect(new RemoteRunnableError("x", { remoteCode: "provider", status: 502 }).code).toBe("provider");
    expect(new RemoteRunnableError("x", { remoteCode: "invalid_input", status: 422 }).code).toBe(
      "invalid_input",
    );
    const unknown = new RemoteRunnableError("x", { remoteCode: "teapot", status: 418 });
    expect(unknown).toMatchObject({ code: "remote", remoteCode: "teapot", status: 418 });
    expect(new RemoteRunnableError("x").code).toBe("remote");
  });

  it("is retryable for 5xx, 408, 429 and a server never reached; not for other 4xx", () => {
    const retryable = (status?: number) => new RemoteRunnableError("x", { status }).retryable;
    expect([retryable(500), retryable(503), retryable(408), retryable(429), retryable()]).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect([retryable(400), retryable(401), retryable(404), retryable(422)]).toEqual([
      false,
      false,
      false,
      false,
    ]);
  });

  it("is served as a 502 with its message masked (no internal URL reaches the next client)", () => {
    const error = new RemoteRunnableError("The remote runnable at http://10.0.0.7/x answered HTTP 500", {
      status: 500,
    });
    expect(errorPayload(error)).toMatchObject({
      code: "remote",
      status: 502,
      message: "A remote runnable failed (HTTP 500)",
    });
    expect(errorPayload(error, { exposeMessages: true }).message).toContain("10.0.0.7");
    // A remote error with one of Rivulet's codes keeps that code's status.
    expect(errorPayload(new RemoteRunnableError("x", { remoteCode: "timeout", status: 504 })).status).toBe(
      504,
    );
  });
});

// Test support: how every provider turns a failed response into an error: the server's message
// and status kept, error bodies read within the deadlines and a size cap, nothing retried that
// should not be.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { AbortError, TimeoutError } from "../../errors/abort-error.js";
import { ProviderError } from "../../errors/provider-error.js";
import { collect, recordingSleep } from "./collect.js";
import type { ConformanceSubject } from "./conformance-subject.js";
import { LoopbackServer } from "./loopback-server.js";

const JSON_TYPE = { "content-type": "application/json" };

/** Registers the shared error-path tests for one provider. */
export function describeErrorConformance(subject: ConformanceSubject): void {
  describe(`${subject.provider} error responses over a loopback server`, () => {
    let server: LoopbackServer;
    beforeAll(async () => {
      server = await LoopbackServer.start();
    });
    afterAll(() => server.close());

    it.each([
      ["firstChunkTimeout", "first_chunk"],
      ["timeout", "total"],
    ] as const)(
      "an error status whose body stalls ends at %s as a TimeoutError, not retried",
      async (option, kind) => {
        const { sleeps, sleep } = recordingSleep();
        const before = server.requests.length;
        server.reply({
          status: 500,
          headers: JSON_TYPE,
          body: '{"error": {"message": "The ser',
          ending: "hang",
        });
        const { error } = await collect(subject.makeModel(server.url, { sleep, [option]: 50 }).stream("hi"));
        expect(TimeoutError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: "timeout", kind, timeoutMs: 50 });
        // What the server had said is kept as the cause.
        expect((error as Error).cause).toMatchObject({ code: "provider", status: 500 });
        expect(sleeps).toEqual([]);
        expect(server.requests.length - before).toBe(1);
        expect(await server.requests.at(-1)!.closed).toEqual({ beforeFinished: true });
      },
    );

    it("an error status whose body stalls ends with an AbortError when the caller aborts", async () => {
      const { sleeps, sleep } = recordingSleep();
      const controller = new AbortController();
      const fetchThenAbort = async (url: string, init: RequestInit) => {
        const response = await fetch(url, init);
        controller.abort();
        return response;
      };
      server.reply({ status: 503, headers: JSON_TYPE, body: "", ending: "hang" });
      const model = subject.makeModel(server.url, { sleep, fetch: fetchThenAbort });
      const { error } = await collect(model.stream("hi", { signal: controller.signal }));
      expect(AbortError.isInstance(error)).toBe(true);
      expect(sleeps).toEqual([]);
      expect(await server.requests.at(-1)!.closed).toEqual({ beforeFinished: true });
    });

    it("reads at most 64 KiB of an error body that never ends, and says it was truncated", async () => {
      const page = `<html><head><title>502 Bad Gateway</title></head><body>${"<p>upstream</p>".repeat(20_000)}`;
      server.reply({ status: 502, headers: { "content-type": "text/html" }, body: page, ending: "hang" });
      const { error } = await collect(subject.makeModel(server.url, { maxRetries: 0 }).stream("hi"));
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ code: "provider", status: 502, retryable: true });
      expect((error as Error).message).toContain("502 Bad Gateway");
      expect((error as Error).message).toContain("(truncated)");
      const body = (error as ProviderError).body;
      expect(typeof body === "string" && body.length <= 64 * 1024).toBe(true);
      expect(await server.requests.at(-1)!.closed).toEqual({ beforeFinished: true });
    });
  });
}

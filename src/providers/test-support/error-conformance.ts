// Test support: how every provider turns a failed response into an error: the server's message
// and status kept, error bodies read within the deadlines and a size cap, nothing retried that
// should not be.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { AbortError, TimeoutError } from "../../errors/abort-error.js";
import { ProviderError } from "../../errors/provider-error.js";
import { collect, recordingSleep } from "./collect.js";
import type { ConformanceSubject } from "./conformance-subject.js";
import { LoopbackServer } from "./loopback-server.js";

const JSON_TYPE = { "content-type": "application/json" };

/** Registers the shared error-path tests for one provider. */
export function describeErrorConformance(subject: ConformanceSubject): void {
  describe(`${subject.provider} error responses over a loopback server`, () => {
    // A server per test: a request cut off by a deadline before it left cannot take the next test's reply.
    let server: LoopbackServer;
    beforeEach(async () => {
      server = await LoopbackServer.start();
    });
    afterEach(() => server.close());

    it.each([
      ["firstChunkTimeout", "first_chunk"],
      ["timeout", "total"],
    ] as const)(
      "an error status whose body stalls ends at %s as a TimeoutError, not retried",
      async (option, kind) => {
        const { sleeps, sleep } = recordingSleep();
        server.reply({
          status: 500,
          headers: JSON_TYPE,
          body: '{"error": {"message": "The ser',
          ending: "hang",
        });
        const { error } = await collect(subject.makeModel(server.url, { sleep, [option]: 250 }).stream("hi"));
        expect(TimeoutError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: "timeout", kind, timeoutMs: 250 });
        // Not retried. (On a loaded machine the deadline may fire before the status arrives: same outcome.)
        expect(sleeps).toEqual([]);
        expect(server.requests.length).toBeLessThanOrEqual(1);
        for (const request of server.requests) expect(await request.closed).toEqual({ beforeFinished: true });
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

    const gatewayJson = '{"error":{"message":"model gpt-x does not exist","type":"invalid_request_error"}}';
    it.each([
      ["a JSON error", JSON_TYPE, gatewayJson, "model gpt-x does not exist"],
      [
        "an HTML page",
        { "content-type": "text/html; charset=utf-8" },
        "<html><h1>Access denied</h1></html>",
        "Access denied",
      ],
      [
        "a JSON error with no content type",
        { "content-type": "" },
        gatewayJson,
        "model gpt-x does not exist",
      ],
      [
        "plain text with no content type",
        { "content-type": "" },
        "upstream connect error",
        "upstream connect error",
      ],
      [
        "plain text as text/plain",
        { "content-type": "text/plain" },
        "upstream connect error",
        "upstream connect error",
      ],
      // Gateways label their errors with the type the request asked for.
      [
        "a JSON error labelled as the stream",
        { "content-type": subject.contentType },
        gatewayJson,
        "model gpt-x",
      ],
      [
        "an HTML page labelled as the stream",
        { "content-type": subject.contentType },
        "<html><h1>Access denied</h1></html>",
        "Access denied",
      ],
    ])(
      "a 200 answer that is %s is a non-retryable ProviderError with the server's message",
      async (_, headers, body, said) => {
        const { sleeps, sleep } = recordingSleep();
        server.reply({ headers, body });
        const { chunks, error } = await collect(subject.makeModel(server.url, { sleep }).stream("hi"));
        expect(chunks).toEqual([]);
        expect(ProviderError.isInstance(error)).toBe(true);
        expect(error).toMatchObject({ code: "provider", provider: subject.provider, retryable: false });
        expect((error as Error).message).toContain(said);
        expect(sleeps).toEqual([]);
        expect(server.requests).toHaveLength(1);
      },
    );

    it("decodes a stream whose server sent no content type (the first bytes tell)", async () => {
      server.reply({ headers: { "content-type": "" }, body: subject.textBody, pieceBytes: 7 });
      const { text, error } = await collect(subject.makeModel(server.url, {}).stream("hi"));
      expect(error).toBeUndefined();
      expect(text).toBe(subject.expectedText);
    });

    it("asks for its stream's content type", async () => {
      server.reply({ headers: { "content-type": subject.contentType }, body: subject.textBody });
      await collect(subject.makeModel(server.url, {}).stream("hi"));
      expect(server.requests.at(-1)!.headers.accept).toBe(subject.contentType);
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

// Test support: the transport behaviours every provider must show against a real socket
// (retries, exhausted retries, dropped connections, odd byte boundaries, aborts, timeouts).
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { AbortError, TimeoutError } from "../../errors/abort-error.js";
import { ProviderError } from "../../errors/provider-error.js";
import { collect, recordingSleep } from "./collect.js";
import type { ConformanceSubject } from "./conformance-subject.js";
import { describeErrorConformance } from "./error-conformance.js";
import { describeErrorPathTable } from "./error-path-table.js";
import { LoopbackServer, type ReplyScript } from "./loopback-server.js";

/** Registers the shared transport tests for one provider. */
export function describeTransportConformance(subject: ConformanceSubject): void {
  describe(`${subject.provider} transport over a loopback server`, () => {
    let server: LoopbackServer;
    beforeAll(async () => {
      server = await LoopbackServer.start();
    });
    afterAll(() => server.close());
    const ok = (extra: Partial<ReplyScript> = {}): ReplyScript => ({
      headers: { "content-type": subject.contentType },
      body: subject.textBody,
      ...extra,
    });
    const json = { "content-type": "application/json" };

    it("decodes frames split at odd byte boundaries, inside multi-byte characters too", async () => {
      server.reply(ok({ pieceBytes: 3 }));
      const { text, error } = await collect(subject.makeModel(server.url, {}).stream("hi"));
      expect(error).toBeUndefined();
      expect(text).toBe(subject.expectedText);
      expect(server.requests.at(-1)?.piecesTotal).toBeGreaterThan(50);
    });

    it("retries a 429 after the pause retry-after-ms asks for, then succeeds", async () => {
      const { sleeps, sleep } = recordingSleep();
      const before = server.requests.length;
      server.reply(
        { status: 429, headers: { ...json, "retry-after-ms": "1500" }, body: subject.rateLimitBody },
        ok(),
      );
      const { text, error } = await collect(subject.makeModel(server.url, { sleep }).stream("hi"));
      expect(error).toBeUndefined();
      expect(text).toBe(subject.expectedText);
      expect(sleeps).toEqual([1500]);
      expect(server.requests.length - before).toBe(2);
    });

    it("honours retry-after in seconds and backs off with jitter otherwise", async () => {
      const { sleeps, sleep } = recordingSleep();
      server.reply(
        { status: 503, headers: { ...json, "retry-after": "2" }, body: subject.serverErrorBody },
        { status: 502, headers: json, body: subject.serverErrorBody },
        ok(),
      );
      const { error } = await collect(subject.makeModel(server.url, { sleep, random: () => 0 }).stream("hi"));
      expect(error).toBeUndefined();
      expect(sleeps).toEqual([2000, 500]); // second retry: 1000 ms step, jitter down to half
    });

    it("turns a 500 that persists past maxRetries into a retryable ProviderError", async () => {
      const { sleeps, sleep } = recordingSleep();
      const before = server.requests.length;
      const fail: ReplyScript = { status: 500, headers: json, body: subject.serverErrorBody };
      server.reply(fail, fail, fail);
      const { chunks, error } = await collect(
        subject.makeModel(server.url, { sleep, maxRetries: 2 }).stream("hi"),
      );
      expect(chunks).toEqual([]);
      expect(ProviderError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({
        code: "provider",
        status: 500,
        retryable: true,
        provider: subject.provider,
      });
      expect(server.requests.length - before).toBe(3);
      expect(sleeps).toHaveLength(2);
    });

    it("does not retry a 400", async () => {
      const { sleeps, sleep } = recordingSleep();
      server.reply({ status: 400, headers: json, body: subject.serverErrorBody });
      const { error } = await collect(subject.makeModel(server.url, { sleep }).stream("hi"));
      expect(error).toMatchObject({ status: 400, retryable: false });
      expect(sleeps).toEqual([]);
    });

    it("reports a connection dropped mid-stream as a non-retryable ProviderError after the chunks so far", async () => {
      const { sleeps, sleep } = recordingSleep();
      const half = subject.textBody.slice(0, Math.floor(subject.textBody.length / 2));
      server.reply(ok({ body: half, ending: "destroy" }));
      const { chunks, error } = await collect(subject.makeModel(server.url, { sleep }).stream("hi"));
      expect(chunks.length).toBeGreaterThan(0);
      expect(error).toMatchObject({ code: "provider", retryable: false, providerErrorType: "connection" });
      expect(sleeps).toEqual([]);
    });

    it("retries a connection dropped before the first chunk", async () => {
      const { sleeps, sleep } = recordingSleep();
      server.reply(ok({ body: "", ending: "destroy" }), ok());
      const { text, error } = await collect(
        subject.makeModel(server.url, { sleep, random: () => 1 }).stream("hi"),
      );
      expect(error).toBeUndefined();
      expect(text).toBe(subject.expectedText);
      expect(sleeps).toEqual([500]);
    });

    it("closes the connection at once when the run is aborted mid-stream", async () => {
      server.reply(ok({ pieceBytes: 64, pauseMs: 10, ending: "hang" }));
      const controller = new AbortController();
      const stream = await subject.makeModel(server.url, {}).stream("hi", { signal: controller.signal });
      let error: unknown;
      try {
        for await (const chunk of stream) if (chunk.text !== "") controller.abort();
      } catch (e) {
        error = e;
      }
      expect(AbortError.isInstance(error)).toBe(true);
      const request = server.requests.at(-1)!;
      expect(await request.closed).toEqual({ beforeFinished: true });
      expect(request.piecesWritten).toBeLessThan(request.piecesTotal);
    });

    it("closes the connection when the consumer stops reading", async () => {
      server.reply(ok({ pieceBytes: 64, pauseMs: 10, ending: "hang" }));
      for await (const chunk of await subject.makeModel(server.url, {}).stream("hi"))
        if (chunk.text !== "") break;
      const request = server.requests.at(-1)!;
      expect(await request.closed).toEqual({ beforeFinished: true });
      expect(request.piecesWritten).toBeLessThan(request.piecesTotal);
    });

    it("raises a first-chunk TimeoutError when the server sends nothing", async () => {
      server.reply(ok({ body: "", ending: "hang" }));
      const { error } = await collect(subject.makeModel(server.url, { firstChunkTimeout: 50 }).stream("hi"));
      expect(TimeoutError.isInstance(error)).toBe(true);
      expect(error).toMatchObject({ kind: "first_chunk", timeoutMs: 50 });
      expect(await server.requests.at(-1)!.closed).toEqual({ beforeFinished: true });
    });

    it("raises an idle TimeoutError when the server goes silent between chunks", async () => {
      const half = subject.textBody.slice(0, Math.floor(subject.textBody.length / 2));
      server.reply(ok({ body: half, ending: "hang" }));
      const { chunks, error } = await collect(
        subject.makeModel(server.url, { idleTimeout: 50 }).stream("hi"),
      );
      expect(chunks.length).toBeGreaterThan(0);
      expect(error).toMatchObject({ code: "timeout", kind: "idle" });
    });

    it("takes Infinity deadlines as none (a timer would have fired after 1 ms)", async () => {
      server.reply(ok({ pieceBytes: 64, pauseMs: 2 }));
      const forever = Number.POSITIVE_INFINITY;
      const options = { timeout: forever, firstChunkTimeout: forever, idleTimeout: forever };
      const { text, error } = await collect(subject.makeModel(server.url, options).stream("hi"));
      expect(error).toBeUndefined();
      expect(text).toBe(subject.expectedText);
    });

    it("cancels the pause before a retry when the run is aborted, and when the total deadline ends it", async () => {
      const { calls, sleep } = recordingSleep({ hold: true });
      const fail: ReplyScript = { status: 503, headers: json, body: subject.serverErrorBody };
      server.reply(fail, fail);
      const controller = new AbortController();
      const aborted = collect(
        subject.makeModel(server.url, { sleep }).stream("hi", { signal: controller.signal }),
      );
      await vi.waitFor(() => expect(calls).toHaveLength(1));
      controller.abort();
      expect(AbortError.isInstance((await aborted).error)).toBe(true);
      expect(calls[0]!.signal?.aborted).toBe(true);
      const timedOut = await collect(subject.makeModel(server.url, { sleep, timeout: 100 }).stream("hi"));
      expect(timedOut.error).toMatchObject({ code: "timeout", kind: "total" });
      expect(calls).toHaveLength(2);
      expect(calls[1]!.signal?.aborted).toBe(true);
    });

    it("raises a total TimeoutError across retries", async () => {
      server.reply(ok({ body: "", ending: "hang" }));
      const { error } = await collect(subject.makeModel(server.url, { timeout: 60 }).stream("hi"));
      expect(error).toMatchObject({ code: "timeout", kind: "total" });
    });
  });
  describeErrorConformance(subject);
  describeErrorPathTable(subject);
}

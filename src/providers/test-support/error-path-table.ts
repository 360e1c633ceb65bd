// Test support: every path from a response (or its absence) to an error, for one provider: the
// error's class, code, status and retryability, and that its message keeps what the server said.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { ProviderError } from "../../errors/provider-error.js";
import { collect, recordingSleep } from "./collect.js";
import type { ConformanceSubject } from "./conformance-subject.js";
import { LoopbackServer, type ReplyScript } from "./loopback-server.js";

/** One way a call can fail, and the error it must give. */
export interface ErrorPath {
  name: string;
  /** The server's answer; absent for "nothing listens on the port". */
  reply?: ReplyScript;
  status: number | undefined;
  retryable: boolean;
  providerErrorType?: string | undefined;
  /** Pieces of text the message must contain (the server's own words). */
  says: string[];
}

const JSON_TYPE = { "content-type": "application/json" };

/** The part of a recorded stream before its middle, cut at a frame boundary (so no frame is broken). */
function firstFrames(subject: ConformanceSubject): string {
  const separator = subject.contentType === "text/event-stream" ? "\n\n" : "\n";
  const cut = subject.textBody.lastIndexOf(separator, subject.textBody.length / 2);
  return subject.textBody.slice(0, cut + separator.length);
}

/** The error paths every provider must handle, with this provider's payloads. */
export function errorPaths(subject: ConformanceSubject): ErrorPath[] {
  const s = subject;
  const stream = { "content-type": s.contentType };
  const latin1 = new Uint8Array([...new TextEncoder().encode('{"error":{"message":"caf'), 0xe9, 0xff]);
  const invalidUtf8 = new Uint8Array([...latin1, ...new TextEncoder().encode(' is closed"}}')]);
  return [
    {
      name: "500, the provider's JSON error",
      reply: { status: 500, headers: JSON_TYPE, body: s.serverErrorBody },
      status: 500,
      retryable: true,
      providerErrorType: s.serverErrorType,
      says: [s.serverErrorMessage],
    },
    {
      name: "429, the provider's JSON error",
      reply: { status: 429, headers: JSON_TYPE, body: s.rateLimitBody },
      status: 429,
      retryable: true,
      providerErrorType: s.rateLimitType,
      says: [s.rateLimitMessage],
    },
    {
      name: "401, the provider's JSON error",
      reply: { status: 401, headers: JSON_TYPE, body: s.serverErrorBody },
      status: 401,
      retryable: false,
      says: [s.serverErrorMessage, "check the API key"],
    },
    {
      name: "502, a text body",
      reply: {
        status: 502,
        headers: { "content-type": "text/plain" },
        body: "upstream connect error or disconnect",
      },
      status: 502,
      retryable: true,
      says: ["upstream connect error or disconnect"],
    },
    {
      name: "502, an HTML page",
      reply: {
        status: 502,
        headers: { "content-type": "text/html" },
        body: "<html><head><style>h1{}</style></head><body><h1>502 Bad Gateway</h1><hr>nginx</body></html>",
      },
      status: 502,
      retryable: true,
      says: ["502 Bad Gateway nginx"],
    },
    {
      name: "503, an empty body",
      reply: { status: 503, headers: JSON_TYPE, body: "" },
      status: 503,
      retryable: true,
      says: ["HTTP 503", "Service Unavailable"],
    },
    {
      name: "500, a body that is not UTF-8",
      reply: { status: 500, headers: JSON_TYPE, bodyBytes: invalidUtf8 },
      status: 500,
      retryable: true,
      says: ["caf", "is closed"],
    },
    {
      name: "500, the body cut off by a connection reset",
      reply: {
        status: 500,
        headers: JSON_TYPE,
        body: '{"error": {"message": "The server had',
        ending: "destroy",
      },
      status: 500,
      retryable: true,
      says: ["The server had", "the rest of the body was lost"],
    },
    {
      name: "no server listening (connection refused)",
      status: undefined,
      retryable: true,
      providerErrorType: "connection",
      says: ["ECONNREFUSED"],
    },
    {
      name: "an error event before any chunk",
      reply: { headers: stream, body: s.streamErrorBody },
      status: 200,
      retryable: s.streamErrorRetryable,
      providerErrorType: s.streamErrorType,
      says: [s.streamErrorMessage],
    },
    {
      name: "an error event after chunks",
      reply: { headers: stream, body: `${firstFrames(s)}${s.streamErrorBody}` },
      status: 200,
      retryable: false,
      providerErrorType: s.streamErrorType,
      says: [s.streamErrorMessage],
    },
    {
      name: "malformed JSON in an event",
      reply: { headers: stream, body: s.malformedBody },
      status: 200,
      retryable: false,
      providerErrorType: "invalid_response",
      says: [s.malformedText],
    },
    {
      name: "a stream that ends before its end marker",
      reply: { headers: stream, body: firstFrames(s) },
      status: 200,
      retryable: false,
      providerErrorType: "connection",
      says: ["ended before"],
    },
    {
      name: "a stream that ends before its first event",
      reply: { headers: stream, body: "" },
      status: 200,
      retryable: true,
      providerErrorType: "connection",
      says: ["ended before"],
    },
    {
      name: "a connection reset mid-stream",
      reply: { headers: stream, body: firstFrames(s), ending: "destroy" },
      status: 200,
      retryable: false,
      providerErrorType: "connection",
      says: ["lost mid-stream"],
    },
  ];
}

/** Registers the error-path table for one provider. */
export function describeErrorPathTable(subject: ConformanceSubject): void {
  describe(`${subject.provider} error paths`, () => {
    let server: LoopbackServer;
    beforeEach(async () => {
      server = await LoopbackServer.start();
    });
    afterEach(() => server.close());

    it.each(errorPaths(subject).map((path) => [path.name, path] as const))("%s", async (_, path) => {
      const url = server.url;
      if (path.reply === undefined) await server.close();
      else server.reply(path.reply);
      const { sleeps, sleep } = recordingSleep();
      const { error } = await collect(subject.makeModel(url, { sleep, maxRetries: 0 }).stream("hi"));
      expect(ProviderError.isInstance(error)).toBe(true);
      const { code, provider, status, retryable, providerErrorType, message } = error as ProviderError;
      expect({ code, provider, status, retryable }).toEqual({
        code: "provider",
        provider: subject.provider,
        status: path.status,
        retryable: path.retryable,
      });
      if ("providerErrorType" in path) expect(providerErrorType).toBe(path.providerErrorType);
      for (const said of path.says) expect(message).toContain(said);
      expect(sleeps).toEqual([]);
    });
  });
}

import { describe, expect, it } from "vitest";
import { TimeoutError } from "../../errors/abort-error.js";
import { ProviderError } from "../../errors/provider-error.js";
import type { FetchLike } from "../base/transport-options.js";
import { isNonArrayObject, stringOf } from "./json-value.js";
import { ProviderTransport, type ProviderTransportConfig } from "./provider-transport.js";

const encoder = new TextEncoder();
const describeError = (body: unknown) =>
  isNonArrayObject(body) && isNonArrayObject(body.error) ? { message: stringOf(body.error.message) } : {};

/** A response whose body sends `first` and then nothing, recording whether the reader let go of it. */
function stalledResponse(status: number, first: string): { response: Response; cancelled: () => boolean } {
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      controller.enqueue(encoder.encode(first));
    },
    cancel() {
      cancelled = true;
    },
  });
  const response = new Response(body, { status, headers: { "content-type": "application/json" } });
  return { response, cancelled: () => cancelled };
}

async function drain(transport: ProviderTransport): Promise<unknown> {
  const request = { url: "http://127.0.0.1:1/x", headers: {}, body: {}, responseType: "json" as const };
  try {
    for await (const _ of transport.stream(request, undefined, async function* () {})) {
      // nothing is expected
    }
  } catch (error) {
    return error;
  }
  return undefined;
}

function transportWith(fetch: FetchLike, options: Partial<ProviderTransportConfig> = {}) {
  return new ProviderTransport({ provider: "test", describeError, fetch, ...options });
}

describe("ProviderTransport error bodies", () => {
  it("keeps what a stalled error body said as the cause of the first-chunk TimeoutError, and lets go of the body", async () => {
    const stalled = stalledResponse(500, '{"error": {"message": "The server had an');
    let calls = 0;
    const fetch: FetchLike = async () => {
      calls++;
      return stalled.response;
    };
    const error = await drain(transportWith(fetch, { firstChunkTimeout: 20 }));
    expect(TimeoutError.isInstance(error)).toBe(true);
    expect(error).toMatchObject({ kind: "first_chunk", timeoutMs: 20 });
    const cause = (error as Error).cause;
    expect(ProviderError.isInstance(cause)).toBe(true);
    expect(cause).toMatchObject({ status: 500, body: '{"error": {"message": "The server had an' });
    expect((cause as Error).message).toContain("The server had an");
    expect(calls).toBe(1);
    expect(stalled.cancelled()).toBe(true);
  });
});

import { AbortError } from "../errors/abort-error.js";
import { HttpError } from "./http-error.js";
import { parseWireJson } from "./parse-wire-json.js";
import { RequestValidationError } from "./request-validation-error.js";

/** Limits of {@link readJsonBody}. */
export interface BodyLimits {
  /** Largest body accepted, in bytes. */
  maxBodyBytes: number;
  /** Deepest nesting of arrays and objects accepted. */
  maxDepth: number;
}

/**
 * Reads a request's body as JSON within `limits`. The bytes are counted as they arrive and
 * reading stops (the body is cancelled) as soon as they pass `maxBodyBytes`: a
 * `Content-Length` above the limit is refused before reading, but a smaller or missing one is
 * never trusted. Too large: `HttpError` 413. Not UTF-8 or not JSON: `RequestValidationError` 422.
 * A body that stops arriving because the connection failed: `AbortError` (499).
 *
 * @example
 * const body = await readJsonBody(request, { maxBodyBytes: 1_048_576, maxDepth: 64 });
 */
export async function readJsonBody(request: Request, limits: BodyLimits): Promise<unknown> {
  const declared = Number(request.headers.get("content-length") ?? Number.NaN);
  if (Number.isFinite(declared) && declared > limits.maxBodyBytes) throw tooLarge(limits.maxBodyBytes);
  // A handler in front that read the body already is the server's bug (500), not a cancelled request.
  if (request.bodyUsed) throw new TypeError("serve: the request body was already read by another handler.");
  let bytes: Uint8Array;
  try {
    bytes = await readLimited(request.body, limits.maxBodyBytes);
  } catch (error) {
    if (HttpError.isInstance(error)) throw error;
    // The body stream fails when the connection does (the client left mid-body): a cancelled request.
    throw new AbortError("The connection closed before the request body arrived", { reason: error });
  }
  let text: string;
  try {
    text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
  } catch (error) {
    throw new RequestValidationError(
      [
        {
          loc: ["body"],
          msg: "The body is not UTF-8 text. Send JSON encoded as UTF-8.",
          type: "json_invalid",
        },
      ],
      { cause: error },
    );
  }
  if (text.trim() === "") {
    throw new RequestValidationError([
      { loc: ["body"], msg: "The body is empty. Send a JSON object.", type: "json_invalid" },
    ]);
  }
  return parseWireJson(text, { maxDepth: limits.maxDepth });
}

async function readLimited(body: ReadableStream<Uint8Array> | null, maxBytes: number): Promise<Uint8Array> {
  if (body === null) return new Uint8Array(0);
  const reader = body.getReader();
  const parts: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    parts.push(value);
  }
  const bytes = new Uint8Array(total);
  let offset = 0;
  for (const part of parts) {
    bytes.set(part, offset);
    offset += part.byteLength;
  }
  return bytes;
}

function tooLarge(maxBytes: number): HttpError {
  return new HttpError(`The body is larger than the server accepts (${maxBytes} bytes).`, { status: 413 });
}

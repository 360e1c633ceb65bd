import { errorPayload } from "../errors/error-payload.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { Runnable } from "../runnables/runnable.js";
import { HttpError } from "../serve/http-error.js";
import { readJsonBody } from "../serve/read-json-body.js";
import { RequestValidationError } from "../serve/request-validation-error.js";
import { fromUIMessages } from "./from-ui-messages.js";
import { toUIMessageStreamResponse } from "./to-ui-message-stream-response.js";

/** Options of {@link chatHandler}. */
export interface ChatHandlerOptions<I> {
  /** The route `useChat` posts to (default `/api/chat`, the AI SDK's default `api`). */
  basePath?: string | undefined;
  /** Reshapes the converted messages for the runnable (default `{ messages }`, an agent's input). */
  input?: ((messages: BaseMessage[]) => I) | undefined;
  /** Largest request body accepted, in bytes (default 1 MiB, as `serve`). */
  maxBodyBytes?: number | undefined;
  /** Send errors' own messages to the client (default: masked). */
  exposeErrors?: boolean | undefined;
}

/** What {@link chatHandler} returns: a web-standard fetch handler, as `serve()` does (so `listen()` takes it). */
export interface ChatApp {
  fetch(request: Request): Promise<Response>;
}

/**
 * A `useChat` endpoint: `POST <basePath>` with `{ id, messages, trigger }` converts the UI
 * messages (`fromUIMessages`), runs `runnable` on `{ messages }` (or what `input` builds) and
 * answers with its UI message stream. The run follows the request: a client that disconnects
 * cancels it. A malformed body is a 422 with `{ detail }` saying what to fix, a body too large
 * a 413, another method a 405, another path a 404.
 *
 * @example
 * const app = chatHandler(agent);
 * listen(app, { port: 3000 });
 */
export function chatHandler(
  runnable: Runnable<{ messages: BaseMessage[] }, unknown, unknown>,
  options?: ChatHandlerOptions<{ messages: BaseMessage[] }>,
): ChatApp;
export function chatHandler<I>(
  runnable: Runnable<I, unknown, unknown>,
  options: ChatHandlerOptions<I> & { input: (messages: BaseMessage[]) => I },
): ChatApp;
export function chatHandler(
  runnable: Runnable<unknown, unknown, unknown>,
  options: ChatHandlerOptions<unknown> = {},
): ChatApp {
  const basePath = (options.basePath ?? "/api/chat").replace(/\/+$/, "");
  const buildInput = options.input ?? ((messages: BaseMessage[]) => ({ messages }));
  const limits = { maxBodyBytes: options.maxBodyBytes ?? 1_048_576, maxDepth: 64 };
  return {
    async fetch(request) {
      const path = new URL(request.url).pathname.replace(/\/+$/, "");
      if (path !== basePath) return json(404, { detail: `No route ${path}; POST ${basePath}.` });
      if (request.method !== "POST")
        return json(405, { detail: `Use POST on ${basePath}.` }, { allow: "POST" });
      try {
        const body = await readJsonBody(request, limits);
        if (!isNonArrayObject(body))
          throw new InvalidInputError("The body must be an object { id, messages, trigger }.");
        const input = buildInput(fromUIMessages(body.messages));
        const abort = new AbortController();
        const signal = AbortSignal.any([abort.signal, request.signal]);
        const events = runnable.streamEvents(input, { version: "v2", signal });
        return toUIMessageStreamResponse(events, { abort, exposeErrors: options.exposeErrors });
      } catch (error) {
        return failure(error, options.exposeErrors === true);
      }
    },
  };
}

function failure(error: unknown, exposeErrors: boolean): Response {
  if (RequestValidationError.isInstance(error)) return json(422, { detail: error.issues });
  if (HttpError.isInstance(error)) return json(error.status, { detail: error.message });
  if (InvalidInputError.isInstance(error)) return json(422, { detail: error.message });
  const payload = errorPayload(error, { exposeMessages: exposeErrors });
  return json(payload.status, { detail: payload.message, code: payload.code });
}

function json(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

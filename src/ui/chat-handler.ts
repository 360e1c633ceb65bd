import { errorPayload } from "../errors/error-payload.js";
import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { Runnable } from "../runnables/runnable.js";
import { HttpError } from "../serve/http-error.js";
import { readJsonBody } from "../serve/read-json-body.js";
import { RequestValidationError } from "../serve/request-validation-error.js";
import type { ServeContext } from "../serve/serve.js";
import { ChatRuns, type ChatRunsOptions, jsonResponse } from "./chat-runs.js";
import { fromUIMessages } from "./from-ui-messages.js";
import { toUIMessageStreamResponse } from "./to-ui-message-stream-response.js";

/** What {@link AuthorizeChat} is asked about: the chat (its id, when the request names one) and the action. */
export interface ChatAccess {
  /** The chat id (`undefined` when a POST's body has none; without `runs` it is optional). */
  readonly chatId: string | undefined;
  /** `send`: a POST of a turn; `resume`: `GET <basePath>/:chatId/stream`; `stop`: `POST <basePath>/:chatId/stop`. */
  readonly action: "send" | "resume" | "stop";
}

/**
 * Decides whether a request may touch a chat, before anything runs: throw an `HttpError` (401,
 * 403) to refuse, as serve's `authorize` does. Where chats belong to users, check it here. May be async.
 *
 * @example
 * authorize: async (request, { chatId }) => {
 *   const user = await userOf(request); // from a verified session
 *   if (user === undefined) throw new HttpError("Sign in", { status: 401 });
 *   if (chatId !== undefined && !(await chats.ownedBy(chatId, user))) throw new HttpError("Not your chat", { status: 403 });
 * },
 */
export type AuthorizeChat = (request: Request, access: ChatAccess) => void | Promise<void>;

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
  /** Checks every request (send, resume, stop) before it runs; see {@link AuthorizeChat}. Without it every request may. */
  authorize?: AuthorizeChat | undefined;
  /**
   * Make each answer a durable run on this store (one active run per chat id): a client leaving
   * no longer stops it, `GET <basePath>/:chatId/stream` resumes it and `POST <basePath>/:chatId/stop`
   * cancels it, on any instance sharing the store (the chat's run is an alias in it). With runs,
   * a chat id follows the run id rule (a 422 otherwise). Without it, the run follows the request.
   */
  runs?: ChatRunsOptions | undefined;
}

/** What {@link chatHandler} returns: a web-standard fetch handler, as `serve()` does (so `listen()` takes it). */
export interface ChatApp {
  /**
   * Answers one request. `context` is what a runtime passes beside it (a Worker's or Vercel's
   * `ctx`): with `runs`, its `waitUntil` is handed the detached run, so the runtime keeps the
   * producer alive after the client has gone.
   */
  fetch(request: Request, context?: ServeContext): Promise<Response>;
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
  const chatRuns = options.runs === undefined ? undefined : new ChatRuns(options.runs);
  const exposeErrors = options.exposeErrors;
  const authorize = options.authorize;
  if (authorize !== undefined && typeof authorize !== "function") {
    throw new InvalidConfigError(
      "chatHandler: `authorize` must be a function (request, { chatId, action }) => void.",
    );
  }
  const post = async (request: Request, context: ServeContext | undefined): Promise<Response> => {
    const body = await readJsonBody(request, limits);
    if (!isNonArrayObject(body))
      throw new InvalidInputError("The body must be an object { id, messages, trigger }.");
    await authorize?.(request, { chatId: typeof body.id === "string" ? body.id : undefined, action: "send" });
    const input = buildInput(fromUIMessages(body.messages));
    if (chatRuns !== undefined) {
      const chatId = body.id;
      if (typeof chatId !== "string" || chatId === "")
        throw new InvalidInputError("The body's `id` must be the chat id (a non-empty string).");
      const messageId = typeof body.messageId === "string" ? body.messageId : undefined;
      const keepAlive = context?.waitUntil?.bind(context);
      return chatRuns.start({ chatId, runnable, input, messageId, exposeErrors, keepAlive });
    }
    const abort = new AbortController();
    const signal = AbortSignal.any([abort.signal, request.signal]);
    const events = runnable.streamEvents(input, { version: "v2", signal });
    return toUIMessageStreamResponse(events, { abort, exposeErrors });
  };
  return {
    async fetch(request, context) {
      const path = new URL(request.url).pathname.replace(/\/+$/, "");
      try {
        if (path === basePath) {
          if (request.method !== "POST")
            return json(405, { detail: `Use POST on ${basePath}.` }, { allow: "POST" });
          return await post(request, context);
        }
        const chatRoute = chatRuns === undefined ? undefined : parseChatRoute(path, basePath);
        if (chatRuns === undefined || chatRoute === undefined)
          return json(404, { detail: `No route ${path}; POST ${basePath}.` });
        const method = chatRoute.action === "stream" ? "GET" : "POST";
        if (request.method !== method)
          return json(405, { detail: `Use ${method} on ${path}.` }, { allow: method });
        const action = chatRoute.action === "stream" ? "resume" : "stop";
        await authorize?.(request, { chatId: chatRoute.chatId, action });
        return chatRoute.action === "stream"
          ? await chatRuns.resume(chatRoute.chatId, exposeErrors)
          : await chatRuns.stop(chatRoute.chatId);
      } catch (error) {
        return failure(error, exposeErrors === true);
      }
    },
  };
}

/** `<basePath>/:chatId/stream` or `<basePath>/:chatId/stop`, else undefined. */
function parseChatRoute(
  path: string,
  basePath: string,
): { chatId: string; action: "stream" | "stop" } | undefined {
  if (!path.startsWith(`${basePath}/`)) return undefined;
  const segments = path.slice(basePath.length + 1).split("/");
  const [encodedId, action] = segments;
  if (segments.length !== 2 || encodedId === undefined || encodedId === "") return undefined;
  if (action !== "stream" && action !== "stop") return undefined;
  try {
    return { chatId: decodeURIComponent(encodedId), action };
  } catch {
    return undefined;
  }
}

function failure(error: unknown, exposeErrors: boolean): Response {
  if (RequestValidationError.isInstance(error)) return json(422, { detail: error.issues });
  if (HttpError.isInstance(error)) return json(error.status, { detail: error.message });
  if (InvalidInputError.isInstance(error)) return json(422, { detail: error.message });
  const payload = errorPayload(error, { exposeMessages: exposeErrors });
  return json(payload.status, { detail: payload.message, code: payload.code });
}

const json = jsonResponse;

import { AbortError } from "../errors/abort-error.js";
import { RivuletError } from "../errors/rivulet-error.js";
import { RunNotFoundError } from "../errors/run-errors.js";
import type { StreamEvent } from "../events/stream-event.js";
import { uuidv7 } from "../internal/uuid-v7.js";
import type { Runnable } from "../runnables/runnable.js";
import { createRunManager, type RunManager } from "../runs/run-manager.js";
import { checkStoreKey, resolveRunManagerOptions } from "../runs/run-manager-options.js";
import type { RunInfo } from "../runs/run-record.js";
import type { RunStore } from "../runs/run-store.js";
import { toUIMessageStreamResponse } from "./to-ui-message-stream-response.js";

/**
 * `chatHandler`'s `runs` option: answers become durable runs on this store, resumable and
 * stoppable. Each chat's current run is an alias in the store, so instances sharing a store
 * (`redisRunStore`) serve any chat's resume and stop, behind a load balancer without sticky sessions.
 */
export interface ChatRunsOptions {
  /** Where the runs and the chats' aliases live (`memoryRunStore()`, `redisRunStore(...)`). */
  store: RunStore;
  /**
   * How long an ended run stays readable (default one hour, as `createRunManager`), and so how
   * long the chat's alias lasts after it (refreshed while the run goes on).
   */
  ttlMs?: number | undefined;
  /**
   * The owner's lease (default 30 s, as `createRunManager`); also how long a start that died
   * before creating its run keeps the chat busy.
   */
  leaseMs?: number | undefined;
}

/** What a chat turn needs to start: the runnable, its input and the request's choices. */
export interface ChatTurn {
  readonly chatId: string;
  readonly runnable: Runnable<unknown, unknown, unknown>;
  readonly input: unknown;
  readonly messageId: string | undefined;
  readonly exposeErrors: boolean | undefined;
  /** The runtime's `waitUntil`: handed the detached run, so a serverless producer outlives the request. */
  readonly keepAlive?: ((promise: Promise<unknown>) => void) | undefined;
}

/**
 * The run-backed side of `chatHandler`: each chat has at most one active run, found through a
 * store alias (chat id → run id), so resume and stop work on any instance sharing the store.
 * A start claims the alias by compare-and-set (of two instances starting a turn for one chat at
 * once, exactly one wins; the other answers 409), then starts the run detached so a client
 * leaving does not stop it; `resume` replays the run's whole log as one UI message stream,
 * `stop` cancels it.
 */
export class ChatRuns {
  readonly #manager: RunManager;
  readonly #store: RunStore;
  readonly #ttlMs: number;
  readonly #leaseMs: number;

  constructor(options: ChatRunsOptions) {
    const resolved = resolveRunManagerOptions({
      store: options.store,
      ttlMs: options.ttlMs,
      leaseMs: options.leaseMs,
    });
    this.#store = resolved.store;
    this.#ttlMs = resolved.ttlMs;
    this.#leaseMs = resolved.leaseMs;
    // The options checked once: the manager takes them as they are.
    this.#manager = createRunManager(resolved);
  }

  /** Starts the chat's run and streams it; a 409 when the chat already has one running or starting. */
  async start(turn: ChatTurn): Promise<Response> {
    const chatId = checkChatId(turn.chatId);
    const previous = await this.#store.resolveAlias(chatId);
    // A run id the alias holds but the store does not know is a start in progress elsewhere
    // (claimed, not yet created): busy too. Claims in progress last `leaseMs` at most.
    if (previous !== undefined && (await this.#status(previous)) !== "ended") return busy(chatId);
    const runId = crypto.randomUUID();
    if (!(await this.#store.claimAlias(chatId, runId, { previous, ttlMs: this.#leaseMs }))) {
      return busy(chatId);
    }
    const messageId = turn.messageId ?? uuidv7();
    const { done } = await this.#manager.start(turn.runnable, turn.input, {
      runId,
      metadata: { chatId, messageId },
    });
    const { settled } = await this.#keepAlias(chatId, runId, done);
    turn.keepAlive?.(settled);
    return this.#stream(runId, messageId, turn.exposeErrors);
  }

  /**
   * The chat's last run as one message from its start, then live: while it runs, or once it was
   * stopped (the partial message, ending with `abort`) until its TTL. 204 when there is none, or
   * when it finished (the client already has the whole message).
   */
  async resume(chatId: string, exposeErrors: boolean | undefined): Promise<Response> {
    const runId = await this.#store.resolveAlias(checkChatId(chatId));
    const info = runId === undefined ? undefined : await this.#info(runId);
    if (runId === undefined || info === undefined || info.status === "success" || info.status === "error") {
      return new Response(null, { status: 204 });
    }
    return this.#stream(runId, info.metadata.messageId, exposeErrors);
  }

  /** Cancels the chat's active run (its model's signal aborts) on whichever instance drives it. */
  async stop(chatId: string): Promise<Response> {
    const runId = await this.#store.resolveAlias(checkChatId(chatId));
    const running = runId !== undefined && (await this.#status(runId)) === "running";
    const stopped = running ? await this.#manager.cancel(runId) : false;
    return jsonResponse(202, { chat_id: chatId, stopped });
  }

  #stream(runId: string, messageId: string | undefined, exposeErrors: boolean | undefined): Response {
    // The body's abort ends this reader only: the run goes on without the client.
    const reader = new AbortController();
    const events = runEvents(this.#manager, runId, reader.signal);
    return toUIMessageStreamResponse(events, { abort: reader, messageId, exposeErrors });
  }

  /**
   * The alias outlives the run: it holds `ttlMs` from now, is refreshed every half of that while
   * this instance drives the run (a run may last longer than its TTL), and gets `ttlMs` once the
   * run ended, as the run's log does. Each refresh is a compare-and-set on this run id, so a
   * later turn's claim is never overwritten. Answers (boxed: awaiting a bare promise would wait
   * for the run) the promise of the run and its last refresh, what a serverless runtime waits for.
   */
  async #keepAlias(
    chatId: string,
    runId: string,
    done: Promise<void>,
  ): Promise<{ settled: Promise<unknown> }> {
    const claim = () =>
      this.#store.claimAlias(chatId, runId, { previous: runId, ttlMs: this.#ttlMs }).catch(() => false);
    await claim();
    const timer = Number.isFinite(this.#ttlMs)
      ? setInterval(() => void claim(), Math.max(1, Math.floor(this.#ttlMs / 2)))
      : undefined;
    const settled = done.finally(() => {
      clearInterval(timer);
      return claim();
    });
    return { settled };
  }

  /** The run's info, or undefined when the store does not know it (never created, or expired). */
  async #info(runId: string): Promise<RunInfo | undefined> {
    try {
      return await this.#manager.info(runId);
    } catch (error) {
      if (RunNotFoundError.isInstance(error)) return undefined;
      throw error;
    }
  }

  /** Running, ended, or unknown to the store (a start still creating it, or expired). */
  async #status(runId: string): Promise<"running" | "ended" | "unknown"> {
    const info = await this.#info(runId);
    if (info === undefined) return "unknown";
    return info.status === "running" ? "running" : "ended";
  }
}

function busy(chatId: string): Response {
  return jsonResponse(409, { detail: `Chat ${chatId} already has an answer streaming; stop it first.` });
}

/** A chat id is the key of the chat's alias in the store, so it follows the run id rule. */
function checkChatId(chatId: string): string {
  return checkStoreKey(chatId, "With runs, a chat id", " (the AI SDK's generated ids are)");
}

/**
 * A run's log as the events `toUIMessageStream` reads: a cancelled or interrupted run ends as an
 * abort (the client keeps the partial message), a failed one throws its stored, masked error.
 */
async function* runEvents(
  manager: RunManager,
  runId: string,
  signal: AbortSignal,
): AsyncGenerator<StreamEvent, void, undefined> {
  for await (const entry of manager.read(runId, { signal })) {
    if (entry.type === "event") {
      yield entry.event;
      continue;
    }
    if (entry.status === "cancelled" || entry.status === "interrupted") {
      throw new AbortError(entry.error?.message ?? "The run was cancelled", { reason: entry.status });
    }
    if (entry.status === "error") {
      const payload = entry.error;
      throw new RivuletError(payload?.code ?? "internal", payload?.message ?? "Internal error");
    }
    return;
  }
}

/** A JSON response. */
export function jsonResponse(status: number, body: unknown, headers: Record<string, string> = {}): Response {
  return new Response(JSON.stringify(body), {
    status,
    headers: { "content-type": "application/json", ...headers },
  });
}

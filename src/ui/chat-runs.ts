import { AbortError } from "../errors/abort-error.js";
import { RivuletError } from "../errors/rivulet-error.js";
import type { StreamEvent } from "../events/stream-event.js";
import { uuidv7 } from "../internal/uuid-v7.js";
import type { Runnable } from "../runnables/runnable.js";
import { createRunManager, type RunManager } from "../runs/run-manager.js";
import type { RunStore } from "../runs/run-store.js";
import { toUIMessageStreamResponse } from "./to-ui-message-stream-response.js";

/** `chatHandler`'s `runs` option: answers become durable runs on this store, resumable and stoppable. */
export interface ChatRunsOptions {
  /** Where the runs live (`memoryRunStore()`, `redisRunStore(...)`). */
  store: RunStore;
  /** How long an ended run stays readable (default one hour, as `createRunManager`). */
  ttlMs?: number | undefined;
  /** The owner's lease (default 30 s, as `createRunManager`). */
  leaseMs?: number | undefined;
}

/** What a chat turn needs to start: the runnable, its input and the request's choices. */
export interface ChatTurn {
  readonly chatId: string;
  readonly runnable: Runnable<unknown, unknown, unknown>;
  readonly input: unknown;
  readonly messageId: string | undefined;
  readonly exposeErrors: boolean | undefined;
}

/**
 * The run-backed side of `chatHandler`: each chat has at most one active run (chat id → run id,
 * kept by this handler), started detached so a client leaving does not stop it; `resume` replays
 * the active run's whole log as one UI message stream, `stop` cancels it.
 */
export class ChatRuns {
  readonly #manager: RunManager;
  readonly #active = new Map<string, string>();

  constructor(options: ChatRunsOptions) {
    this.#manager = createRunManager({
      store: options.store,
      ttlMs: options.ttlMs,
      leaseMs: options.leaseMs,
    });
  }

  /** Starts the chat's run and streams it; a 409 when the chat already has one running. */
  async start(turn: ChatTurn): Promise<Response> {
    if ((await this.#activeRun(turn.chatId)) !== undefined) {
      return jsonResponse(409, {
        detail: `Chat ${turn.chatId} already has an answer streaming; stop it first.`,
      });
    }
    const messageId = turn.messageId ?? uuidv7();
    const { runId } = await this.#manager.start(turn.runnable, turn.input, {
      metadata: { chatId: turn.chatId, messageId },
    });
    this.#active.set(turn.chatId, runId);
    return this.#stream(runId, messageId, turn.exposeErrors);
  }

  /**
   * The chat's last run as one message from its start, then live: while it runs, or once it was
   * stopped (the partial message, ending with `abort`) until its TTL. 204 when there is none, or
   * when it finished (the client already has the whole message).
   */
  async resume(chatId: string, exposeErrors: boolean | undefined): Promise<Response> {
    const runId = this.#active.get(chatId);
    const info = runId === undefined ? undefined : await this.#manager.info(runId).catch(() => undefined);
    if (runId === undefined || info === undefined || info.status === "success" || info.status === "error") {
      return new Response(null, { status: 204 });
    }
    return this.#stream(runId, info.metadata.messageId, exposeErrors);
  }

  /** Cancels the chat's active run (its model's signal aborts); what was streamed stays in its log. */
  async stop(chatId: string): Promise<Response> {
    const runId = await this.#activeRun(chatId);
    const stopped = runId === undefined ? false : await this.#manager.cancel(runId);
    return jsonResponse(202, { chat_id: chatId, stopped });
  }

  #stream(runId: string, messageId: string | undefined, exposeErrors: boolean | undefined): Response {
    // The body's abort ends this reader only: the run goes on without the client.
    const reader = new AbortController();
    const events = runEvents(this.#manager, runId, reader.signal);
    return toUIMessageStreamResponse(events, { abort: reader, messageId, exposeErrors });
  }

  async #activeRun(chatId: string): Promise<string | undefined> {
    const runId = this.#active.get(chatId);
    if (runId === undefined) return undefined;
    const info = await this.#manager.info(runId).catch(() => undefined);
    return info?.status === "running" ? runId : undefined;
  }
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

import type { CallbackManager } from "../callbacks/callback-manager.js";
import type { Run, RunType } from "../callbacks/run.js";
import {
  type Notified,
  notifyObservers,
  type ObserverCall,
  observerCalls,
} from "../engine/notify-observers.js";
import { isPlainObject } from "../internal/is-plain-object.js";

/** What one remote event means for the local `RemoteRunnable` run itself. */
export type RootStep =
  | { readonly kind: "chunk"; readonly chunk: unknown }
  | { readonly kind: "end"; readonly output: unknown }
  | { readonly kind: "custom"; readonly name: string; readonly data: unknown }
  | { readonly kind: "none" };

const RUN_TYPES: ReadonlySet<string> = new Set([
  "chain",
  "prompt",
  "chat_model",
  "llm",
  "parser",
  "retriever",
  "tool",
]);
const NONE: RootStep = { kind: "none" };

/**
 * Replays a remote run's `stream_events` (v2) as local runs, children of the local
 * `RemoteRunnable` run, through the same observers (`streamEvents`, `streamLog`, handlers) as
 * any local child: each remote run keeps its id, name, type, tags, metadata, input, chunks and
 * output, and its ancestry is re-parented: the remote root stands for the local run (its events
 * are the local run's own: chunks, output), so a remote run's `parent_ids` become the local
 * run's ancestry, the local run, then its remote ancestors below the remote root. Runs still
 * open when the stream fails are closed with the error, so the local tree never keeps an open run.
 */
export class RemoteEventRelay {
  readonly #manager: CallbackManager;
  readonly #localIds: readonly string[];
  readonly #open = new Map<string, Run>();
  #rootId: string | undefined;

  /** `manager` is the local run's child manager: its parent run is the local `RemoteRunnable` run. */
  constructor(manager: CallbackManager) {
    this.#manager = manager;
    const parent = manager.parentRun;
    this.#localIds = parent === undefined ? [] : [...parent.parentIds, parent.id];
  }

  /** Takes one decoded remote event: relays a nested run's, and says what a root event means. */
  async accept(event: unknown): Promise<RootStep> {
    if (!isPlainObject(event) || typeof event.event !== "string" || typeof event.run_id !== "string")
      return NONE;
    const data = isPlainObject(event.data) ? event.data : {};
    const parentIds = Array.isArray(event.parent_ids)
      ? event.parent_ids.filter((id) => typeof id === "string")
      : [];
    this.#rootId ??= parentIds.length === 0 ? event.run_id : parentIds[0];
    if (event.run_id === this.#rootId) return rootStep(event.event, event.name, data);
    await this.#relay(event, event.run_id, parentIds, data);
    return NONE;
  }

  /** Closes every remote run still open with `error` (the stream failed or was stopped). */
  async fail(error: unknown): Promise<void> {
    const open = [...this.#open.values()].reverse();
    this.#open.clear();
    for (const run of open) {
      run.error = error;
      run.endTime = Date.now();
      await this.#notify(observerCalls.error, run, error, undefined);
    }
  }

  async #relay(
    event: Record<string, unknown>,
    runId: string,
    parentIds: string[],
    data: Record<string, unknown>,
  ): Promise<void> {
    const name = String(event.event);
    if (name === "on_custom_event") {
      const run = this.#open.get(runId);
      if (run !== undefined) await this.#notify(observerCalls.customEvent, run, String(event.name), data);
      return;
    }
    const match = /^on_(.+)_(start|stream|end)$/.exec(name);
    if (match === null || !RUN_TYPES.has(match[1] ?? "")) return;
    const phase = match[2];
    if (phase === "start") {
      const run = this.#start(event, runId, parentIds, data, toRunType(match[1]));
      this.#open.set(runId, run);
      await this.#notify(observerCalls.start, run, undefined, undefined);
      return;
    }
    const run = this.#open.get(runId);
    if (run === undefined) return;
    if (phase === "stream") {
      await this.#notify(observerCalls.chunk, run, data.chunk, undefined);
      return;
    }
    this.#open.delete(runId);
    if (Object.hasOwn(data, "input") && !run.inputKnownAtStart) run.input = data.input;
    run.output = data.output;
    run.endTime = Date.now();
    await this.#notify(observerCalls.end, run, undefined, undefined);
  }

  #start(
    event: Record<string, unknown>,
    runId: string,
    parentIds: string[],
    data: Record<string, unknown>,
    runType: RunType,
  ): Run {
    const tags = Array.isArray(event.tags) ? event.tags.filter((tag) => typeof tag === "string") : [];
    const metadata = isPlainObject(event.metadata) ? event.metadata : {};
    const inputKnown = Object.hasOwn(data, "input");
    const base = this.#manager.createRun({
      name: typeof event.name === "string" ? event.name : runType,
      runType,
      tags,
      metadata,
      runId,
      input: data.input,
      inputKnown,
    });
    // The remote root is the local run: below it, the remote ancestry as the server sent it.
    const ancestry = [...this.#localIds, ...parentIds.slice(1)];
    return {
      ...base,
      tags: [...new Set([...tags, ...base.tags])],
      parentIds: ancestry,
      parentRunId: ancestry.at(-1),
    };
  }

  #notify<A, B>(call: ObserverCall<A, B>, run: Run, first: A, second: B): Notified {
    return notifyObservers(this.#manager.observers, call, run, first, second);
  }
}

function rootStep(event: string, name: unknown, data: Record<string, unknown>): RootStep {
  if (event === "on_custom_event") return { kind: "custom", name: String(name), data };
  if (event.endsWith("_stream")) return { kind: "chunk", chunk: data.chunk };
  if (event.endsWith("_end")) return { kind: "end", output: data.output };
  return NONE;
}

function toRunType(text: string | undefined): RunType {
  switch (text) {
    case "prompt":
    case "chat_model":
    case "llm":
    case "parser":
    case "retriever":
    case "tool":
      return text;
    default:
      return "chain";
  }
}

/** How a relayed root run ended, as its end event said (its output is the call's output). */
export interface RootEnding {
  ended: boolean;
  output: unknown;
}

/** What {@link relayRootChunks} needs besides the events. */
export interface RelayRootOptions {
  /** Where the root's custom events go (the local run's scope). */
  readonly reportCustomEvent: (name: string, data: unknown) => void | Promise<void>;
  /** Filled in when the root's end event arrives. */
  readonly ending: RootEnding;
  /** The error runs still open are closed with when the stream stops before they end. */
  readonly stopped: () => unknown;
}

/**
 * Drives `relay` over a stream of v2 events (a remote server's, LangChain's own) and yields the
 * root's chunks, which are the local run's: nested runs are replayed as local children, the root's
 * custom events reported, its end recorded in `ending` (a root that answers in one value, a
 * prompt, yields that value as its one chunk, as v2 sends no stream event for it). Runs still open
 * when the events fail or stop are closed, with the error or `stopped()`.
 */
export async function* relayRootChunks(
  relay: RemoteEventRelay,
  events: AsyncIterable<unknown>,
  options: RelayRootOptions,
): AsyncGenerator<unknown> {
  let chunks = 0;
  try {
    for await (const event of events) {
      const step = await relay.accept(event);
      if (step.kind === "chunk") {
        chunks++;
        yield step.chunk;
      } else if (step.kind === "custom") {
        await options.reportCustomEvent(step.name, step.data);
      } else if (step.kind === "end") {
        options.ending.ended = true;
        options.ending.output = step.output;
        if (chunks === 0 && step.output !== undefined) {
          chunks++;
          yield step.output;
        }
      }
    }
  } catch (error) {
    await relay.fail(error);
    throw error;
  } finally {
    await relay.fail(options.stopped());
  }
}

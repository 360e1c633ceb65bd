import { CallbackManager, type Callbacks } from "../callbacks/callback-manager.js";
import type { Run } from "../callbacks/run.js";
import { withConsoleCallbackHandler } from "../callbacks/with-console-callback-handler.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import { TimeoutError } from "../errors/abort-error.js";
import { combineSignals, throwIfAborted } from "../internal/abort.js";
import { uuidv7 } from "../internal/uuid-v7.js";
import { ChildStop } from "./child-stop.js";
import { type Notified, notifyObservers, observerCalls } from "./notify-observers.js";
import type { RunIdentity } from "./run-identity.js";
import type { RunScope } from "./run-scope.js";
import { RunScopeView } from "./run-scope-view.js";

/** Hidden link from a child config to the run that made it (for children-before-parent closing). */
const PARENT_RUN = Symbol("rivulet.parentScope");
type ParentLink = { [PARENT_RUN]?: ParentToken };

/**
 * What a child config carries to find the run that made it: an opaque token whose lifecycle is
 * in a private field. The link must be a property (it has to survive config merges), but a
 * user function holding its config must not reach the parent's `end` or `fail` through it.
 */
class ParentToken {
  readonly #lifecycle: RunLifecycle;

  constructor(lifecycle: RunLifecycle) {
    this.#lifecycle = lifecycle;
  }

  static lifecycleOf(token: unknown): RunLifecycle | undefined {
    return typeof token === "object" && token !== null && #lifecycle in token ? token.#lifecycle : undefined;
  }
}

/** What a run is opened with. */
export type RunLifecycleOptions = {
  /** What the runnable tells its run about itself. */
  readonly identity: RunIdentity;
  /** The effective config of the call. */
  readonly config: RunnableConfig;
  /** The runnable produces its output as one value (its shape's `output` is `"whole"`). */
  readonly wholeOutput?: boolean;
} & (
  | {
      /** The whole input, known when the run opens. */
      readonly input: unknown;
      readonly inputStreamed?: never;
    }
  | {
      /** The input streams in: the run opens at its first chunk and records it when it ends (`setInput`). */
      readonly inputStreamed: true;
      readonly input?: never;
    }
);

/**
 * One run in progress, as the run driver holds it: its Run record (when observed), its signal,
 * the config its children get, and its lifecycle. Start, stream, end and error notifications go
 * through here, in order; each returns a promise only when an observer asked to be awaited. The
 * runnable's implementation gets `scope`, a view without the lifecycle: only the driver opens,
 * ends and fails runs.
 */
export class RunLifecycle implements RunScope {
  readonly config: RunnableConfig;
  readonly manager: CallbackManager;
  readonly run: Run | undefined;
  readonly signal: AbortSignal | undefined;
  /** What the runnable's implementation receives: this run without its lifecycle. */
  readonly scope: RunScope;
  #runId: string | undefined;
  #timer: ReturnType<typeof setTimeout> | undefined;
  #closed = false;
  #token: ParentToken | undefined;
  readonly #parent: RunLifecycle | undefined;
  #liveChildren = 0;
  #childrenClosed: (() => void) | undefined;

  constructor(options: RunLifecycleOptions) {
    const { identity, config } = options;
    this.config = config;
    const callbacks = withOwnHandlers(CallbackManager.from(config.callbacks), identity.callbacks);
    this.manager = identity.verbose === true ? withConsoleCallbackHandler(callbacks) : callbacks;
    this.signal = this.#makeSignal(config);
    throwIfAborted(this.signal);
    this.#parent = ParentToken.lifecycleOf((config as ParentLink)[PARENT_RUN]);
    if (this.#parent !== undefined) this.#parent.#childOpened();
    this.#runId = config.runId;
    if (this.manager.observed) {
      const metadata =
        identity.metadata && config.metadata
          ? { ...identity.metadata, ...config.metadata }
          : (identity.metadata ?? config.metadata);
      const inputKnown = options.inputStreamed !== true;
      this.run = this.manager.createRun({
        name: config.runName ?? identity.name,
        runType: identity.runType,
        tags: identity.tags === undefined ? config.tags : [...(config.tags ?? []), ...identity.tags],
        metadata,
        runId: config.runId,
        input: inputKnown ? options.input : undefined,
        inputKnown,
        ...(options.wholeOutput === true ? { wholeOutput: true } : {}),
        ...(identity.extra ? { extra: identity.extra } : {}),
        ...(identity.presentation ? { presentation: identity.presentation } : {}),
      });
      this.#runId = this.run.id;
    } else {
      this.run = undefined;
    }
    this.scope = new RunScopeView(this);
  }

  #makeSignal(config: RunnableConfig): AbortSignal | undefined {
    // Infinity is "no timeout": no timer (setTimeout would clamp it to 1 ms).
    if (config.timeout === undefined || config.timeout === Number.POSITIVE_INFINITY) return config.signal;
    const controller = new AbortController();
    const ms = config.timeout;
    this.#timer = setTimeout(() => controller.abort(new TimeoutError(ms)), ms);
    (this.#timer as { unref?: () => void }).unref?.();
    return combineSignals(config.signal, controller.signal);
  }

  /** The run id (generated on first use when nothing observes the run). */
  get runId(): string {
    this.#runId ??= uuidv7();
    return this.#runId;
  }

  /** Whether anything observes this run (its Run record exists). */
  get observed(): boolean {
    return this.run !== undefined;
  }

  /** Announces the start. */
  start(): Notified {
    const run = this.run;
    if (run === undefined) return;
    return notifyObservers(this.manager.observers, observerCalls.start, run, undefined, undefined);
  }

  /** Records the input once it is known (input streamed in). */
  setInput(input: unknown): void {
    if (this.run) this.run.input = input;
  }

  /** Reports one output chunk; called before the chunk is passed on. */
  reportChunk(chunk: unknown): Notified {
    const run = this.run;
    // A scope kept past its run's end reports nothing: observers never see a chunk after the end.
    if (run === undefined || this.#closed) return;
    return notifyObservers(this.manager.observers, observerCalls.chunk, run, chunk, undefined);
  }

  /** Reports a custom event dispatched from inside this run. */
  reportCustomEvent(name: string, data: unknown): Notified {
    const run = this.run;
    if (run === undefined || this.#closed) return;
    return notifyObservers(this.manager.observers, observerCalls.customEvent, run, name, data);
  }

  /** Ends the run with its output. Later end/fail calls are ignored. */
  end(output: unknown): Notified {
    if (this.#close()) return;
    const run = this.run;
    if (run === undefined) return;
    run.output = output;
    run.endTime = Date.now();
    return notifyObservers(this.manager.observers, observerCalls.end, run, undefined, undefined);
  }

  /** Ends the run with an error. Later end/fail calls are ignored. */
  fail(error: unknown): Notified {
    if (this.#close()) return;
    const run = this.run;
    if (run === undefined) return;
    run.error = error;
    run.endTime = Date.now();
    return notifyObservers(this.manager.observers, observerCalls.error, run, error, undefined);
  }

  /**
   * Whether the run can be left to its reader: nothing observes it and nothing can cancel it (no
   * signal, no timeout), so there is nothing to report, fold or race, and the driver hands its
   * source out as it is. Such a run is closed here, at once, because the driver never sees its
   * end: were it still counted, a parent waiting for its children (`ChildStop.stop`) would wait
   * for ever for a run it can neither cancel nor see close. Its reader closes its source.
   */
  leaveToReader(): boolean {
    if (this.run !== undefined || this.signal !== undefined) return false;
    this.#close();
    return true;
  }

  #close(): boolean {
    if (this.#closed) return true;
    this.#closed = true;
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    if (this.#parent !== undefined) this.#parent.#childClosed();
    return false;
  }

  #childOpened(): void {
    this.#liveChildren++;
  }

  #childClosed(): void {
    this.#liveChildren--;
    if (this.#liveChildren === 0 && this.#childrenClosed !== undefined) {
      const resolve = this.#childrenClosed;
      this.#childrenClosed = undefined;
      resolve();
    }
  }

  /**
   * Resolves once every child run started from this run has closed (undefined when none is
   * open). Used on cancellation, so a run closes after its children, never before.
   */
  childrenClosed(): Promise<void> | undefined {
    if (this.#liveChildren === 0) return undefined;
    return new Promise((resolve) => {
      const previous = this.#childrenClosed;
      this.#childrenClosed = () => {
        previous?.();
        resolve();
      };
    });
  }

  /** Children that `stop()` cancels together, waiting for their runs to close. */
  childStop(): ChildStop {
    return new ChildStop(this);
  }

  /**
   * The config for a child call: observers and inherited tags/metadata in a child manager (plus
   * a local tag such as `seq:step:2`), the same signal, configurable and limits; never this
   * run's name, id or timeout.
   */
  childConfig(localTag?: string, overrides?: Partial<RunnableConfig>): RunnableConfig {
    const c = this.config;
    const child: RunnableConfig = {};
    if (this.run !== undefined) {
      child.callbacks = this.manager.child(this.run, localTag);
    } else {
      if (c.callbacks !== undefined) child.callbacks = c.callbacks;
      if (c.tags !== undefined) child.tags = c.tags;
      if (c.metadata !== undefined) child.metadata = c.metadata;
    }
    if (c.configurable !== undefined) child.configurable = c.configurable;
    if (c.maxConcurrency !== undefined) child.maxConcurrency = c.maxConcurrency;
    if (c.recursionLimit !== undefined) child.recursionLimit = c.recursionLimit;
    if (this.signal !== undefined) child.signal = this.signal;
    this.#token ??= new ParentToken(this);
    (child as ParentLink)[PARENT_RUN] = this.#token;
    // `child` is fresh: write the overrides into it rather than copy it.
    return overrides ? Object.assign(child, overrides) : child;
  }
}

/** The call's handlers plus the ones the runnable was built with. */
function withOwnHandlers(manager: CallbackManager, own: Callbacks | undefined): CallbackManager {
  if (own === undefined) return manager;
  return manager.withHandlers(own instanceof CallbackManager ? own.observers : own);
}

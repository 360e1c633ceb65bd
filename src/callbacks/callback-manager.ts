import { uuidv7 } from "../internal/uuid-v7.js";
import type { CallbackHandler } from "./callback-handler.js";
import { globalObservers } from "./global-observers.js";
import { HandlerAdapter } from "./handler-adapter.js";
import type { Run, RunPresentation, RunType } from "./run.js";
import { isRunObserver, type RunObserver } from "./run-observer.js";

/** What can go in `config.callbacks`: handlers and observers, or a manager handed down by a parent run. */
export type Callbacks = CallbackManager | ReadonlyArray<CallbackHandler | RunObserver>;

/** What a run needs to be opened; the manager adds the inherited parts. */
export interface RunSpec {
  name: string;
  runType: RunType;
  tags: readonly string[] | undefined;
  metadata: Readonly<Record<string, unknown>> | undefined;
  runId: string | undefined;
  input: unknown;
  inputKnown: boolean;
  /** The Runnable produces its output as one value (see `Run.wholeOutput`). */
  wholeOutput?: boolean;
  extra?: Record<string, unknown>;
  presentation?: RunPresentation;
}

const EMPTY: readonly string[] = Object.freeze([]);
const NO_METADATA: Readonly<Record<string, unknown>> = Object.freeze({});

function toObserver(h: CallbackHandler | RunObserver): RunObserver {
  return isRunObserver(h) ? h : new HandlerAdapter(h as CallbackHandler);
}

/**
 * True when a call passes its own handler in place of a global one: the same observer, or a
 * handler of the same name (a `LangChainTracer` for another project while `LANGSMITH_TRACING`
 * traces everything). LangChain likewise leaves out the tracer the environment would add when the
 * call has one; otherwise every run would be posted twice under the same id.
 */
function passedOwn(global: RunObserver, own: readonly RunObserver[]): boolean {
  const name = global instanceof HandlerAdapter ? global.handlerName : undefined;
  return own.some(
    (each) =>
      each === global || (name !== undefined && each instanceof HandlerAdapter && each.handlerName === name),
  );
}

function union(a: readonly string[], b: readonly string[] | undefined): readonly string[] {
  if (b === undefined || b.length === 0) return a;
  if (a.length === 0) return b;
  const out = [...a];
  for (const t of b) if (!out.includes(t)) out.push(t);
  return out;
}

interface ManagerFields {
  observers?: readonly RunObserver[];
  parentRun?: Run | undefined;
  inheritableTags?: readonly string[];
  inheritableMetadata?: Readonly<Record<string, unknown>>;
  localTags?: readonly string[];
}

/**
 * Hands runs to observers and links them into a tree. A parent run gives each child a manager
 * (`child`) that carries the observers, the parent run, the tags and metadata children
 * inherit, and the child's local tags (`seq:step:2`, `map:key:context`), which are not
 * inherited further.
 */
export class CallbackManager {
  readonly observers: readonly RunObserver[];
  readonly parentRun: Run | undefined;
  readonly inheritableTags: readonly string[];
  readonly inheritableMetadata: Readonly<Record<string, unknown>>;
  readonly localTags: readonly string[];

  constructor(fields: ManagerFields = {}) {
    this.observers = fields.observers ?? [];
    this.parentRun = fields.parentRun;
    this.inheritableTags = fields.inheritableTags ?? EMPTY;
    this.inheritableMetadata = fields.inheritableMetadata ?? NO_METADATA;
    this.localTags = fields.localTags ?? EMPTY;
  }

  /** Normalises `config.callbacks` into a manager. */
  static from(callbacks: Callbacks | undefined): CallbackManager {
    if (callbacks instanceof CallbackManager) return callbacks;
    const globals = globalObservers();
    if (callbacks === undefined || callbacks.length === 0) return rootManager(globals);
    const own = callbacks.map(toObserver);
    if (globals.length === 0) return new CallbackManager({ observers: own });
    return new CallbackManager({ observers: [...globals.filter((g) => !passedOwn(g, own)), ...own] });
  }

  /** Whether anybody observes runs opened here; when not, runs are not materialised at all. */
  get observed(): boolean {
    return this.observers.length > 0;
  }

  /** A copy with more handlers (handlers passed explicitly to a nested call). */
  withHandlers(more: ReadonlyArray<CallbackHandler | RunObserver>): CallbackManager {
    if (more.length === 0) return this;
    const added = more.map(toObserver);
    return new CallbackManager({ ...this.#fields(), observers: [...this.observers, ...added] });
  }

  /** A copy whose runs also inherit these tags and metadata. */
  withInheritable(
    tags: readonly string[] | undefined,
    metadata: Record<string, unknown> | undefined,
  ): CallbackManager {
    if ((tags === undefined || tags.length === 0) && metadata === undefined) return this;
    return new CallbackManager({
      ...this.#fields(),
      inheritableTags: union(this.inheritableTags, tags),
      inheritableMetadata: metadata ? { ...this.inheritableMetadata, ...metadata } : this.inheritableMetadata,
    });
  }

  /** The manager for the children of `run` (or of this manager's parent when `run` is undefined). */
  child(run: Run | undefined, localTag?: string): CallbackManager {
    if (run === undefined) {
      return new CallbackManager({ ...this.#fields(), localTags: localTag ? [localTag] : EMPTY });
    }
    return new CallbackManager({
      observers: this.observers,
      parentRun: run,
      inheritableTags: run.inheritableTags,
      inheritableMetadata: run.inheritableMetadata,
      localTags: localTag ? [localTag] : EMPTY,
    });
  }

  /** Creates the Run object (not yet announced): tags, metadata and ancestry resolved. */
  createRun(spec: RunSpec, now: number = Date.now()): Run {
    // The run's own tags come before the ones it inherits, as @langchain/core orders them.
    const inheritableTags =
      spec.tags === undefined ? this.inheritableTags : union(spec.tags, this.inheritableTags);
    const inheritableMetadata = spec.metadata
      ? { ...this.inheritableMetadata, ...spec.metadata }
      : this.inheritableMetadata;
    const parent = this.parentRun;
    return {
      id: spec.runId ?? uuidv7(now),
      name: spec.name,
      runType: spec.runType,
      tags: union(this.localTags, inheritableTags),
      metadata: inheritableMetadata,
      parentIds: parent ? [...parent.parentIds, parent.id] : EMPTY,
      parentRunId: parent?.id,
      inheritableTags,
      inheritableMetadata,
      inputKnownAtStart: spec.inputKnown,
      ...(spec.wholeOutput === true ? { wholeOutput: true } : {}),
      input: spec.input,
      output: undefined,
      error: undefined,
      startTime: now,
      endTime: undefined,
      extra: spec.extra ?? NO_METADATA,
      ...(spec.presentation === undefined ? {} : { presentation: spec.presentation }),
    };
  }

  #fields(): ManagerFields {
    return {
      observers: this.observers,
      parentRun: this.parentRun,
      inheritableTags: this.inheritableTags,
      inheritableMetadata: this.inheritableMetadata,
      localTags: this.localTags,
    };
  }
}

const ROOT = new CallbackManager();
let rootWithGlobals: { globals: readonly RunObserver[]; manager: CallbackManager } | undefined;

/** The manager of a root call without handlers: shared, so unobserved calls allocate none. */
function rootManager(globals: readonly RunObserver[]): CallbackManager {
  if (globals.length === 0) return ROOT;
  if (rootWithGlobals?.globals !== globals) {
    rootWithGlobals = { globals, manager: new CallbackManager({ observers: globals }) };
  }
  return rootWithGlobals.manager;
}

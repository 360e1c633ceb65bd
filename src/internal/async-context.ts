// Implicit config propagation. Node has AsyncLocalStorage; we load it ourselves so users need
// no side-effect import. Where it is missing (browsers, some edge runtimes) propagation is off
// and a one-time warning says so; passing `config` explicitly still works everywhere.

interface Storage<T> {
  getStore(): T | undefined;
  run<R>(store: T, fn: () => R): R;
}
type StorageCtor = new <T>() => Storage<T>;

function loadStorage(): StorageCtor | undefined {
  const proc = (globalThis as { process?: { getBuiltinModule?: (id: string) => unknown } }).process;
  const mod = proc?.getBuiltinModule?.("node:async_hooks") as { AsyncLocalStorage?: StorageCtor } | undefined;
  if (mod?.AsyncLocalStorage) return mod.AsyncLocalStorage;
  const global = (globalThis as { AsyncLocalStorage?: StorageCtor }).AsyncLocalStorage;
  return global;
}

/**
 * A mutable holder, so a run can drop its config when it ends: async work that outlives the
 * run (a timer, a dangling promise) then finds an empty holder instead of keeping the run alive.
 */
export interface ContextHolder<T> {
  value: T | undefined;
}

const Ctor = loadStorage();
let warned = false;

/** A typed async-context slot over AsyncLocalStorage, or a no-op where there is none. */
export class AsyncContext<T> {
  readonly #storage: Storage<ContextHolder<T>> | undefined = Ctor ? new Ctor<ContextHolder<T>>() : undefined;

  /** Whether implicit propagation works in this runtime. */
  get available(): boolean {
    return this.#storage !== undefined;
  }

  /** The value of the innermost enclosing `run`, if it has not been released. */
  get(): T | undefined {
    return this.#storage?.getStore()?.value;
  }

  /** Runs `fn` with `holder` as the current context. */
  run<R>(holder: ContextHolder<T>, fn: () => R): R {
    if (this.#storage === undefined) {
      warnOnce();
      return fn();
    }
    return this.#storage.run(holder, fn);
  }
}

function warnOnce(): void {
  if (warned) return;
  warned = true;
  console.warn(
    "[rivulet] AsyncLocalStorage is not available in this runtime: runnables called inside a " +
      "function will not be linked to the enclosing run unless you pass `config` to them explicitly.",
  );
}

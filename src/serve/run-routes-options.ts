import { InvalidConfigError } from "../errors/input-errors.js";
import { createRunManager, type RunManager } from "../runs/run-manager.js";
import type { RunManagerOptions } from "../runs/run-manager-options.js";
import type { RunInfo } from "../runs/run-record.js";

/**
 * Decides whether a request may touch a durable run, on every run route: `run` is the run's info
 * (its `metadata` says who started it), or undefined when the request starts a new run. Throw an
 * `HttpError` (401, 403) to refuse. When starting a run it may return the metadata to keep with
 * it (the caller's user id), which later calls see as `run.metadata`. May be async.
 *
 * @example
 * authorize: (request, run) => {
 *   const user = userOf(request); // from a verified token
 *   if (user === undefined) throw new HttpError("Sign in", { status: 401 });
 *   if (run === undefined) return { user };
 *   if (run.metadata.user !== user) throw new HttpError("Not your run", { status: 403 });
 * },
 */
export type AuthorizeRun = (request: Request, run: RunInfo | undefined) => RunGrant | Promise<RunGrant>;

/** What {@link AuthorizeRun} answers: nothing (allowed), or the metadata to keep with a new run. */
export type RunGrant = Readonly<Record<string, string>> | undefined;

/** The `runs` option of `serve`: durable runs under `<route>/runs` (see docs/runs.md). */
export interface ServeRunsOptions extends Omit<RunManagerOptions, "clock"> {
  /** Checks every run route's request; see {@link AuthorizeRun}. Without it every request may. */
  authorize?: AuthorizeRun | undefined;
}

/** The runs option after checking: one manager for the server, and the hook. */
export interface ResolvedRunRoutes {
  readonly manager: RunManager;
  readonly authorize: AuthorizeRun | undefined;
  readonly generateId: () => string;
}

/** Checks the `runs` option of `serve` and builds its manager (undefined: no run routes). */
export function resolveRunRoutes(options: ServeRunsOptions | undefined): ResolvedRunRoutes | undefined {
  if (options === undefined) return undefined;
  if (typeof options !== "object" || options === null) {
    throw new InvalidConfigError(
      "serve: `runs` must be an object ({ store, ttlMs?, leaseMs?, authorize? }).",
    );
  }
  if (options.authorize !== undefined && typeof options.authorize !== "function") {
    throw new InvalidConfigError("serve: `runs.authorize` must be a function (request, run) => void.");
  }
  const manager = createRunManager(options);
  return {
    manager,
    authorize: options.authorize,
    generateId: options.generateId ?? (() => crypto.randomUUID()),
  };
}

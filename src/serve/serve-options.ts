import type { RunnableConfig } from "../config/runnable-config.js";
import { InvalidConfigError } from "../errors/input-errors.js";
import { checkNumberOption } from "../internal/check-number-option.js";
import { uuidv7 } from "../internal/uuid-v7.js";
import { type ConfigKey, resolveConfigKeys } from "./config-keys.js";
import { type CorsOptions, type ResolvedCors, resolveCors } from "./cors.js";
import { type HeartbeatOptions, type ResolvedHeartbeat, resolveHeartbeat } from "./heartbeat.js";
import { hasDotSegment } from "./route-table.js";
import { type ResolvedRunRoutes, resolveRunRoutes, type ServeRunsOptions } from "./run-routes-options.js";

/**
 * Runs last on every request's config, after the allow-list: set server-side values (a tenant
 * from a verified token, callbacks, a timeout) or refuse the request by throwing an `HttpError`
 * (401, 403). May be async.
 */
export type PerRequestConfig = (
  config: RunnableConfig,
  request: Request,
) => RunnableConfig | Promise<RunnableConfig>;

/** Options of `serve`. */
export interface ServeOptions {
  /**
   * Config keys a client may set (default `["configurable"]`); the rest of a client's config is
   * dropped. Any of `configurable`, `tags`, `metadata`, `runName`, `maxConcurrency`,
   * `recursionLimit`, `timeout` (snake_case spellings accepted). Never `callbacks`, `signal`, `runId`.
   */
  configKeys?: readonly string[] | undefined;
  /** Per-request config hook (auth, tenancy): see {@link PerRequestConfig}. */
  perRequestConfig?: PerRequestConfig | undefined;
  /** Largest request body in bytes (default 1 MiB); a larger one is answered 413. */
  maxBodyBytes?: number | undefined;
  /** Deepest nesting of arrays and objects in a body (default 64); deeper is 422. */
  maxJsonDepth?: number | undefined;
  /**
   * Most inputs one `batch` request may send (default 1000); more is 422. Each input is a run, a
   * config and a `perRequestConfig` call, so without it a 1 MiB body of `0,` would start ~500,000.
   */
  maxBatchSize?: number | undefined;
  /** Send errors' own messages instead of masked ones (development only; default false). */
  exposeErrors?: boolean | undefined;
  /** Heartbeat comments on SSE routes (default every 15 s); `false` for none. */
  heartbeat?: HeartbeatOptions | false | undefined;
  /** CORS for browser clients: `true` for any origin, or {@link CorsOptions}. Off by default. */
  cors?: CorsOptions | boolean | undefined;
  /** A path prefix the server is mounted under (`"/api"`), removed before routing. */
  prefix?: string | undefined;
  /** Serve the browser playground at `<route>/playground/` (default true); `false` answers 404 there. */
  playground?: boolean | undefined;
  /**
   * How values are written when the client does not ask (`X-Rivulet-Dialect`): `"langserve"`
   * (default; LangServe's pydantic shapes) or `"langchain"` (`@langchain/core`'s own JSON,
   * messages in the `lc: 1` form, for a frontend written against LangChain's `streamEvents`).
   */
  serialization?: "langserve" | "langchain" | undefined;
  /** Test seam for run ids (default UUID v7). */
  generateId?: (() => string) | undefined;
  /** Durable runs under `<route>/runs` on this store (docs/runs.md); off without it. */
  runs?: ServeRunsOptions | undefined;
}

/** The options after checking, as the routes read them. */
export interface ResolvedServeOptions {
  readonly configKeys: ReadonlySet<ConfigKey>;
  readonly perRequestConfig: PerRequestConfig | undefined;
  readonly maxBodyBytes: number;
  readonly maxJsonDepth: number;
  readonly maxBatchSize: number;
  readonly exposeErrors: boolean;
  readonly heartbeat: ResolvedHeartbeat | undefined;
  readonly cors: ResolvedCors | undefined;
  readonly prefix: string;
  readonly playground: boolean;
  readonly serialization: "langserve" | "langchain";
  readonly generateId: () => string;
  readonly runs: ResolvedRunRoutes | undefined;
}

/** Checks every option once, when the server is built, so a bad option fails at start-up. */
export function resolveServeOptions(options: ServeOptions): ResolvedServeOptions {
  if (options.perRequestConfig !== undefined && typeof options.perRequestConfig !== "function") {
    throw new InvalidConfigError("serve: `perRequestConfig` must be a function (config, request) => config.");
  }
  if (options.generateId !== undefined && typeof options.generateId !== "function") {
    throw new InvalidConfigError("serve: `generateId` must be a function returning a string.");
  }
  if (options.playground !== undefined && typeof options.playground !== "boolean") {
    throw new InvalidConfigError("serve: `playground` must be true or false.");
  }
  if (
    options.serialization !== undefined &&
    options.serialization !== "langserve" &&
    options.serialization !== "langchain"
  ) {
    throw new InvalidConfigError(
      `serve: \`serialization\` must be "langserve" or "langchain", got ${JSON.stringify(options.serialization)}.`,
    );
  }
  return {
    configKeys: resolveConfigKeys(options.configKeys),
    perRequestConfig: options.perRequestConfig,
    maxBodyBytes: checkNumberOption("maxBodyBytes", options.maxBodyBytes, "positive-integer") ?? 1_048_576,
    maxJsonDepth: checkNumberOption("maxJsonDepth", options.maxJsonDepth, "positive-integer") ?? 64,
    maxBatchSize: checkNumberOption("maxBatchSize", options.maxBatchSize, "positive-integer") ?? 1000,
    exposeErrors: options.exposeErrors === true,
    heartbeat: resolveHeartbeat(options.heartbeat),
    cors: resolveCors(options.cors),
    prefix: normalizePrefix(options.prefix),
    playground: options.playground !== false,
    serialization: options.serialization ?? "langserve",
    generateId: options.generateId ?? uuidv7,
    runs: resolveRunRoutes(options.runs),
  };
}

function normalizePrefix(prefix: string | undefined): string {
  if (prefix === undefined || prefix === "" || prefix === "/") return "";
  if (typeof prefix !== "string" || !/^\/?[\w.~\-/]*$/.test(prefix) || hasDotSegment(prefix)) {
    throw new InvalidConfigError(
      `serve: \`prefix\` must be a URL path such as "/api", got ${JSON.stringify(prefix)}.`,
    );
  }
  return `/${prefix.replace(/^\/+|\/+$/g, "")}`;
}

// rivulet/serve: any Runnable over HTTP with LangServe's routes (docs/serving.md).
import "../runnables/install.js";
import "../events/install.js";

export { DIALECT_HEADER, type WireDialect } from "../wire/wire-dialect.js";
export type { ConfigKey } from "./config-keys.js";
export type { CorsOptions } from "./cors.js";
export type { HeartbeatOptions, HeartbeatScheduler } from "./heartbeat.js";
export { HttpError, type HttpErrorFields } from "./http-error.js";
export { type ListeningServer, type ListenOptions, listen } from "./listen.js";
export type { NodeRequest } from "./node-request.js";
export { RequestValidationError, type ValidationIssue } from "./request-validation-error.js";
export type { ServeRoutes } from "./route-table.js";
export type { AuthorizeRun, RunGrant, ServeRunsOptions } from "./run-routes-options.js";
export { type ServeApp, type ServeContext, serve } from "./serve.js";
export type { PerRequestConfig, ServeOptions } from "./serve-options.js";
export { type FetchHandler, type NodeListener, toNodeListener } from "./to-node-listener.js";

import type { RunnableConfig } from "../config/runnable-config.js";
import type { MapOutput } from "./map-output.js";
import type { Runnable, RunnableOutput } from "./runnable.js";

/** What `assign` outputs: the runnable's output plus the mapping's outputs. */
export type AssignOutput<R, M> = RunnableOutput<R> & MapOutput<M>;

/** What `assign` takes: runnables or functions of the output (or nested maps of them), by key. */
export type AssignMapping<O> = Record<
  string,
  Runnable<O, unknown, unknown> | ((input: O, config: RunnableConfig) => unknown) | Record<string, unknown>
>;

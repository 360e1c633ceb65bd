import type { RunnableConfig } from "../config/runnable-config.js";
import type { EventFilters } from "../events/event-filters.js";
import { decodeWireInput } from "./decode-wire-input.js";
import { RequestValidationError } from "./request-validation-error.js";
import { type RouteContext, readBodyObject, requireField, runConfig } from "./route-context.js";
import { sseFrames } from "./sse-frames.js";
import { sseResponse } from "./sse-response.js";
import { validateRunInputs } from "./validate-run-inputs.js";

/** The run a streamed route starts: its input, config (with the run's own signal) and id. */
interface StreamedRun {
  readonly input: unknown;
  readonly config: RunnableConfig;
  readonly runId: string;
  readonly abort: AbortController;
  /** Aborted only when the client goes away, unlike `config.signal`, which a server deadline also aborts. */
  readonly clientGone: AbortSignal;
  readonly body: Record<string, unknown>;
}

async function startRun(context: RouteContext): Promise<StreamedRun> {
  const body = await readBodyObject(context);
  const input = decodeWireInput(requireField(body, "input"), context.dialect, ["body", "input"]);
  await validateRunInputs(context.runnable, [{ input, loc: ["input"] }]);
  const runId = context.options.generateId();
  // One signal for every way a client goes away: the request's own, a cancelled body, a failed write.
  const abort = new AbortController();
  const clientGone = AbortSignal.any([context.request.signal, abort.signal]);
  const config = await runConfig(context, body.config, ["body", "config"], { runId, signal: clientGone });
  return { input, config, runId, abort, clientGone, body };
}

function respond(
  context: RouteContext,
  run: StreamedRun,
  values: AsyncIterable<unknown>,
  metadata: boolean,
): Response {
  const frames = sseFrames(values, {
    runId: run.runId,
    dialect: context.dialect,
    metadata,
    errors: { exposeMessages: context.options.exposeErrors },
    // Not `config.signal`: a deadline the server set (perRequestConfig) must still send its error frame.
    signal: run.clientGone,
  });
  const headers = new Headers(context.headers);
  headers.set("x-rivulet-run-id", run.runId);
  return sseResponse(frames, { abort: run.abort, heartbeat: context.options.heartbeat, headers });
}

/** Streams that start only when first read, so nothing runs before the response is taken. */
async function* lazily(
  start: () => Promise<AsyncIterable<unknown>> | AsyncIterable<unknown>,
): AsyncGenerator<unknown> {
  yield* await start();
}

/** `POST stream`: `metadata` with the run id at once, a `data` frame per output chunk, then `end`. */
export async function streamRoute(context: RouteContext): Promise<Response> {
  const run = await startRun(context);
  return respond(
    context,
    run,
    lazily(() => context.runnable.stream(run.input, run.config)),
    true,
  );
}

/** `POST stream_log`: a `data` frame `{ ops }` per run-log patch, then `end`; snake_case filters in the body. */
export async function streamLogRoute(context: RouteContext): Promise<Response> {
  const run = await startRun(context);
  const filters = readFilters(run.body);
  return respond(
    context,
    run,
    lazily(() => context.runnable.streamLog(run.input, run.config, filters)),
    false,
  );
}

/** `POST stream_events`: a `data` frame per v2 event (the server fixes the version), then `end`. */
export async function streamEventsRoute(context: RouteContext): Promise<Response> {
  const run = await startRun(context);
  const filters = readFilters(run.body);
  const options = { ...run.config, version: "v2" as const };
  return respond(
    context,
    run,
    lazily(() => context.runnable.streamEvents(run.input, options, filters)),
    false,
  );
}

const FILTER_FIELDS: ReadonlyArray<readonly [string, keyof EventFilters]> = [
  ["include_names", "includeNames"],
  ["include_types", "includeTypes"],
  ["include_tags", "includeTags"],
  ["exclude_names", "excludeNames"],
  ["exclude_types", "excludeTypes"],
  ["exclude_tags", "excludeTags"],
];

/** The event filters of a `stream_log`/`stream_events` body: lists of strings under snake_case (or camelCase) names. */
function readFilters(body: Record<string, unknown>): EventFilters {
  const filters: EventFilters = {};
  for (const [snake, camel] of FILTER_FIELDS) {
    const value = Object.hasOwn(body, snake) ? body[snake] : body[camel];
    if (value === undefined || value === null) continue;
    if (!Array.isArray(value) || !value.every((item) => typeof item === "string")) {
      throw new RequestValidationError([
        { loc: ["body", snake], msg: `\`${snake}\` must be a list of strings.`, type: "list_type" },
      ]);
    }
    filters[camel] = value;
  }
  return filters;
}

import { hasMarker, RivuletError, type RivuletErrorOptions } from "./rivulet-error.js";

const RUN_NOT_FOUND_ERROR = Symbol.for("rivulet.error.RunNotFoundError");

/**
 * A durable run id names no run in the store: it was never started, or its log expired (runs are
 * kept for a TTL after they end, one hour by default). Start a new run, or raise `ttlMs`.
 */
export class RunNotFoundError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [RUN_NOT_FOUND_ERROR] = true;
  readonly runId: string;
  constructor(runId: string, options: RivuletErrorOptions = {}) {
    super(
      "run_not_found",
      `No run ${JSON.stringify(runId)}: it was never started or its log expired after its TTL.`,
      options,
    );
    this.runId = runId;
  }
  static override isInstance = hasMarker<RunNotFoundError>(RUN_NOT_FOUND_ERROR);
}

const RUN_LOST_ERROR = Symbol.for("rivulet.error.RunLostError");

/**
 * The process running a durable run stopped renewing its lease (it crashed, was killed or lost
 * its connection to the store) before the run ended, so the run will never end by itself. Readers
 * receive it as the run's terminal error instead of waiting forever. Start the run again.
 */
export class RunLostError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [RUN_LOST_ERROR] = true;
  readonly runId: string;
  constructor(runId: string, options: RivuletErrorOptions = {}) {
    super(
      "run_lost",
      `The run ${JSON.stringify(runId)} was lost: its owner stopped renewing its lease before the run ended. Start it again.`,
      options,
    );
    this.runId = runId;
  }
  static override isInstance = hasMarker<RunLostError>(RUN_LOST_ERROR);
}

const CURSOR_EXPIRED_ERROR = Symbol.for("rivulet.error.CursorExpiredError");

/**
 * A reader asked to resume a durable run after an event the store no longer keeps (the store
 * keeps at most `maxEventsPerRun` events of a run and drops the oldest). `oldestId` is the oldest
 * event id still kept: the events after `after` up to `oldestId - 1` are gone, so the reader
 * cannot rebuild the run exactly. Restart the view from the run's status, or keep more events.
 */
export class CursorExpiredError extends RivuletError {
  /** Marks instances of this class for `isInstance` (see {@link RivuletError}). */
  readonly [CURSOR_EXPIRED_ERROR] = true;
  readonly runId: string;
  readonly after: number;
  readonly oldestId: number;
  constructor(fields: { runId: string; after: number; oldestId: number }, options: RivuletErrorOptions = {}) {
    super(
      "cursor_expired",
      `The run ${JSON.stringify(fields.runId)} no longer keeps the events after ${fields.after}: the oldest kept is ${fields.oldestId}. Resume from the run's status or raise maxEventsPerRun.`,
      options,
    );
    this.runId = fields.runId;
    this.after = fields.after;
    this.oldestId = fields.oldestId;
  }
  static override isInstance = hasMarker<CursorExpiredError>(CURSOR_EXPIRED_ERROR);
}

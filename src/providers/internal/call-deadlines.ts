import { TimeoutError } from "../../errors/abort-error.js";
import { abortErrorOf, combineSignals } from "../../internal/abort.js";

/** The deadlines of one provider call (see `ProviderTransportOptions`). */
export interface DeadlineOptions {
  timeout?: number | undefined;
  firstChunkTimeout?: number | undefined;
  idleTimeout?: number | undefined;
}

/** Whether a deadline option asks for a timer: unset and `Infinity` mean "no deadline" (no timer at all). */
function isDeadline(ms: number | undefined): ms is number {
  return ms !== undefined && ms !== Number.POSITIVE_INFINITY;
}

/** Why an attempt's controller was aborted when nothing went wrong (the call is over). */
const ATTEMPT_OVER = Symbol("attempt over");

/**
 * The signals and timers of one provider call. The call signal aborts on the run's signal or
 * the total timeout; each attempt gets its own signal on top, which the first-chunk and idle
 * timers abort with a typed `TimeoutError`, and which is aborted when the attempt ends so that
 * an abandoned response (the consumer stopped reading) closes its connection at once.
 */
export class CallDeadlines {
  readonly #options: DeadlineOptions;
  readonly #runSignal: AbortSignal | undefined;
  readonly #total = new AbortController();
  readonly #totalTimer: ReturnType<typeof setTimeout> | undefined;
  #attempt = new AbortController();
  #timer: ReturnType<typeof setTimeout> | undefined;
  #sawChunk = false;
  /** Aborts on the run's signal or the total timeout: what waits between attempts listen to. */
  readonly callSignal: AbortSignal;

  constructor(options: DeadlineOptions, runSignal: AbortSignal | undefined) {
    this.#options = options;
    this.#runSignal = runSignal;
    const { timeout } = options;
    if (isDeadline(timeout)) {
      this.#totalTimer = setTimeout(() => this.#total.abort(new TimeoutError(timeout, "total")), timeout);
    }
    this.callSignal = combineSignals(runSignal, this.#total.signal) ?? this.#total.signal;
  }

  /** Starts an attempt: a fresh signal for its request, with the first-chunk deadline running. */
  beginAttempt(): AbortSignal {
    this.#attempt = new AbortController();
    this.#sawChunk = false;
    this.#arm("first_chunk", this.#options.firstChunkTimeout);
    return AbortSignal.any([this.callSignal, this.#attempt.signal]);
  }

  /** The next chunk is awaited: runs the idle deadline once a chunk came (before, the first-chunk one runs). */
  awaitingChunk(): void {
    if (this.#sawChunk) this.#arm("idle", this.#options.idleTimeout);
  }

  /** A chunk arrived: stops the clock while the consumer handles it (slow consumers are not idle providers). */
  chunkArrived(): void {
    this.#sawChunk = true;
    this.#clearTimer();
  }

  /** Ends the current attempt; an open connection is closed. */
  endAttempt(): void {
    this.#clearTimer();
    if (!this.#attempt.signal.aborted) this.#attempt.abort(ATTEMPT_OVER);
  }

  /** Ends the call: stops every timer. */
  dispose(): void {
    this.endAttempt();
    clearTimeout(this.#totalTimer);
  }

  /** The typed error for whatever aborted this call (run signal, total, first-chunk or idle), if anything did. */
  abortError(): Error | undefined {
    if (this.#runSignal?.aborted) return abortErrorOf(this.#runSignal);
    if (this.#total.signal.aborted) return abortErrorOf(this.#total.signal);
    const reason: unknown = this.#attempt.signal.reason;
    return TimeoutError.isInstance(reason) ? reason : undefined;
  }

  #arm(kind: "first_chunk" | "idle", ms: number | undefined): void {
    this.#clearTimer();
    if (!isDeadline(ms)) return;
    const attempt = this.#attempt;
    this.#timer = setTimeout(() => attempt.abort(new TimeoutError(ms, kind)), ms);
  }

  #clearTimer(): void {
    clearTimeout(this.#timer);
    this.#timer = undefined;
  }
}

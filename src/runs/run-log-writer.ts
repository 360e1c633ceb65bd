import type { StreamEvent } from "../events/stream-event.js";
import type { RunEventEntry } from "./run-record.js";
import type { RunStore } from "./run-store.js";
import { storeDeadline } from "./store-deadline.js";

/** Options of {@link RunLogWriter}. */
export interface RunLogWriterOptions {
  readonly store: RunStore;
  readonly runId: string;
  /** Most events sent in one append; the producer waits when this many are waiting. */
  readonly maxBatch: number;
  /** How long one append may take before it counts as failed (the owner's lease). */
  readonly deadlineMs: number;
  /** Called once when the store refuses an append, so the owner stops its run at once. */
  readonly onRefused: () => void;
}

/**
 * The owner's side of a run's log: events are numbered `1, 2, 3...` as they come, and sent to
 * the store one append at a time; whatever arrives while an append is in flight goes in the
 * next one. A lone event is sent at once (no timer, so no added latency), and a fast producer
 * costs one round trip per batch instead of one per event. The producer waits (`push` returns
 * a promise) only when `maxBatch` events are already waiting, so memory stays bounded.
 */
export class RunLogWriter {
  readonly #options: RunLogWriterOptions;
  #waiting: RunEventEntry[] = [];
  /** The drain in progress (settled once `#draining` is false). */
  #flushing: Promise<void> = Promise.resolve();
  #draining = false;
  #lastId = 0;
  #refused = false;
  #failure: { error: unknown } | undefined;

  constructor(options: RunLogWriterOptions) {
    this.#options = options;
  }

  /** The id given to the last event pushed (0 before the first). */
  get lastId(): number {
    return this.#lastId;
  }

  /** True once the store refused an append: the run has ended elsewhere (a reader wrote `run_lost`). */
  get refused(): boolean {
    return this.#refused;
  }

  /**
   * True once an append failed: the events pushed after the last stored one were never written,
   * so `lastId` is ahead of the store's log.
   */
  get failed(): boolean {
    return this.#failure !== undefined;
  }

  /**
   * Numbers `event` and queues it. Resolves at once unless the queue is full; rejects with the
   * store's error once an append failed.
   */
  push(event: StreamEvent): Promise<void> | undefined {
    this.#throwIfFailed();
    this.#lastId += 1;
    // The run ended elsewhere: nothing more is written (the owner is being stopped).
    if (this.#refused) return undefined;
    this.#waiting.push({ type: "event", id: this.#lastId, event });
    if (!this.#draining) {
      this.#draining = true;
      this.#flushing = this.#drain();
    }
    return this.#waiting.length >= this.#options.maxBatch ? this.#flushing : undefined;
  }

  /** Waits until every pushed event is in the store (or refused); rethrows a store failure. */
  async flush(): Promise<void> {
    while (this.#draining) await this.#flushing;
    this.#throwIfFailed();
  }

  async #drain(): Promise<void> {
    const { store, runId, maxBatch } = this.#options;
    try {
      while (this.#waiting.length > 0 && !this.#refused) {
        const batch = this.#waiting.splice(0, maxBatch);
        if (!(await storeDeadline(store.append(runId, batch), this.#options.deadlineMs, "an append"))) {
          this.#refused = true;
          this.#options.onRefused();
        }
      }
    } catch (error) {
      this.#failure = { error };
    } finally {
      // Whatever is left after a refusal or a failure is never written.
      if (this.#refused || this.#failure !== undefined) this.#waiting = [];
      this.#draining = false;
    }
  }

  #throwIfFailed(): void {
    if (this.#failure !== undefined) throw this.#failure.error;
  }
}

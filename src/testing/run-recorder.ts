import type { Run, RunType } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";

/** One observed notification. */
export interface RecordedEntry {
  kind: "start" | "stream" | "end" | "error" | "custom";
  name: string;
  runType: RunType;
  runId: string;
  parentIds: readonly string[];
  tags: readonly string[];
  metadata: Readonly<Record<string, unknown>>;
  input?: unknown;
  output?: unknown;
  chunk?: unknown;
  error?: unknown;
  customName?: string;
}

/**
 * A RunObserver that records every notification in order, for tests of run trees and callback
 * order. `lines()` gives a compact `kind:name` list; `entries` keeps the details.
 *
 * @example
 * const rec = new RunRecorder();
 * await chain.invoke(1, { callbacks: [rec] });
 * expect(rec.lines()).toEqual(["start:RunnableSequence", "start:addOne", ...]);
 */
export class RunRecorder implements RunObserver {
  readonly entries: RecordedEntry[] = [];
  readonly awaitHandlers: boolean;

  constructor(options: { awaitHandlers?: boolean } = {}) {
    this.awaitHandlers = options.awaitHandlers ?? true;
  }

  #push(kind: RecordedEntry["kind"], run: Run, extra: Partial<RecordedEntry> = {}): void {
    this.entries.push({
      kind,
      name: run.name,
      runType: run.runType,
      runId: run.id,
      parentIds: run.parentIds,
      tags: run.tags,
      metadata: run.metadata,
      ...extra,
    });
  }

  onRunStart(run: Run): void {
    this.#push("start", run, run.inputKnownAtStart ? { input: run.input } : {});
  }
  onRunStream(run: Run, chunk: unknown): void {
    this.#push("stream", run, { chunk });
  }
  onRunEnd(run: Run): void {
    this.#push("end", run, { input: run.input, output: run.output });
  }
  onRunError(run: Run, error: unknown): void {
    this.#push("error", run, { input: run.input, error });
  }
  onCustomEvent(run: Run, name: string, data: unknown): void {
    this.#push("custom", run, { customName: name, chunk: data });
  }

  /** `kind:name` for each entry, in order. */
  lines(): string[] {
    return this.entries.map((e) => `${e.kind}:${e.kind === "custom" ? e.customName : e.name}`);
  }

  /** Runs that started but never ended or failed (should be empty after any call). */
  openRuns(): string[] {
    const open = new Map<string, string>();
    for (const e of this.entries) {
      if (e.kind === "start") open.set(e.runId, e.name);
      if (e.kind === "end" || e.kind === "error") open.delete(e.runId);
    }
    return [...open.values()];
  }
}

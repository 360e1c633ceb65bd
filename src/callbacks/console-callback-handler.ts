import { BaseCallbackHandler, type BaseCallbackHandlerInput } from "./base-callback-handler.js";
import {
  type AnsiStyle,
  asRecord,
  describeError,
  formatElapsed,
  formatToolValue,
  prettyJson,
  styled,
} from "./console-format.js";
import { llmResult } from "./handler-adapter.js";
import type { Run, RunType } from "./run.js";
import type { RunObserver } from "./run-observer.js";

/** Options of {@link ConsoleCallbackHandler}: `@langchain/core`'s handler options, plus test seams. */
export interface ConsoleCallbackHandlerOptions extends BaseCallbackHandlerInput {
  /** Where each entry goes (default: `console.log`); one call per run event, possibly several lines. */
  log?: ((entry: string) => void) | undefined;
  /** ANSI colours, as `@langchain/core` prints them (default `true`). */
  color?: boolean | undefined;
  /** The time in milliseconds, for the elapsed time of each run (default `Date.now`). */
  clock?: (() => number) | undefined;
}

/** How the tracer groups run types: prompts and parsers report as chains, chat models as LLMs. */
type TraceKind = "chain" | "llm" | "tool" | "retriever";

const KIND_OF: Record<RunType, TraceKind> = {
  chain: "chain",
  prompt: "chain",
  parser: "chain",
  chat_model: "llm",
  llm: "llm",
  tool: "tool",
  retriever: "retriever",
};

const LABEL: Record<TraceKind, string> = { chain: "Chain", llm: "LLM", tool: "Tool", retriever: "Retriever" };

/** What the tracer keeps of a run in progress: its place in the tree and when it started. */
interface TracedRun {
  readonly crumb: string;
  readonly executionOrder: number;
  childExecutionOrder: number;
  readonly parent: TracedRun | undefined;
  readonly startedAt: number;
}

/**
 * `@langchain/core`'s console tracer: logs every run's start, end and error, one entry each,
 * in its format: `[chain/start] [1:chain:RunnableSequence > 2:prompt:ChatPromptTemplate]
 * Entering Chain run with input: {...}`, `[llm/end] [...] [12ms] Exiting LLM run with output:
 * {...}`. The breadcrumb lists the run's ancestors as `order:type:name` (the order in which the
 * tracer saw them start, from 1 at the root; a chat model shows as `llm`), and ends and errors
 * give the elapsed time. Inputs and outputs are pretty JSON, as handlers receive them (a chat
 * model's `{ messages }`, an LLM result at its end). `verbose: true` on a tool adds one. Pass
 * `log` to collect the entries instead of printing them.
 *
 * @example
 * await chain.invoke({ topic: "cats" }, { callbacks: [new ConsoleCallbackHandler()] });
 * // [chain/start] [1:chain:RunnableSequence] Entering Chain run with input: { "topic": "cats" }
 * // ...
 */
export class ConsoleCallbackHandler extends BaseCallbackHandler implements RunObserver {
  readonly name = "console_callback_handler";
  readonly #log: (entry: string) => void;
  readonly #color: boolean;
  readonly #clock: () => number;
  readonly #runs = new Map<string, TracedRun>();

  constructor(options: ConsoleCallbackHandlerOptions = {}) {
    super(options);
    // Looked up per entry, so a console.log replaced later (a test spy) is the one used.
    this.#log = options.log ?? ((entry) => console.log(entry));
    this.#color = options.color ?? true;
    this.#clock = options.clock ?? Date.now;
  }

  onRunStart(run: Run): void {
    const parent = run.parentRunId === undefined ? undefined : this.#runs.get(run.parentRunId);
    const executionOrder = parent === undefined ? 1 : parent.childExecutionOrder + 1;
    if (parent !== undefined)
      parent.childExecutionOrder = Math.max(parent.childExecutionOrder, executionOrder);
    const type = KIND_OF[run.runType] === "llm" ? "llm" : run.runType;
    const traced: TracedRun = {
      crumb: `${executionOrder}:${type}:${run.name}`,
      executionOrder,
      childExecutionOrder: executionOrder,
      parent,
      startedAt: this.#clock(),
    };
    this.#runs.set(run.id, traced);
    const kind = KIND_OF[run.runType];
    if (this.#ignores(kind)) return;
    const text = `Entering ${LABEL[kind]} run with input: ${startInput(run, kind)}`;
    this.#write("green", `${kind}/start`, traced, text);
  }

  onRunEnd(run: Run): void {
    const traced = this.#close(run);
    const kind = KIND_OF[run.runType];
    if (traced === undefined || this.#ignores(kind)) return;
    const text = `[${formatElapsed(this.#clock() - traced.startedAt)}] Exiting ${LABEL[kind]} run with output: ${endOutput(run, kind)}`;
    this.#write("cyan", `${kind}/end`, traced, text);
  }

  onRunError(run: Run, error: unknown): void {
    const traced = this.#close(run);
    const kind = KIND_OF[run.runType];
    if (traced === undefined || this.#ignores(kind)) return;
    const shown = prettyJson(describeError(error), "[error]");
    const text = `[${formatElapsed(this.#clock() - traced.startedAt)}] ${LABEL[kind]} run errored with error: ${shown}`;
    this.#write("red", `${kind}/error`, traced, text);
  }

  /** Forgets a finished run; its parent's numbering continues after its descendants. */
  #close(run: Run): TracedRun | undefined {
    const traced = this.#runs.get(run.id);
    if (traced === undefined) return undefined;
    this.#runs.delete(run.id);
    const parent = traced.parent;
    if (parent !== undefined)
      parent.childExecutionOrder = Math.max(parent.childExecutionOrder, traced.childExecutionOrder);
    return traced;
  }

  #ignores(kind: TraceKind): boolean {
    if (kind === "chain") return this.ignoreChain;
    if (kind === "llm") return this.ignoreLLM;
    return kind === "tool" ? this.ignoreAgent : this.ignoreRetriever;
  }

  #write(style: AnsiStyle, tag: string, traced: TracedRun, text: string): void {
    this.#log(`${styled(style, `[${tag}]`, this.#color)} [${this.#breadcrumbs(traced)}] ${text}`);
  }

  /** `1:chain:RunnableSequence > 3:llm:FakeListChatModel`, the run itself in bold. */
  #breadcrumbs(traced: TracedRun): string {
    const crumbs = [styled("bold", traced.crumb, this.#color)];
    for (let parent = traced.parent; parent !== undefined; parent = parent.parent) crumbs.push(parent.crumb);
    return styled("grey", crumbs.reverse().join(" > "), this.#color);
  }
}

/** A run's input as the start entry shows it. */
function startInput(run: Run, kind: TraceKind): string {
  switch (kind) {
    case "tool":
      return `"${formatToolValue(run.input)}"`;
    case "llm":
      return prettyJson(trimmedPrompts(shownInput(run)), "[inputs]");
    case "retriever":
      return prettyJson(shownInput(run), "[inputs]");
    default:
      return prettyJson(run.inputKnownAtStart ? asRecord(run.input, "input") : { input: "" }, "[inputs]");
  }
}

/** A run's output as the end entry shows it. */
function endOutput(run: Run, kind: TraceKind): string {
  switch (kind) {
    case "tool":
      return `"${formatToolValue(run.output)}"`;
    case "llm":
      return prettyJson(llmResult(run), "[response]");
    case "retriever":
      return prettyJson({ documents: run.output }, "[outputs]");
    default:
      return prettyJson(asRecord(run.output, "output"), "[outputs]");
  }
}

/** The input as the run's Runnable presents it (`{ messages: [[...]] }`, `{ prompts }`, `{ query }`). */
function shownInput(run: Run): unknown {
  const present = run.presentation?.input;
  return present === undefined ? run.input : present(run.input);
}

/** An LLM's prompts are shown trimmed, as `@langchain/core` shows them. */
function trimmedPrompts(input: unknown): unknown {
  if (typeof input !== "object" || input === null) return input;
  const prompts: unknown = Reflect.get(input, "prompts");
  if (!Array.isArray(prompts)) return input;
  return { prompts: prompts.map((prompt) => (typeof prompt === "string" ? prompt.trim() : prompt)) };
}

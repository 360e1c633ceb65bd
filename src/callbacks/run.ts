import type { LLMResult } from "./callback-handler.js";

/** The kinds of run; event names are built from them (`on_<type>_start`). */
export type RunType = "chain" | "prompt" | "chat_model" | "llm" | "parser" | "retriever" | "tool";

/**
 * How a run's input and output appear in events and run logs, declared by the Runnable that
 * runs (so the events layer never switches on run types): a chat model shows its input as
 * `{ messages: [[...]] }`, a retriever as `{ query }`. Absent functions show values as they are.
 */
export interface RunPresentation {
  input?(input: unknown): unknown;
  output?(output: unknown): unknown;
  /** One output chunk as stream events show it (an LLM's text as a `GenerationChunk`). */
  chunk?(chunk: unknown): unknown;
  /** A model run's output as LangChain handlers get it in `handleLLMEnd` (an `LLMResult`). */
  llmResult?(output: unknown): LLMResult | undefined;
  /**
   * A chat model's input as the message list LangChain handlers get in `handleChatModelStart`
   * (a prompt value or a string coerced), or undefined when the input is not message-like.
   */
  chatMessages?(input: unknown): readonly unknown[] | undefined;
  /** The text of one output chunk, for runs whose chunks are tokens (`streamed_output_str`). */
  chunkText?(chunk: unknown): string | undefined;
}

/**
 * One call of a Runnable, as observers see it. Rivulet creates a Run only when something
 * observes (a handler, `streamEvents`, `streamLog`), so unobserved calls pay nothing for it.
 * Fields that become known later (`input` for streamed-in input, `output`, `endTime`) are
 * filled in before the matching notification.
 */
export interface Run {
  readonly id: string;
  readonly name: string;
  readonly runType: RunType;
  /**
   * Local tags first (`seq:step:2`), then the run's own (`withConfig`, the root call's), then
   * inherited ones, then tags passed to this nested call: `@langchain/core`'s order.
   */
  readonly tags: readonly string[];
  readonly metadata: Readonly<Record<string, unknown>>;
  /** Ancestor run ids from the root down to the parent; `[]` for a root run. */
  readonly parentIds: readonly string[];
  readonly parentRunId: string | undefined;
  /** Tags and metadata that children inherit (the local tags are not among them). */
  readonly inheritableTags: readonly string[];
  readonly inheritableMetadata: Readonly<Record<string, unknown>>;
  /** Whether the input was known when the run started (false when it was streamed in). */
  readonly inputKnownAtStart: boolean;
  /**
   * True when the Runnable produces its output as one value (a prompt, a retriever, a tool), not
   * chunk by chunk. Such a root run's value is still its one stream chunk for `stream()`, v1
   * events and run logs; v2 events send no stream event for it, as `@langchain/core` does.
   */
  readonly wholeOutput?: boolean;
  input: unknown;
  output: unknown;
  error: unknown;
  readonly startTime: number;
  endTime: number | undefined;
  /** Run-type specific details: invocation params of a model, the tool call id of a tool... */
  readonly extra: Readonly<Record<string, unknown>>;
  /** How the input and output appear in events (see {@link RunPresentation}). */
  readonly presentation?: RunPresentation;
}

import { trackBackgroundCallback } from "./background-callbacks.js";
import type { CallbackHandler, LLMResult, Serialized } from "./callback-handler.js";
import type { Run } from "./run.js";
import type { RunObserver } from "./run-observer.js";
import { isToolProgress } from "./tool-progress.js";

/** True for a value `await` would wait for: an object or function with a `then` method. */
function isThenable(value: unknown): value is PromiseLike<unknown> {
  return (
    (typeof value === "object" || typeof value === "function") &&
    value !== null &&
    typeof Reflect.get(value, "then") === "function"
  );
}

function serialized(run: Run): Serialized {
  return { lc: 1, type: "not_implemented", id: ["rivulet", run.name], name: run.name };
}

function asRecord(value: unknown, key: string): Record<string, unknown> {
  if (typeof value === "object" && value !== null && !Array.isArray(value)) {
    return value as Record<string, unknown>;
  }
  return value === undefined ? {} : { [key]: value };
}

function textOf(chunk: unknown): string {
  if (typeof chunk === "string") return chunk;
  const c = chunk as { text?: unknown; content?: unknown } | null;
  if (typeof c?.text === "string") return c.text;
  return typeof c?.content === "string" ? c.content : "";
}

/**
 * A tool's input as the text `handleToolStart` takes (JSON, as LangChain sends it). A handler must
 * not make the run fail: an input JSON cannot encode (a BigInt, a cycle) is written with bigints
 * as strings and repeated objects as `"[Circular]"`.
 */
function toolInputText(input: unknown): string {
  if (typeof input === "string") return input;
  try {
    return JSON.stringify(input) ?? "";
  } catch {
    const seen = new WeakSet<object>();
    return (
      JSON.stringify(input, (_key, value: unknown) => {
        if (typeof value === "bigint") return value.toString();
        if (typeof value !== "object" || value === null) return value;
        if (seen.has(value)) return "[Circular]";
        seen.add(value);
        return value;
      }) ?? ""
    );
  }
}

/** A model run's output as `handleLLMEnd` gets it: as the model presents it (with token usage), else wrapped. */
export function llmResult(run: Run): LLMResult {
  const presented = run.presentation?.llmResult?.(run.output);
  return presented ?? { generations: [[{ text: textOf(run.output), message: run.output }]] };
}

/** The callback methods of a handler (`handleChainStart`...). */
type HandlerMethod = Extract<keyof CallbackHandler, `handle${string}`>;

/** Where a handler's failures are reported: one line each. */
export interface HandlerFailureLogger {
  warn(message: string): void;
}

/** Options of {@link HandlerAdapter}. */
export interface HandlerAdapterOptions {
  /** Where a failing handler is reported (default: `console`). A test seam. */
  logger?: HandlerFailureLogger | undefined;
}

/**
 * The name a failure report gives a handler, as `@langchain/core` does: its class name; for a
 * plain object, its `name`.
 */
function handlerName(handler: CallbackHandler): string {
  const className = handler.constructor?.name;
  if (className !== undefined && className !== "" && className !== "Object") return className;
  return handler.name ?? "(unnamed)";
}

/** Makes a LangChain-style handler observe runs: each run event becomes the matching `handleX` call. */
export class HandlerAdapter implements RunObserver {
  readonly awaitHandlers: boolean;
  /**
   * The handler's `name` (`"langchain_tracer"` for LangSmith's tracer): a call passing its own
   * handler of a name a global one has uses its own instead, as LangChain does for the tracer the
   * environment adds.
   */
  readonly handlerName: string | undefined;
  readonly #h: CallbackHandler;
  readonly #logger: HandlerFailureLogger;

  constructor(handler: CallbackHandler, options: HandlerAdapterOptions = {}) {
    this.#h = handler;
    this.handlerName = typeof handler.name === "string" && handler.name !== "" ? handler.name : undefined;
    this.#logger = options.logger ?? console;
    this.awaitHandlers = handler.awaitHandlers === true || handler.raiseError === true;
  }

  /**
   * Calls the handler; a failure is reported, not thrown, unless the handler asked to raise
   * (`raiseError`: the error fails the run instead).
   */
  #call(method: HandlerMethod, result: () => unknown): void | Promise<void> {
    try {
      const returned = result();
      if (isThenable(returned)) {
        // Any thenable, not only a native Promise (another realm's or library's), as `await` takes it.
        const work = Promise.resolve(returned);
        if (this.#h.raiseError) return work.then(() => undefined);
        const caught = work.then(
          () => undefined,
          (e: unknown) => this.#report(method, e),
        );
        if (this.awaitHandlers) return caught;
        // Nobody waits for it, but awaitAllCallbacks does.
        trackBackgroundCallback(caught);
      }
    } catch (e) {
      if (this.#h.raiseError) throw e;
      this.#report(method, e);
    }
    return undefined;
  }

  /** One line per failure, as `@langchain/core` logs it: no stack, so a failing token handler does not flood the log. */
  #report(method: HandlerMethod, error: unknown): void {
    this.#logger.warn(`Error in handler ${handlerName(this.#h)}, ${method}: ${String(error)}`);
  }

  #isLLM(run: Run): boolean {
    return run.runType === "llm" || run.runType === "chat_model";
  }

  onRunStart(run: Run): void | Promise<void> {
    switch (run.runType) {
      case "chat_model":
        return this.#chatModelStart(run);
      case "llm":
        return this.#llmStart(run);
      case "tool":
        return this.#toolStart(run);
      case "retriever":
        return this.#retrieverStart(run);
      default:
        return this.#chainStart(run);
    }
  }

  #chatModelStart(run: Run): void | Promise<void> {
    const h = this.#h;
    if (h.ignoreLLM) return;
    // A prompt value or a string reaches handlers as the messages the model sees, as LangChain's do.
    const coerced = run.presentation?.chatMessages?.(run.input);
    const messages: unknown[] =
      coerced !== undefined ? [...coerced] : Array.isArray(run.input) ? run.input : [run.input];
    return this.#call("handleChatModelStart", () =>
      h.handleChatModelStart?.(
        serialized(run),
        [messages],
        run.id,
        run.parentRunId,
        { ...run.extra },
        [...run.tags],
        { ...run.metadata },
        run.name,
      ),
    );
  }

  #llmStart(run: Run): void | Promise<void> {
    const h = this.#h;
    if (h.ignoreLLM) return;
    const prompts = Array.isArray(run.input) ? run.input.map(String) : [String(run.input)];
    return this.#call("handleLLMStart", () =>
      h.handleLLMStart?.(
        serialized(run),
        prompts,
        run.id,
        run.parentRunId,
        { ...run.extra },
        [...run.tags],
        { ...run.metadata },
        run.name,
      ),
    );
  }

  #toolStart(run: Run): void | Promise<void> {
    const h = this.#h;
    if (h.ignoreAgent) return;
    const input = toolInputText(run.input);
    // Set when the tool was invoked with a ToolCall (see ToolCallRun).
    const callId = typeof run.extra.tool_call_id === "string" ? run.extra.tool_call_id : undefined;
    return this.#call("handleToolStart", () =>
      h.handleToolStart?.(
        serialized(run),
        input,
        run.id,
        run.parentRunId,
        [...run.tags],
        { ...run.metadata },
        run.name,
        callId,
      ),
    );
  }

  #retrieverStart(run: Run): void | Promise<void> {
    const h = this.#h;
    if (h.ignoreRetriever) return;
    return this.#call("handleRetrieverStart", () =>
      h.handleRetrieverStart?.(
        serialized(run),
        String(run.input),
        run.id,
        run.parentRunId,
        [...run.tags],
        { ...run.metadata },
        run.name,
      ),
    );
  }

  #chainStart(run: Run): void | Promise<void> {
    const h = this.#h;
    if (h.ignoreChain) return;
    const inputs = run.inputKnownAtStart ? asRecord(run.input, "input") : { input: "" };
    return this.#call("handleChainStart", () =>
      h.handleChainStart?.(
        serialized(run),
        inputs,
        run.id,
        run.parentRunId,
        [...run.tags],
        { ...run.metadata },
        run.runType,
        run.name,
      ),
    );
  }

  onRunStream(run: Run, chunk: unknown): void | Promise<void> {
    const h = this.#h;
    // Per token: nothing to build for a handler that does not take tokens (most tracers).
    if (h.handleLLMNewToken === undefined || !this.#isLLM(run) || h.ignoreLLM) return;
    // An LLM's text chunk reaches handlers as a GenerationChunk and a chat model's message chunk
    // as a ChatGenerationChunk ({ text, message }), as in LangChain: handlers read `chunk.message`.
    const shown =
      run.runType === "chat_model"
        ? { text: textOf(chunk), message: chunk }
        : run.presentation?.chunk === undefined
          ? chunk
          : run.presentation.chunk(chunk);
    return this.#call("handleLLMNewToken", () =>
      h.handleLLMNewToken?.(
        textOf(chunk),
        { prompt: 0, completion: 0 },
        run.id,
        run.parentRunId,
        [...run.tags],
        { chunk: shown },
      ),
    );
  }

  onRunEnd(run: Run): void | Promise<void> {
    const h = this.#h;
    const tags = [...run.tags];
    switch (run.runType) {
      case "chat_model":
      case "llm":
        if (h.ignoreLLM) return;
        return this.#call("handleLLMEnd", () =>
          h.handleLLMEnd?.(llmResult(run), run.id, run.parentRunId, tags),
        );
      case "tool":
        if (h.ignoreAgent) return;
        return this.#call("handleToolEnd", () =>
          h.handleToolEnd?.(run.output, run.id, run.parentRunId, tags),
        );
      case "retriever":
        if (h.ignoreRetriever) return;
        return this.#call("handleRetrieverEnd", () =>
          h.handleRetrieverEnd?.(Array.isArray(run.output) ? run.output : [], run.id, run.parentRunId, tags),
        );
      default:
        if (h.ignoreChain) return;
        return this.#call("handleChainEnd", () =>
          h.handleChainEnd?.(asRecord(run.output, "output"), run.id, run.parentRunId, tags, {
            inputs: asRecord(run.input, "input"),
          }),
        );
    }
  }

  onRunError(run: Run, error: unknown): void | Promise<void> {
    const h = this.#h;
    const tags = [...run.tags];
    switch (run.runType) {
      case "chat_model":
      case "llm":
        if (h.ignoreLLM) return;
        return this.#call("handleLLMError", () => h.handleLLMError?.(error, run.id, run.parentRunId, tags));
      case "tool":
        if (h.ignoreAgent) return;
        return this.#call("handleToolError", () => h.handleToolError?.(error, run.id, run.parentRunId, tags));
      case "retriever":
        if (h.ignoreRetriever) return;
        return this.#call("handleRetrieverError", () =>
          h.handleRetrieverError?.(error, run.id, run.parentRunId, tags),
        );
      default:
        if (h.ignoreChain) return;
        return this.#call("handleChainError", () =>
          h.handleChainError?.(error, run.id, run.parentRunId, tags, {
            inputs: asRecord(run.input, "input"),
          }),
        );
    }
  }

  onCustomEvent(run: Run, name: string, data: unknown): void | Promise<void> {
    const h = this.#h;
    // A generator tool's partial result: LangChain handlers get it as handleToolEvent, not as a custom event.
    if (isToolProgress(name, data)) {
      if (h.ignoreAgent) return;
      return this.#call("handleToolEvent", () =>
        h.handleToolEvent?.(data.progress, run.id, run.parentRunId, [...run.tags]),
      );
    }
    if (h.ignoreCustomEvent) return;
    return this.#call("handleCustomEvent", () =>
      h.handleCustomEvent?.(name, data, run.id, [...run.tags], { ...run.metadata }),
    );
  }
}

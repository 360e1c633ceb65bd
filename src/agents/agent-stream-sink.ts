import type { Run } from "../callbacks/run.js";
import type { RunObserver } from "../callbacks/run-observer.js";
import type { BoundedQueue } from "../internal/bounded-queue.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { AgentNode } from "./agent-state.js";
import type {
  AgentMessageMetadata,
  AgentStreamChunks,
  AgentStreamMode,
  AgentValues,
  LangGraphInterrupt,
} from "./agent-stream-mode.js";
import type { AgentInterrupt } from "./approvals.js";

/** The LangGraph step of a node of agent step `step` (its model request, then its tools). */
function messageMetadata(step: number, node: AgentNode): AgentMessageMetadata {
  const langgraphStep = node === "model_request" ? 2 * step - 1 : 2 * step;
  return { agent_step: step, agent_node: node, langgraph_step: langgraphStep, langgraph_node: node };
}

/**
 * Where one `agent.stream()` call's chunks go: the loop tells it what each step did, and it
 * queues the chunks of the modes asked for (alone, or as `[mode, chunk]` pairs for several). Each
 * method returns a promise only when the queue is full: the loop awaits it, so a slow reader
 * slows the agent. It is also the observer that ends its registration when the agent's run ends.
 */
export class AgentStreamSink implements RunObserver {
  readonly awaitHandlers = true;
  readonly #queue: BoundedQueue<unknown>;
  readonly #modes: ReadonlySet<AgentStreamMode>;
  readonly #pairs: boolean;
  readonly #rootId: string;
  readonly #onRootClosed: () => void;

  constructor(fields: {
    queue: BoundedQueue<unknown>;
    modes: readonly AgentStreamMode[];
    pairs: boolean;
    rootId: string;
    onRootClosed: () => void;
  }) {
    this.#queue = fields.queue;
    this.#modes = new Set(fields.modes);
    this.#pairs = fields.pairs;
    this.#rootId = fields.rootId;
    this.#onRootClosed = fields.onRootClosed;
  }

  #push<M extends AgentStreamMode>(mode: M, chunk: AgentStreamChunks[M]): Promise<void> | undefined {
    if (!this.#modes.has(mode)) return undefined;
    return this.#queue.push(this.#pairs ? [mode, chunk] : chunk);
  }

  /** The input state, before the first step (`"values"`). */
  started(values: AgentValues): Promise<void> | undefined {
    return this.#push("values", values);
  }

  /** One token chunk of step `step`'s model request (`"messages"`). */
  modelChunk(chunk: AIMessageChunk, step: number): Promise<void> | undefined {
    return this.#push("messages", [chunk, messageMetadata(step, "model_request")]);
  }

  /** A step's reply went into the history (`"updates"`, `"values"`). */
  async modelDone(reply: BaseMessage, values: AgentValues): Promise<void> {
    await this.#push("updates", { model_request: { messages: [reply] } });
    await this.#push("values", values);
  }

  /** The run stops for approvals (`"updates"` and `"values"` get LangGraph's `__interrupt__`). */
  async interrupted(interrupt: AgentInterrupt, values: AgentValues): Promise<void> {
    const actionRequests = interrupt.pending.map(({ approvalId, toolCall, signature }) => ({
      name: toolCall.name,
      args: toolCall.args,
      id: toolCall.id,
      approvalId,
      ...(signature === undefined ? {} : { signature }),
    }));
    const interrupts: LangGraphInterrupt[] = [{ value: { actionRequests } }];
    await this.#push("updates", { __interrupt__: interrupts });
    await this.#push("values", { ...values, __interrupt__: interrupts });
  }

  /** Step `step`'s ToolMessages went into the history (`"messages"`, `"updates"`, `"values"`). */
  async toolsDone(answers: readonly BaseMessage[], step: number, values: AgentValues): Promise<void> {
    for (const answer of answers) await this.#push("messages", [answer, messageMetadata(step, "tools")]);
    await this.#push("updates", { tools: { messages: [...answers] } });
    await this.#push("values", values);
  }

  /** What a tool wrote with `config.writer` (`"custom"`); no back-pressure: the writer is synchronous. */
  write(chunk: unknown): void {
    void this.#push("custom", chunk);
  }

  onRunEnd(run: Run): void {
    if (run.id === this.#rootId) this.#onRootClosed();
  }

  onRunError(run: Run): void {
    if (run.id === this.#rootId) this.#onRootClosed();
  }
}

import { ensureConfig } from "../config/ensure-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { isAbortError } from "../errors/abort-error.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { raceAbort } from "../internal/abort.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { coerceMessageLikeToMessage } from "../messages/coerce-message-like.js";
import { SystemMessage } from "../messages/system-message.js";
import { mergeUsageMetadata } from "../messages/usage-metadata.js";
import type { BaseChatModel } from "../models/base-chat-model.js";
import type { BindableTool, BindToolsOptions } from "../models/tool-definition.js";
import { initChatModel } from "../providers/init-chat-model.js";
import { foldOutput } from "../runnables/fold-output.js";
import { Runnable } from "../runnables/runnable.js";
import type { Aggregator } from "../streams/aggregator.js";
import type { IterableReadableStream } from "../streams/iterable-readable-stream.js";
import { AgentAbortError } from "./agent-abort-error.js";
import type { AgentFinishReason, AgentInput, AgentOutput, AgentStepSummary } from "./agent-state.js";
import type {
  AgentStreamChunks,
  AgentStreamMode,
  AgentStreamOptions,
  AgentStreamPair,
  AgentUpdate,
  AgentValues,
} from "./agent-stream-mode.js";
import type { AgentStreamSink } from "./agent-stream-sink.js";
import type { ApprovalSigner, SignatureContext } from "./approval-signature.js";
import {
  type AgentInterrupt,
  type ApprovalPolicy,
  gateCalls,
  interruptFor,
  resumeApprovals,
} from "./approvals.js";
import { checkDecisions } from "./check-decisions.js";
import type { AgentTool, OnToolError } from "./create-agent-options.js";
import { callsWithIds, cancelledToolMessage, type PlannedCall, planToolCalls } from "./plan-tool-calls.js";
import { type AgentModel, requestModel } from "./request-model.js";
import { runToolCalls } from "./run-tool-calls.js";
import { streamAgent } from "./stream-agent.js";
import {
  PartialAnswerReader,
  type ResponseFormatTool,
  readStructuredAnswer,
  type StructuredAnswer,
} from "./structured-response.js";

/** The custom event the agent run sends with each partial structured answer (`responseFormat`). */
export const STRUCTURED_RESPONSE_EVENT = "structured_response";

/** What an {@link AgentRunnable} is built from: `createAgent`'s options, checked and defaulted. */
export interface AgentRunnableFields {
  readonly model: BaseChatModel | string;
  readonly tools: readonly AgentTool[];
  readonly systemPrompt: BaseMessage | undefined;
  readonly maxSteps: number;
  readonly toolConcurrency: number;
  readonly onToolError: OnToolError;
  readonly name: string;
  /** `responseFormat` as a tool the model answers through; undefined without one. */
  readonly responseFormat: ResponseFormatTool | undefined;
  /** The approval policies by tool name. */
  readonly approval: Readonly<Record<string, ApprovalPolicy>> | undefined;
  /** Signs pending calls and checks decisions, with `approvalSecret`. */
  readonly signer: ApprovalSigner | undefined;
}

/** What every tool step of a call shares. */
interface ToolStepContext {
  readonly scope: RunScope;
  readonly sink: AgentStreamSink | undefined;
  readonly writer: (chunk: unknown) => void;
}

/** The history and totals of one agent run, as the loop grows them. */
class AgentProgress {
  readonly messages: BaseMessage[];
  readonly steps: AgentStepSummary[] = [];
  /** The structured answer, once the model gave a valid one. */
  structured: { value: unknown } | undefined;
  /** The calls left for a human, when the run is interrupted. */
  interrupt: AgentInterrupt | undefined;

  constructor(messages: BaseMessage[]) {
    this.messages = messages;
  }

  /** The state as `"values"` streams it: a copy of the history, and the structured answer once there is one. */
  values(): AgentValues {
    const messages = [...this.messages];
    return this.structured === undefined
      ? { messages }
      : { messages, structuredResponse: this.structured.value };
  }

  output(finishReason: AgentFinishReason): AgentOutput {
    let usage: AgentOutput["usage"];
    for (const step of this.steps) usage = mergeUsageMetadata(usage, step.usage);
    const output: AgentOutput = { messages: this.messages, finishReason, usage, steps: this.steps };
    if (this.structured !== undefined) output.structuredResponse = this.structured.value;
    if (this.interrupt !== undefined) output.interrupt = this.interrupt;
    return output;
  }
}

/**
 * The agent `createAgent` returns: a Runnable on `{ messages }` whose one run (a chain run, named
 * `agent` by default) holds, per step, a chat-model run and a tool run per tool call, and no
 * other runs. The loop awaits only those child runs, so a cancellation reaches it as their
 * failure and it can hand back a valid history (see {@link AgentAbortError}) before its run closes.
 *
 * @example
 * const agent = createAgent({ model, tools: [weather] });
 * for await (const event of agent.streamEvents({ messages: ["Weather in Paris?"] }, { version: "v2" })) {
 *   if (event.event === "on_tool_start") console.log(event.data.tool_call_id, event.data.input);
 * }
 */
export class AgentRunnable extends Runnable<AgentInput, AgentOutput, unknown> {
  override readonly shape: RunnableShape = { input: "whole", output: "whole" };
  /** @internal Every await of the loop is on a child run (or races the signal itself). */
  override readonly awaitsOnlyChildRuns = true;
  readonly fields: AgentRunnableFields;
  readonly #tools: ReadonlyMap<string, AgentTool>;
  #model: Promise<AgentModel> | undefined;
  /** The sinks of `stream()` calls in progress, by their root run's id. */
  readonly #sinks = new Map<string, AgentStreamSink>();

  constructor(fields: AgentRunnableFields) {
    super();
    this.fields = fields;
    this.name = fields.name;
    this.#tools = new Map(fields.tools.map((tool) => [tool.name, tool]));
  }

  override createAggregator(): Aggregator<unknown, AgentOutput> {
    return new AgentOutputAggregator();
  }

  /**
   * Streams the agent in LangGraph's stream modes (see {@link AgentStreamMode}): `"updates"` by
   * default, one mode's chunks, or `[mode, chunk]` pairs when `streamMode` is a list.
   *
   * @example
   * for await (const [mode, chunk] of await agent.stream({ messages }, { streamMode: ["values", "messages"] })) {
   *   if (mode === "messages") process.stdout.write(chunk[0].text);
   * }
   */
  override stream(
    input: AgentInput,
    options?: AgentStreamOptions & { streamMode?: "updates" | undefined },
  ): Promise<IterableReadableStream<AgentUpdate>>;
  override stream<M extends AgentStreamMode>(
    input: AgentInput,
    options: AgentStreamOptions & { streamMode: M },
  ): Promise<IterableReadableStream<AgentStreamChunks[M]>>;
  override stream<const M extends readonly AgentStreamMode[]>(
    input: AgentInput,
    options: AgentStreamOptions & { streamMode: M },
  ): Promise<IterableReadableStream<AgentStreamPair<M[number]>>>;
  override stream(input: AgentInput, options?: AgentStreamOptions): Promise<IterableReadableStream<unknown>>;
  override stream(
    input: AgentInput,
    options: AgentStreamOptions = {},
  ): Promise<IterableReadableStream<unknown>> {
    try {
      return Promise.resolve(
        streamAgent(this, input, options, (rootId, sink) => this.#register(rootId, sink)),
      );
    } catch (error) {
      return Promise.reject(error);
    }
  }

  #register(rootId: string, sink: AgentStreamSink | undefined): void {
    if (sink === undefined) this.#sinks.delete(rootId);
    else this.#sinks.set(rootId, sink);
  }

  /**
   * Runs the agent to its answer. Driven as a stream of one value rather than raced against the
   * signal as other invokes are: on a cancellation the loop's own error (with the history) is
   * the one the run fails with and the call rejects with.
   */
  override invoke(input: AgentInput, config?: RunnableConfig): Promise<AgentOutput> {
    let resolved: RunnableConfig;
    try {
      resolved = ensureConfig(config);
    } catch (error) {
      return Promise.reject(error);
    }
    return foldOutput(
      streamWithRun(this, { value: input }, resolved),
      this.createAggregator(),
      this.getName(),
    );
  }

  override async _invoke(input: AgentInput, scope: RunScope): Promise<AgentOutput> {
    const progress = new AgentProgress(inputMessages(input));
    const sink = this.#sinks.get(scope.runId);
    const context: ToolStepContext = { scope, sink, writer: (chunk) => sink?.write(chunk) };
    const signature = signatureContextOf(this.fields.name, scope);
    const resumeContext = { tools: this.#tools, signer: this.fields.signer, signature };
    const resumed = await resumeApprovals(progress.messages, checkDecisions(input.approvals), resumeContext);
    await sink?.started(progress.values());
    // The calls a human decided on run first, as step 0 of this call.
    if (resumed !== undefined) await this.#toolsStep(resumed, progress, { ...context, step: 0 });
    const model = await this.#modelFor(progress, scope);
    for (let step = 1; ; step++) {
      const reply = await this.#modelStep(model, progress, { scope, step, sink });
      const structured = await this.#structuredAnswer(reply, step);
      const plan = planToolCalls(reply, this.#tools, { step, answered: structured?.answer });
      progress.messages.push(plan.message);
      progress.steps.push({ step, usage: reply.usage_metadata, toolCalls: plan.calls.length });
      await sink?.modelDone(plan.message, progress.values());
      if (plan.calls.length === 0) return progress.output("stop");
      const gate = await this.#gate(plan.calls, progress, scope);
      if (structured?.valid === true) progress.structured = { value: structured.value };
      if (gate.run.length > 0) await this.#toolsStep(gate.run, progress, { ...context, step });
      if (gate.ask.length > 0) {
        progress.interrupt = await interruptFor(gate.ask, this.fields.signer, signature);
        await sink?.interrupted(progress.interrupt, progress.values());
        return progress.output("interrupted");
      }
      if (progress.structured !== undefined) return progress.output("stop");
      if (step >= this.fields.maxSteps) return progress.output("max_steps");
    }
  }

  /**
   * The step's calls split by the approval policies. An async policy cancelled by the signal is
   * an `AgentAbortError` whose history answers every call of the reply as cancelled (none ran).
   */
  async #gate(
    calls: readonly PlannedCall[],
    progress: AgentProgress,
    scope: RunScope,
  ): Promise<{ run: PlannedCall[]; ask: PlannedCall[] }> {
    try {
      return await gateCalls(calls, this.fields.approval, scope.signal);
    } catch (error) {
      if (isAbortError(error) && scope.signal?.aborted === true) {
        progress.messages.push(
          ...calls.map((planned) => planned.answer ?? cancelledToolMessage(planned.call)),
        );
        throw new AgentAbortError({ messages: progress.messages, cause: error });
      }
      throw error;
    }
  }

  /** One step's tool calls, answered into the history; a cancellation is an `AgentAbortError` with it. */
  async #toolsStep(
    calls: readonly PlannedCall[],
    progress: AgentProgress,
    context: ToolStepContext & { step: number },
  ): Promise<void> {
    const { scope, sink, writer, step } = context;
    const { toolConcurrency: concurrency, onToolError } = this.fields;
    const answers = await runToolCalls(calls, { scope, step, concurrency, onToolError, writer });
    progress.messages.push(...answers.messages);
    if (answers.cancelled !== undefined) {
      throw new AgentAbortError({ messages: progress.messages, cause: answers.cancelled });
    }
    await sink?.toolsDone(answers.messages, step, progress.values());
  }

  /** The step's model request; a cancellation becomes an `AgentAbortError` with the history before it. */
  async #modelStep(
    model: AgentModel,
    progress: AgentProgress,
    options: { scope: RunScope; step: number; sink: AgentStreamSink | undefined },
  ): Promise<AIMessageChunk> {
    const prompt = this.fields.systemPrompt;
    // A copy: the run records it as its input, and the history grows after the request.
    const messages = prompt === undefined ? [...progress.messages] : [prompt, ...progress.messages];
    const { scope, step, sink } = options;
    const onChunk = this.#chunkListener(scope, step, sink);
    try {
      return await requestModel(model, messages, { scope, step, onChunk });
    } catch (error) {
      if (isAbortError(error) && options.scope.signal?.aborted === true) {
        throw new AgentAbortError({ messages: [...progress.messages], cause: error });
      }
      throw error;
    }
  }

  /**
   * What each model chunk is given to: the `"messages"` stream, and the structured answer's
   * reader, whose partial answers are the agent run's `structured_response` custom events.
   */
  #chunkListener(
    scope: RunScope,
    step: number,
    sink: AgentStreamSink | undefined,
  ): ((chunk: AIMessageChunk) => Promise<void> | undefined) | undefined {
    const format = this.fields.responseFormat;
    if (format === undefined) return sink === undefined ? undefined : (chunk) => sink.modelChunk(chunk, step);
    const reader = new PartialAnswerReader(format.name);
    return async (chunk) => {
      await sink?.modelChunk(chunk, step);
      const partial = reader.read(chunk);
      if (partial !== undefined) await scope.reportCustomEvent(STRUCTURED_RESPONSE_EVENT, partial);
    };
  }

  /** The reply's call of the response tool, checked (undefined without `responseFormat` or such a call). */
  async #structuredAnswer(reply: AIMessageChunk, step: number): Promise<StructuredAnswer | undefined> {
    const format = this.fields.responseFormat;
    if (format === undefined) return undefined;
    const call = callsWithIds(reply, step).find((candidate) => candidate.name === format.name);
    return call === undefined ? undefined : readStructuredAnswer(call, format);
  }

  /** The model with the tools bound, built once (a model name is resolved with `initChatModel` on first use). */
  #boundModel(): Promise<AgentModel> {
    const format = this.fields.responseFormat;
    const tools: BindableTool[] = [...this.fields.tools];
    if (format !== undefined) tools.push(format.definition);
    // With a response format every step calls a tool: the loop ends through the response tool.
    const options: BindToolsOptions = format === undefined ? {} : { tool_choice: "any" };
    const bound = resolveModel(this.fields.model).then((model) =>
      tools.length === 0 ? model : model.bindTools(tools, options),
    );
    // A name that failed to resolve (a typo, a missing provider) is tried again on the next call.
    this.#model ??= bound.catch((error: unknown) => {
      this.#model = undefined;
      throw error;
    });
    return this.#model;
  }

  /** The bound model, raced against the signal: a cancellation while a provider loads is an `AgentAbortError` too. */
  async #modelFor(progress: AgentProgress, scope: RunScope): Promise<AgentModel> {
    try {
      return await raceAbort(this.#boundModel(), scope.signal);
    } catch (error) {
      if (isAbortError(error) && scope.signal?.aborted === true) {
        throw new AgentAbortError({ messages: [...progress.messages], cause: error });
      }
      throw error;
    }
  }
}

/** Keeps the agent's output: the one value its run yields (its chunks are the stream modes', not the run's). */
class AgentOutputAggregator implements Aggregator<unknown, AgentOutput> {
  #output: AgentOutput | undefined;

  add(chunk: unknown): void {
    if (isAgentOutput(chunk)) this.#output = chunk;
  }

  result(): AgentOutput | undefined {
    return this.#output;
  }
}

function isAgentOutput(value: unknown): value is AgentOutput {
  return isPlainObject(value) && Array.isArray(value.messages) && typeof value.finishReason === "string";
}

async function resolveModel(model: BaseChatModel | string): Promise<BaseChatModel> {
  return typeof model === "string" ? initChatModel(model) : model;
}

/** The input's messages as messages (every message-like a chat model accepts), in a new array. */
function inputMessages(input: AgentInput): BaseMessage[] {
  const value: unknown = input;
  if (!isPlainObject(value) || !Array.isArray(value.messages)) {
    throw new InvalidInputError(
      'An agent\'s input is { messages: [...] }, e.g. { messages: [{ role: "user", content: "hi" }] }; ' +
        `got ${value === null ? "null" : Array.isArray(value) ? "an array" : typeof value}` +
        (isPlainObject(value) ? " without a messages array" : ""),
    );
  }
  return input.messages.map(coerceMessageLikeToMessage);
}

/** What the agent's signatures are bound to: its name and the conversation (`configurable.thread_id`). */
function signatureContextOf(agent: string, scope: RunScope): SignatureContext {
  const threadId = scope.config.configurable?.thread_id;
  return {
    agent,
    threadId: typeof threadId === "string" || typeof threadId === "number" ? String(threadId) : undefined,
  };
}

/** A system prompt as the message sent first. */
export function systemMessageOf(prompt: string | BaseMessage | undefined): BaseMessage | undefined {
  return typeof prompt === "string" ? new SystemMessage(prompt) : prompt;
}

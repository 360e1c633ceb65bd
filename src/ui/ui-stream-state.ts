import { errorPayload } from "../errors/error-payload.js";
import type { StreamEvent } from "../events/stream-event.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { AIMessage } from "../messages/ai-message.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { ToolCallChunk } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";
import { mergeUsageMetadata, type UsageMetadata } from "../messages/usage-metadata.js";
import { messagePieces } from "./message-pieces.js";
import type { UIFinishReason, UIMessageChunk } from "./ui-message-chunk.js";

/** Options the mapping reads (see `ToUIMessageStreamOptions`). */
export interface UIStreamStateOptions {
  readonly exposeErrors: boolean;
  readonly onDrop: ((reason: string, event: StreamEvent) => void) | undefined;
}

/** A tool call of one model run, keyed by its fragments' `index`. */
interface PendingCall {
  id: string | undefined;
  name: string | undefined;
  started: boolean;
  /** Args text received before the call's id and name were known. */
  buffered: string;
}

/** One model call (a step): its open block and its tool calls. */
interface ModelStep {
  block: { kind: "text" | "reasoning"; id: string } | undefined;
  blockCount: number;
  calls: Map<string, PendingCall>;
}

/**
 * The mapping from events to chunks, one event at a time: which model call is the current
 * step, which text or reasoning block is open, which tool calls the client knows (so an output
 * is only sent for a known `toolCallId`), which tool run answers which call. Each `on*` method
 * returns the chunks to send, in order.
 */
export class UIStreamState {
  readonly #options: UIStreamStateOptions;
  readonly #steps = new Map<string, ModelStep>();
  /** Tool call ids the client has seen a `tool-input-start` or `tool-input-available` for. */
  readonly #knownCalls = new Set<string>();
  /** Tool run id to the model's call id, from `data.tool_call_id` on the tool's start. */
  readonly #toolRuns = new Map<string, string>();
  #rootRunId: string | undefined;
  #usage: UsageMetadata | undefined;
  finishReason: UIFinishReason = "stop";

  constructor(options: UIStreamStateOptions) {
    this.#options = options;
  }

  /** The chunks for one event. */
  onEvent(event: StreamEvent): UIMessageChunk[] {
    this.#rootRunId ??= event.run_id;
    switch (event.event) {
      case "on_chat_model_start":
        this.#steps.set(event.run_id, { block: undefined, blockCount: 0, calls: new Map() });
        return [{ type: "start-step" }];
      case "on_chat_model_stream":
        return this.#onModelChunk(event.run_id, event.data.chunk);
      case "on_chat_model_end":
        return this.#onModelEnd(event.run_id, event.data.output);
      case "on_chat_model_error":
        return this.#closeStep(event.run_id);
      case "on_tool_start":
        return this.#onToolStart(event);
      case "on_tool_stream":
        return this.#toolOutput(event, event.data.chunk, true);
      case "on_tool_end":
        return this.#onToolEnd(event);
      case "on_tool_error":
        return this.#onToolError(event);
      case "on_custom_event":
        return [{ type: `data-${event.name}`, data: event.data }];
      default:
        return event.run_id === this.#rootRunId ? this.#onRootEvent(event) : [];
    }
  }

  /** A failure of the stream itself: an `error` chunk, its text masked unless exposed. */
  errorChunk(error: unknown): UIMessageChunk {
    return {
      type: "error",
      errorText: errorPayload(error, { exposeMessages: this.#options.exposeErrors }).message,
    };
  }

  #onModelChunk(runId: string, chunk: AIMessageChunk): UIMessageChunk[] {
    const step = this.#steps.get(runId);
    if (step === undefined) return [];
    const out: UIMessageChunk[] = [];
    for (const piece of messagePieces(chunk)) {
      if (step.block?.kind !== piece.kind) {
        out.push(...endBlock(step));
        step.blockCount += 1;
        step.block = { kind: piece.kind, id: `${runId}-${step.blockCount}` };
        out.push({ type: piece.kind === "text" ? "text-start" : "reasoning-start", id: step.block.id });
      }
      const id = step.block.id;
      out.push(
        piece.kind === "text"
          ? { type: "text-delta", id, delta: piece.text }
          : { type: "reasoning-delta", id, delta: piece.text },
      );
    }
    for (const fragment of chunk.tool_call_chunks) out.push(...this.#onCallFragment(step, fragment));
    return out;
  }

  #onCallFragment(step: ModelStep, fragment: ToolCallChunk): UIMessageChunk[] {
    const key = fragment.index !== undefined ? `i${fragment.index}` : `id${fragment.id ?? ""}`;
    let call = step.calls.get(key);
    if (call === undefined) {
      call = { id: undefined, name: undefined, started: false, buffered: "" };
      step.calls.set(key, call);
    }
    call.id ??= fragment.id;
    call.name ??= fragment.name;
    const args = fragment.args ?? "";
    if (call.started)
      return args === ""
        ? []
        : [{ type: "tool-input-delta", toolCallId: call.id ?? "", inputTextDelta: args }];
    if (call.id === undefined || call.name === undefined) {
      call.buffered += args;
      return [];
    }
    // Text and tool input of one step are separate parts; the open block ends before the call.
    const out: UIMessageChunk[] = [...endBlock(step)];
    call.started = true;
    this.#knownCalls.add(call.id);
    out.push({ type: "tool-input-start", toolCallId: call.id, toolName: call.name });
    const text = call.buffered + args;
    call.buffered = "";
    if (text !== "") out.push({ type: "tool-input-delta", toolCallId: call.id, inputTextDelta: text });
    return out;
  }

  #onModelEnd(runId: string, output: AIMessageChunk): UIMessageChunk[] {
    const step = this.#steps.get(runId);
    if (step === undefined) return [];
    const out: UIMessageChunk[] = [...endBlock(step)];
    const message = AIMessage.isInstance(output) ? output : undefined;
    for (const call of message?.tool_calls ?? []) {
      if (call.id === undefined) continue;
      this.#knownCalls.add(call.id);
      out.push({ type: "tool-input-available", toolCallId: call.id, toolName: call.name, input: call.args });
      this.finishReason = "tool-calls";
    }
    for (const invalid of message?.invalid_tool_calls ?? []) {
      if (invalid.id === undefined) continue;
      this.#knownCalls.add(invalid.id);
      const errorText = invalid.error ?? "The model's tool call arguments are not valid JSON.";
      out.push({
        type: "tool-input-error",
        toolCallId: invalid.id,
        toolName: invalid.name ?? "",
        input: invalid.args,
        errorText,
      });
    }
    if ((message?.tool_calls.length ?? 0) === 0) this.finishReason = "stop";
    const usage = message?.usage_metadata;
    if (usage !== undefined) {
      this.#usage = mergeUsageMetadata(this.#usage, usage);
      out.push({ type: "message-metadata", messageMetadata: { usage: this.#usage } });
    }
    this.#steps.delete(runId);
    out.push({ type: "finish-step" });
    return out;
  }

  #closeStep(runId: string): UIMessageChunk[] {
    const step = this.#steps.get(runId);
    if (step === undefined) return [];
    this.#steps.delete(runId);
    return [...endBlock(step), { type: "finish-step" }];
  }

  #onToolStart(event: Extract<StreamEvent, { event: "on_tool_start" }>): UIMessageChunk[] {
    const id = toolCallIdOf(event.data);
    if (id !== undefined) this.#toolRuns.set(event.run_id, id);
    return [];
  }

  #onToolEnd(event: Extract<StreamEvent, { event: "on_tool_end" }>): UIMessageChunk[] {
    const output = event.data.output;
    if (ToolMessage.isInstance(output) && output.status === "error") {
      return this.#withCall(event, output.tool_call_id, (toolCallId) => ({
        type: "tool-output-error",
        toolCallId,
        errorText: output.text,
      }));
    }
    const fallback = ToolMessage.isInstance(output) ? output.tool_call_id : undefined;
    const value = ToolMessage.isInstance(output) ? output.content : output;
    return this.#withCall(event, fallback, (toolCallId) => ({
      type: "tool-output-available",
      toolCallId,
      output: value,
    }));
  }

  #onToolError(event: Extract<StreamEvent, { event: "on_tool_error" }>): UIMessageChunk[] {
    const errorText = this.errorChunk(event.data.error);
    const text = errorText.type === "error" ? errorText.errorText : "";
    return this.#withCall(event, undefined, (toolCallId) => ({
      type: "tool-output-error",
      toolCallId,
      errorText: text,
    }));
  }

  #toolOutput(event: StreamEvent, output: unknown, preliminary: boolean): UIMessageChunk[] {
    return this.#withCall(event, undefined, (toolCallId) => ({
      type: "tool-output-available",
      toolCallId,
      output,
      preliminary,
    }));
  }

  /** The chunk for a tool run's call, or nothing (reported to `onDrop`) when the client does not know the call. */
  #withCall(
    event: StreamEvent,
    fallbackId: string | undefined,
    build: (toolCallId: string) => UIMessageChunk,
  ): UIMessageChunk[] {
    const id =
      this.#toolRuns.get(event.run_id) ??
      toolCallIdOf(event.data) ??
      (fallbackId === "" ? undefined : fallbackId);
    if (event.event === "on_tool_end" || event.event === "on_tool_error") this.#toolRuns.delete(event.run_id);
    if (id === undefined || !this.#knownCalls.has(id)) {
      const reason =
        id === undefined ? "the tool run has no tool_call_id" : `no model tool call has the id "${id}"`;
      this.#options.onDrop?.(`${event.event} of "${event.name}" dropped: ${reason}`, event);
      return [];
    }
    return [build(id)];
  }

  #onRootEvent(event: StreamEvent): UIMessageChunk[] {
    if (event.event.endsWith("_error")) this.finishReason = "error";
    if (!event.event.endsWith("_end")) return [];
    const data = event.data;
    const output = isNonArrayObject(data) ? data.output : undefined;
    return approvalChunks(output, this.#knownCalls);
  }
}

function endBlock(step: ModelStep): UIMessageChunk[] {
  const block = step.block;
  if (block === undefined) return [];
  step.block = undefined;
  return [{ type: block.kind === "text" ? "text-end" : "reasoning-end", id: block.id }];
}

function toolCallIdOf(data: unknown): string | undefined {
  if (!isNonArrayObject(data)) return undefined;
  const id = data.tool_call_id;
  return typeof id === "string" && id !== "" ? id : undefined;
}

/** `tool-approval-request`s for an agent's interrupt: `{ interrupt: { pending: [{ approvalId, toolCall }] } }`. */
function approvalChunks(output: unknown, knownCalls: Set<string>): UIMessageChunk[] {
  if (!isNonArrayObject(output) || !isNonArrayObject(output.interrupt)) return [];
  const pending = output.interrupt.pending;
  if (!Array.isArray(pending)) return [];
  const out: UIMessageChunk[] = [];
  for (const item of pending) {
    if (!isNonArrayObject(item) || typeof item.approvalId !== "string" || !isNonArrayObject(item.toolCall))
      continue;
    const toolCallId = item.toolCall.id;
    if (typeof toolCallId !== "string" || !knownCalls.has(toolCallId)) continue;
    out.push({ type: "tool-approval-request", approvalId: item.approvalId, toolCallId });
  }
  return out;
}

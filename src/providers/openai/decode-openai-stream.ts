import { AIMessageChunk, type AIMessageChunkFields } from "../../messages/ai-message-chunk.js";
import type { ToolCallChunk } from "../../messages/tool-call.js";
import type { UsageMetadata } from "../../messages/usage-metadata.js";
import type { StreamEventWriter } from "../../models/content-stream/stream-event-writer.js";
import { parseSseStream } from "../../sse/parse-sse-stream.js";
import type { DecodeStreamOptions } from "../base/decode-stream-options.js";
import {
  arrayOf,
  compact,
  isNonArrayObject,
  type JsonRecord,
  numberOf,
  recordOf,
  stringOf,
} from "../internal/json-value.js";
import { makeProviderError } from "../internal/make-provider-error.js";
import { parseJsonPayload } from "../internal/parse-json-payload.js";
import { responseBody, truncatedStreamError } from "../internal/response-body.js";

const PROVIDER = "openai";
/** Error types after which a fresh attempt may succeed. */
const RETRYABLE_TYPES = new Set(["server_error", "rate_limit_exceeded", "overloaded", "timeout"]);

/** What the decoder remembers across the events of one response. */
interface OpenAIStreamState {
  finished: boolean;
  /** The content-block events of the response, attached to its chunks, when the call asked for them. */
  writer: StreamEventWriter | undefined;
}

/** Token usage as OpenAI reports it, in Rivulet's shape (cached and reasoning tokens included). */
export function usageFromOpenAI(usage: JsonRecord): UsageMetadata {
  const input = numberOf(usage.prompt_tokens) ?? 0;
  const output = numberOf(usage.completion_tokens) ?? 0;
  const result: UsageMetadata = {
    input_tokens: input,
    output_tokens: output,
    total_tokens: numberOf(usage.total_tokens) ?? input + output,
  };
  const inputDetails = recordOf(usage.prompt_tokens_details);
  const cacheRead = numberOf(inputDetails.cached_tokens);
  const inputAudio = numberOf(inputDetails.audio_tokens);
  if (cacheRead !== undefined || inputAudio !== undefined) {
    result.input_token_details = compact({ cache_read: cacheRead, audio: inputAudio });
  }
  const outputDetails = recordOf(usage.completion_tokens_details);
  const reasoning = numberOf(outputDetails.reasoning_tokens);
  const outputAudio = numberOf(outputDetails.audio_tokens);
  if (reasoning !== undefined || outputAudio !== undefined) {
    result.output_token_details = compact({ reasoning, audio: outputAudio });
  }
  return result;
}

/** The tool-call fragments of a delta; the position stands in for a missing `index` (some compatible servers). */
function toolCallChunksOf(delta: JsonRecord): ToolCallChunk[] {
  // Most deltas are text: no arrays to build for them.
  if (delta.tool_calls === undefined) return [];
  return arrayOf(delta.tool_calls)
    .filter(isNonArrayObject)
    .map((call, position) => {
      const fn = recordOf(call.function);
      return compact({
        type: "tool_call_chunk" as const,
        index: numberOf(call.index) ?? position,
        id: stringOf(call.id),
        name: stringOf(fn.name),
        args: stringOf(fn.arguments),
      });
    });
}

/** The metadata of the last content chunk: why generation stopped, and which model produced it. */
function finishMetadata(payload: JsonRecord, finishReason: string): JsonRecord {
  return compact({
    finish_reason: finishReason,
    model_name: stringOf(payload.model),
    system_fingerprint: stringOf(payload.system_fingerprint),
  });
}

/** The reasoning text some compatible servers stream (vLLM, DeepSeek, LM Studio), kept in `additional_kwargs`. */
function reasoningOf(delta: JsonRecord): JsonRecord | undefined {
  const reasoning = stringOf(delta.reasoning_content) ?? stringOf(delta.reasoning);
  return reasoning === undefined ? undefined : { reasoning_content: reasoning };
}

/**
 * The content-block events of one completion chunk: reasoning, text and each tool call (by
 * its `index`, with the model's call id) as blocks; all of them finish with `finish_reason`,
 * since Chat Completions marks no block's end; the usage chunk is a usage snapshot.
 */
function writeCompletionEvents(
  payload: JsonRecord,
  delta: JsonRecord,
  toolCalls: ToolCallChunk[],
  writer: StreamEventWriter,
): void {
  const id = stringOf(payload.id);
  writer.start(id === undefined || id === "" ? {} : { id });
  const reasoning = reasoningOf(delta)?.reasoning_content;
  if (typeof reasoning === "string" && reasoning !== "") writer.reasoning("reasoning", reasoning);
  const text = stringOf(delta.content);
  if (text !== undefined && text !== "") writer.text("text", text);
  for (const call of toolCalls) {
    const key = `tool ${call.index}`;
    writer.open(key, compact({ type: "tool_call_chunk" as const, id: call.id, name: call.name, args: "" }));
    writer.toolArgs(key, call.args ?? "");
  }
}

/** One `chat.completion.chunk` as a message chunk (undefined when it carries nothing). */
export function chunkFromCompletion(
  payload: JsonRecord,
  state: OpenAIStreamState,
): AIMessageChunk | undefined {
  const choice = arrayOf(payload.choices).find(
    (c): c is JsonRecord => isNonArrayObject(c) && (numberOf(c.index) ?? 0) === 0,
  );
  const usage = isNonArrayObject(payload.usage) ? usageFromOpenAI(payload.usage) : undefined;
  if (choice === undefined && usage === undefined) return undefined;
  const delta = recordOf(choice?.delta);
  const fields: AIMessageChunkFields = { content: stringOf(delta.content) ?? "" };
  const id = stringOf(payload.id);
  if (id !== undefined && id !== "") fields.id = id;
  const toolCallChunks = toolCallChunksOf(delta);
  if (toolCallChunks.length > 0) fields.tool_call_chunks = toolCallChunks;
  const reasoning = reasoningOf(delta);
  if (reasoning !== undefined) fields.additional_kwargs = reasoning;
  const writer = state.writer;
  if (writer !== undefined) writeCompletionEvents(payload, delta, toolCallChunks, writer);
  const finishReason = stringOf(choice?.finish_reason);
  if (finishReason !== undefined) {
    state.finished = true;
    fields.response_metadata = finishMetadata(payload, finishReason);
    writer?.finishAll();
  }
  if (usage !== undefined) {
    fields.usage_metadata = usage;
    writer?.usage(usage);
  }
  const chunk = new AIMessageChunk(fields);
  return writer === undefined ? chunk : writer.attach(chunk);
}

/** The error an error event carries, raised after the chunks already yielded. */
function streamError(payload: JsonRecord): Error {
  const error = isNonArrayObject(payload.error) ? payload.error : payload;
  const type = stringOf(error.type) ?? stringOf(error.code);
  return makeProviderError(`openai stream error: ${stringOf(error.message) ?? "unknown error"}`, {
    provider: PROVIDER,
    providerErrorType: type,
    retryable: type !== undefined && RETRYABLE_TYPES.has(type),
    body: payload,
  });
}

/**
 * Decodes a Chat Completions stream (`text/event-stream` of `chat.completion.chunk` objects
 * ending with `[DONE]`) into message chunks: text deltas, tool-call fragments (index, id, name,
 * argument text), the usage chunk, and `finish_reason` with the model name. An error event
 * (`{"error": {...}}`, or vLLM's `{"object": "error"}`) becomes a `ProviderError`; a stream that
 * ends with neither `[DONE]` nor a finish reason is reported as truncated. Each chunk carries
 * its content-block events (see `writeCompletionEvents`).
 */
export async function* decodeOpenAIStream(
  response: Response,
  options: DecodeStreamOptions = {},
): AsyncGenerator<AIMessageChunk, void, undefined> {
  const state: OpenAIStreamState = { finished: false, writer: options.writer };
  const { status } = response;
  for await (const message of parseSseStream(responseBody(response, PROVIDER))) {
    if (message.data === "[DONE]") return;
    if (message.data.trim() === "") continue;
    const payload = parseJsonPayload(message.data, { provider: PROVIDER, status, what: "an event's data" });
    if (!isNonArrayObject(payload)) continue;
    if (isNonArrayObject(payload.error) || payload.object === "error" || message.event === "error") {
      throw streamError(payload);
    }
    const chunk = chunkFromCompletion(payload, state);
    if (chunk !== undefined) yield chunk;
  }
  // Some compatible servers omit `[DONE]`; a finish reason is proof enough that the answer is whole.
  if (!state.finished) throw truncatedStreamError(PROVIDER, "[DONE]");
}

import { AIMessageChunk, type AIMessageChunkFields } from "../../messages/ai-message-chunk.js";
import type { ContentBlock } from "../../messages/content-block.js";
import type { UsageMetadata } from "../../messages/usage-metadata.js";
import type { StreamEventWriter } from "../../models/content-stream/stream-event-writer.js";
import { parseSseStream } from "../../sse/parse-sse-stream.js";
import type { DecodeStreamOptions } from "../base/decode-stream-options.js";
import {
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

const PROVIDER = "anthropic";
/** Error types after which a fresh attempt may succeed. */
const RETRYABLE_TYPES = new Set(["overloaded_error", "api_error", "rate_limit_error", "timeout_error"]);

/** What the decoder remembers across the events of one message. */
interface AnthropicStreamState {
  messageId: string | undefined;
  /** Once a thinking block has started, text goes into indexed blocks too, so the order of blocks survives merging. */
  listContent: boolean;
  stopped: boolean;
}

type ChunkFields = Omit<AIMessageChunkFields, "content"> & { content?: AIMessageChunkFields["content"] };

/** Input usage from `message_start`: cache reads and writes count as input, as Anthropic bills them. */
export function usageFromAnthropicStart(usage: JsonRecord): UsageMetadata {
  const cacheRead = numberOf(usage.cache_read_input_tokens);
  const cacheCreation = numberOf(usage.cache_creation_input_tokens);
  const input = (numberOf(usage.input_tokens) ?? 0) + (cacheRead ?? 0) + (cacheCreation ?? 0);
  const result: UsageMetadata = { input_tokens: input, output_tokens: 0, total_tokens: input };
  if (cacheRead !== undefined || cacheCreation !== undefined) {
    result.input_token_details = compact({ cache_read: cacheRead, cache_creation: cacheCreation });
  }
  return result;
}

function onMessageStart(payload: JsonRecord, state: AnthropicStreamState): ChunkFields {
  const message = recordOf(payload.message);
  state.messageId = stringOf(message.id);
  return {
    usage_metadata: usageFromAnthropicStart(recordOf(message.usage)),
    response_metadata: compact({ model_name: stringOf(message.model) }),
  };
}

function textFields(text: string, index: number, state: AnthropicStreamState): ChunkFields {
  return { content: state.listContent ? [{ type: "text", text, index }] : text };
}

function onBlockStart(payload: JsonRecord, state: AnthropicStreamState): ChunkFields | undefined {
  const index = numberOf(payload.index) ?? 0;
  const block = recordOf(payload.content_block);
  switch (block.type) {
    case "text": {
      const text = stringOf(block.text) ?? "";
      return text === "" ? undefined : textFields(text, index, state);
    }
    case "thinking":
      state.listContent = true;
      return { content: [{ type: "thinking", thinking: stringOf(block.thinking) ?? "", index }] };
    case "redacted_thinking":
      state.listContent = true;
      return { content: [{ type: "redacted_thinking", data: stringOf(block.data) ?? "", index }] };
    case "tool_use": {
      const input = recordOf(block.input);
      const args = Object.keys(input).length > 0 ? JSON.stringify(input) : "";
      const id = stringOf(block.id);
      const name = stringOf(block.name);
      return { tool_call_chunks: [compact({ type: "tool_call_chunk" as const, index, id, name, args })] };
    }
    default:
      // Server tools and citations are not mapped yet; their text still arrives as text blocks.
      return undefined;
  }
}

function onBlockDelta(payload: JsonRecord, state: AnthropicStreamState): ChunkFields | undefined {
  const index = numberOf(payload.index) ?? 0;
  const delta = recordOf(payload.delta);
  switch (delta.type) {
    case "text_delta":
      return textFields(stringOf(delta.text) ?? "", index, state);
    case "input_json_delta":
      return {
        tool_call_chunks: [{ type: "tool_call_chunk", index, args: stringOf(delta.partial_json) ?? "" }],
      };
    case "thinking_delta":
      return { content: [{ type: "thinking", thinking: stringOf(delta.thinking) ?? "", index }] };
    case "signature_delta": {
      const block: ContentBlock = {
        type: "thinking",
        thinking: "",
        signature: stringOf(delta.signature) ?? "",
        index,
      };
      return { content: [block] };
    }
    default:
      return undefined;
  }
}

function onMessageDelta(payload: JsonRecord): ChunkFields {
  const delta = recordOf(payload.delta);
  const output = numberOf(recordOf(payload.usage).output_tokens) ?? 0;
  return {
    // `output_tokens` here is the message's running total, so it is the whole output count.
    usage_metadata: { input_tokens: 0, output_tokens: output, total_tokens: output },
    response_metadata: compact({
      stop_reason: stringOf(delta.stop_reason),
      stop_sequence: stringOf(delta.stop_sequence),
    }),
  };
}

/** The error an `error` event carries, raised after the chunks already yielded. */
function streamError(payload: JsonRecord): Error {
  const error = recordOf(payload.error);
  const type = stringOf(error.type);
  return makeProviderError(`anthropic stream error: ${stringOf(error.message) ?? "unknown error"}`, {
    provider: PROVIDER,
    providerErrorType: type,
    retryable: type !== undefined && RETRYABLE_TYPES.has(type),
    body: payload,
  });
}

/** The content-block events of one wire event (blocks keyed by Anthropic's block index); `inputUsage` carries message_start's usage to the running snapshots. */
function writeAnthropicEvents(
  payload: JsonRecord,
  writer: StreamEventWriter,
  inputUsage: { value: UsageMetadata | undefined },
): void {
  const key = `block ${numberOf(payload.index) ?? 0}`;
  switch (payload.type) {
    case "message_start": {
      const message = recordOf(payload.message);
      inputUsage.value = usageFromAnthropicStart(recordOf(message.usage));
      writer.start({ id: stringOf(message.id), usage: inputUsage.value });
      return;
    }
    case "content_block_start":
      openAnthropicBlock(key, recordOf(payload.content_block), writer);
      return;
    case "content_block_delta": {
      const delta = recordOf(payload.delta);
      if (delta.type === "text_delta") writer.text(key, stringOf(delta.text) ?? "");
      else if (delta.type === "thinking_delta") writer.reasoning(key, stringOf(delta.thinking) ?? "");
      else if (delta.type === "input_json_delta") writer.toolArgs(key, stringOf(delta.partial_json) ?? "");
      else if (delta.type === "signature_delta") {
        writer.delta(key, {
          type: "block-delta",
          fields: { type: "reasoning", signature: stringOf(delta.signature) ?? "" },
        });
      }
      return;
    }
    case "content_block_stop":
      writer.finish(key);
      return;
    case "message_delta": {
      // `output_tokens` is the running total: with the input of message_start, the usage so far.
      const output = numberOf(recordOf(payload.usage).output_tokens);
      if (output === undefined) return;
      const input = inputUsage.value;
      const inputTokens = input?.input_tokens ?? 0;
      writer.usage({
        ...input,
        input_tokens: inputTokens,
        output_tokens: output,
        total_tokens: inputTokens + output,
      });
      return;
    }
    default:
      return;
  }
}

function openAnthropicBlock(key: string, block: JsonRecord, writer: StreamEventWriter): void {
  switch (block.type) {
    case "text":
      writer.text(key, stringOf(block.text) ?? "");
      return;
    case "thinking":
      writer.reasoning(key, stringOf(block.thinking) ?? "");
      return;
    case "tool_use": {
      const input = recordOf(block.input);
      writer.open(
        key,
        compact({
          type: "tool_call_chunk" as const,
          id: stringOf(block.id),
          name: stringOf(block.name),
          args: "",
        }),
      );
      if (Object.keys(input).length > 0) writer.toolArgs(key, JSON.stringify(input));
      return;
    }
    default:
      // Redacted thinking, server tools and anything newer: kept whole as a non-standard block.
      writer.open(key, { type: "non_standard", value: { ...block } });
  }
}

/** One streaming event as chunk fields (undefined for events that carry nothing: pings, block stops). */
export function fieldsFromAnthropicEvent(
  payload: JsonRecord,
  state: AnthropicStreamState,
): ChunkFields | undefined {
  switch (payload.type) {
    case "message_start":
      return onMessageStart(payload, state);
    case "content_block_start":
      return onBlockStart(payload, state);
    case "content_block_delta":
      return onBlockDelta(payload, state);
    case "message_delta":
      return onMessageDelta(payload);
    case "message_stop":
      state.stopped = true;
      return undefined;
    case "error":
      throw streamError(payload);
    default:
      return undefined;
  }
}

/**
 * Decodes a Messages API stream into message chunks: usage from `message_start` and
 * `message_delta`, text deltas, `tool_use` blocks as tool-call fragments (the block index keeps
 * parallel calls apart), thinking and signatures as `thinking` content blocks, the stop reason.
 * An `error` event becomes a `ProviderError`; a stream without `message_stop` is truncated.
 * Each chunk carries the content-block events of its wire events (see `StreamEventWriter`):
 * blocks start, grow and finish as Anthropic's `content_block_*` events say, with the
 * model's tool-use ids, thinking as reasoning (its signature a `block-delta`), and usage
 * snapshots from `message_start` and `message_delta`.
 */
export async function* decodeAnthropicStream(
  response: Response,
  options: DecodeStreamOptions = {},
): AsyncGenerator<AIMessageChunk, void, undefined> {
  const state: AnthropicStreamState = { messageId: undefined, listContent: false, stopped: false };
  const writer = options.writer;
  const inputUsage: { value: UsageMetadata | undefined } = { value: undefined };
  const { status } = response;
  for await (const message of parseSseStream(responseBody(response, PROVIDER))) {
    const payload = parseJsonPayload(message.data, { provider: PROVIDER, status, what: "an event's data" });
    if (!isNonArrayObject(payload)) continue;
    const fields = fieldsFromAnthropicEvent(
      message.event === "error" ? { ...payload, type: "error" } : payload,
      state,
    );
    if (writer !== undefined) writeAnthropicEvents(payload, writer, inputUsage);
    if (state.stopped) return;
    if (fields === undefined) continue;
    const chunk = new AIMessageChunk({ content: "", ...fields });
    if (state.messageId !== undefined) chunk.id = state.messageId;
    yield writer === undefined ? chunk : writer.attach(chunk);
  }
  throw truncatedStreamError(PROVIDER, "message_stop");
}

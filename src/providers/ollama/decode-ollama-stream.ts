import { AIMessageChunk, type AIMessageChunkFields } from "../../messages/ai-message-chunk.js";
import type { ToolCallChunk } from "../../messages/tool-call.js";
import type { StreamEventWriter } from "../../models/content-stream/stream-event-writer.js";
import { parseNdjsonStream } from "../../sse/parse-ndjson-stream.js";
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
import { responseBody, truncatedStreamError } from "../internal/response-body.js";

const PROVIDER = "ollama";

/** What the decoder remembers across the lines of one answer. */
interface OllamaStreamState {
  /** Tool calls seen so far: Ollama sends each whole, so each gets the next index. */
  toolCalls: number;
  done: boolean;
  newId: () => string;
  /** The content-block events of the answer, attached to its chunks, when the call asked for them. */
  writer: StreamEventWriter | undefined;
}

/**
 * The arguments as JSON text for the shared tool-call parser: an object (what Ollama sends) is
 * serialised, text (some servers) kept as is, anything else serialised too so the parser reports
 * it as malformed instead of the call running with `{}`.
 */
function argsTextOf(value: unknown): string {
  if (value === undefined) return "";
  return typeof value === "string" ? value : JSON.stringify(value);
}

/** Ollama sends each tool call complete, with arguments as an object; they become one fragment each. */
function toolCallChunksOf(message: JsonRecord, state: OllamaStreamState): ToolCallChunk[] {
  return arrayOf(message.tool_calls)
    .filter(isNonArrayObject)
    .map((call) => {
      const fn = recordOf(call.function);
      const index = state.toolCalls++;
      return compact({
        type: "tool_call_chunk" as const,
        index,
        id: stringOf(call.id) ?? state.newId(),
        name: stringOf(fn.name),
        args: argsTextOf(fn.arguments),
      });
    });
}

/** The final line's counters and timings as usage and response metadata. */
function finalFields(line: JsonRecord): Pick<AIMessageChunkFields, "usage_metadata" | "response_metadata"> {
  const input = numberOf(line.prompt_eval_count) ?? 0;
  const output = numberOf(line.eval_count) ?? 0;
  return {
    usage_metadata: { input_tokens: input, output_tokens: output, total_tokens: input + output },
    response_metadata: compact({
      model_name: stringOf(line.model),
      done_reason: stringOf(line.done_reason),
      total_duration: numberOf(line.total_duration),
      load_duration: numberOf(line.load_duration),
      prompt_eval_duration: numberOf(line.prompt_eval_duration),
      eval_duration: numberOf(line.eval_duration),
    }),
  };
}

/**
 * The content-block events of one line: thinking and content as reasoning and text blocks;
 * each tool call, which Ollama sends whole, as a block that starts, gets its arguments and
 * finishes at once; on the last line the open blocks finish and the counts become usage.
 */
function writeOllamaEvents(
  fields: AIMessageChunkFields,
  thinking: string | undefined,
  writer: StreamEventWriter,
): void {
  writer.start();
  if (thinking !== undefined && thinking !== "") writer.reasoning("reasoning", thinking);
  if (typeof fields.content === "string" && fields.content !== "") writer.text("text", fields.content);
  for (const call of fields.tool_call_chunks ?? []) {
    const key = `tool ${call.index}`;
    writer.open(key, compact({ type: "tool_call_chunk" as const, id: call.id, name: call.name, args: "" }));
    writer.toolArgs(key, call.args ?? "");
    writer.finish(key);
  }
  if (fields.usage_metadata !== undefined) {
    writer.finishAll();
    writer.usage(fields.usage_metadata);
  }
}

/** One line of the stream as a message chunk. */
export function chunkFromOllamaLine(line: JsonRecord, state: OllamaStreamState): AIMessageChunk {
  const message = recordOf(line.message);
  const fields: AIMessageChunkFields = { content: stringOf(message.content) ?? "" };
  const thinking = stringOf(message.thinking);
  if (thinking !== undefined && thinking !== "") fields.additional_kwargs = { reasoning_content: thinking };
  const toolCallChunks = toolCallChunksOf(message, state);
  if (toolCallChunks.length > 0) fields.tool_call_chunks = toolCallChunks;
  if (line.done === true) {
    state.done = true;
    Object.assign(fields, finalFields(line));
  }
  const chunk = new AIMessageChunk(fields);
  const writer = state.writer;
  if (writer === undefined) return chunk;
  writeOllamaEvents(fields, thinking, writer);
  return writer.attach(chunk);
}

/**
 * Decodes an `/api/chat` stream (one JSON object per line) into message chunks: content,
 * thinking (in `additional_kwargs.reasoning_content`), whole tool calls, and on the last line
 * (`done: true`) the token counts and timings. An `{"error": "..."}` line becomes a
 * `ProviderError`; a stream that ends before `done` is truncated. Each chunk carries its
 * content-block events (see `writeOllamaEvents`).
 */
export async function* decodeOllamaStream(
  response: Response,
  options: DecodeStreamOptions = {},
): AsyncGenerator<AIMessageChunk, void, undefined> {
  const state: OllamaStreamState = {
    toolCalls: 0,
    done: false,
    newId: () => `call_${crypto.randomUUID()}`,
    writer: options.writer,
  };
  for await (const line of parseNdjsonStream(responseBody(response, PROVIDER))) {
    if (!isNonArrayObject(line)) continue;
    if (line.error !== undefined) {
      const message = stringOf(line.error) ?? JSON.stringify(line.error);
      throw makeProviderError(`ollama stream error: ${message}`, {
        provider: PROVIDER,
        retryable: false,
        body: line,
      });
    }
    yield chunkFromOllamaLine(line, state);
    if (state.done) return;
  }
  throw truncatedStreamError(PROVIDER, 'the "done" line');
}

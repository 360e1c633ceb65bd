import type { AIMessageFields } from "./ai-message.js";
import { AIMessage } from "./ai-message.js";
import type { FieldPurpose } from "./base-message.js";
import { CHUNK_BRAND } from "./base-message.js";
import { checkToolCallChunks } from "./check-tool-call-chunks.js";
import type { MessageContent } from "./content-block.js";
import { mergeMessageFields } from "./merge-message-fields.js";
import { mergeToolCallChunks } from "./merge-tool-call-chunks.js";
import type { ParsedToolCalls } from "./parse-tool-call-chunks.js";
import { parseToolCallChunks, toolCallsToChunks } from "./parse-tool-call-chunks.js";
import type { InvalidToolCall, ToolCall, ToolCallChunk } from "./tool-call.js";
import { mergeUsageMetadata } from "./usage-metadata.js";

/** Reads the private "built from complete calls" flag; set by the class's static block. */
let builtFromCalls: (chunk: AIMessageChunk) => boolean;
/** Counts a chunk's invalid calls without deriving them; set by the class's static block. */
let invalidCallCount: (chunk: AIMessageChunk) => number;

/** Fields of an {@link AIMessageChunk}: those of an AIMessage plus the raw tool-call fragments. */
export interface AIMessageChunkFields extends AIMessageFields {
  tool_call_chunks?: ToolCallChunk[] | undefined;
}

/**
 * A streamed piece of an {@link AIMessage}. `tool_call_chunks` hold the raw fragments; `concat`
 * merges them (args text joined in order, parallel calls kept apart) without parsing anything.
 * `tool_calls` and `invalid_tool_calls` are derived from the fragments on first read and cached,
 * so folding n chunks costs O(total length), not O(n²). Treat chunks as immutable: changing
 * `tool_call_chunks` after reading `tool_calls` does not refresh them.
 *
 * Args that are still incomplete (a call mid-stream, or a stream cut off) parse to the partial
 * object received so far, as in `@langchain/core`; args with a syntax error anywhere, args that
 * are not a JSON object, and calls without an id go to `invalid_tool_calls` ("Malformed args.").
 *
 * A chunk built from complete `tool_calls` (no fragments) keeps them as given, as
 * `@langchain/core` does: a call without `type` does not gain one, and `concat` with chunks that
 * have no fragments either keeps them as given too. Fragments are derived from them, so merging
 * with streamed fragments still works (the merged chunk then parses all of its fragments).
 *
 * @example
 * const a = new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, id: "c1", name: "f", args: '{"x":' }] });
 * const b = new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: "1}" }] });
 * a.concat(b).tool_calls; // [{ name: "f", args: { x: 1 }, id: "c1", type: "tool_call" }]
 */
export class AIMessageChunk extends AIMessage {
  tool_call_chunks: ToolCallChunk[];
  #parsed: ParsedToolCalls | undefined;
  /** Built from complete tool calls: its fragments were derived from them, never parsed back. */
  #fromCalls = false;

  static {
    // Lets the module's helpers read the flag of any chunk, including one from another package
    // copy (which has no such private field: it counts as built from fragments).
    builtFromCalls = (chunk) => #fromCalls in chunk && chunk.#fromCalls;
    // Not derived yet means none held: a chunk with fragments is already rich, and a text token
    // must not allocate its (empty) call lists just to be told apart from a rich chunk.
    invalidCallCount = (chunk) => {
      const message: AIMessage = chunk; // a chunk from another package copy has no #parsed
      if (!(#parsed in message)) return message.invalid_tool_calls.length;
      return message.#parsed?.invalid_tool_calls.length ?? 0;
    };
  }

  constructor(fields: MessageContent | AIMessageChunkFields) {
    const f: AIMessageChunkFields =
      typeof fields === "string" || Array.isArray(fields) ? { content: fields } : fields;
    // Passing `f` as is: spreading it into a new literal here made construction ~40x slower in V8.
    // AIMessage's own tool-call fields are unused by chunks (the getters below derive them).
    super(f);
    const chunks = f.tool_call_chunks === undefined ? undefined : checkToolCallChunks(f.tool_call_chunks);
    if (chunks !== undefined && (chunks.length > 0 || (f.tool_calls ?? []).length === 0)) {
      this.tool_call_chunks = chunks;
    } else if (f.tool_calls === undefined && f.invalid_tool_calls === undefined) {
      // A text token (most chunks): no calls to keep, so nothing to derive until one is read.
      this.tool_call_chunks = [];
      this.#fromCalls = true;
    } else {
      // Built from complete calls: keep them as given (nothing to parse) and derive fragments so
      // that merging still works.
      const calls = f.tool_calls ?? [];
      this.tool_call_chunks = toolCallsToChunks(calls);
      this.#parsed = { tool_calls: calls, invalid_tool_calls: f.invalid_tool_calls ?? [] };
      this.#fromCalls = true;
    }
  }

  #parse(): ParsedToolCalls {
    // Built from no calls at all: the (empty) calls it was given, made on first read.
    this.#parsed ??= this.#fromCalls
      ? { tool_calls: [], invalid_tool_calls: [] }
      : parseToolCallChunks(this.tool_call_chunks);
    return this.#parsed;
  }

  /** Tool calls parsed from the fragments, computed on first read and cached. */
  override get tool_calls(): ToolCall[] {
    return this.#parse().tool_calls;
  }

  override set tool_calls(value: ToolCall[]) {
    this.#parsed = { tool_calls: value, invalid_tool_calls: this.#parse().invalid_tool_calls };
  }

  /** Fragments whose args are not a JSON object, computed with `tool_calls`. */
  override get invalid_tool_calls(): InvalidToolCall[] {
    return this.#parse().invalid_tool_calls;
  }

  override set invalid_tool_calls(value: InvalidToolCall[]) {
    this.#parsed = { tool_calls: this.#parse().tool_calls, invalid_tool_calls: value };
  }

  override get [CHUNK_BRAND](): boolean {
    return true;
  }

  protected override ownFields(purpose: FieldPurpose): Array<readonly [string, unknown]> {
    // JSON keeps the source of truth only; derived calls are rebuilt when the chunk is read back.
    if (purpose === "json") {
      const calls: Array<readonly [string, unknown]> = this.#fromCalls
        ? [
            ["tool_calls", this.tool_calls],
            ["invalid_tool_calls", this.invalid_tool_calls],
          ]
        : [["tool_call_chunks", this.tool_call_chunks]];
      return [...calls, ["usage_metadata", this.usage_metadata]];
    }
    return [...super.ownFields(purpose), ["tool_call_chunks", this.tool_call_chunks]];
  }

  /**
   * A new chunk holding this one followed by `other`: content and metadata merged, tool-call
   * fragments merged by index (never fusing parallel calls), usage counts added, first id kept.
   */
  concat(other: AIMessageChunk): AIMessageChunk {
    const fields: AIMessageChunkFields = mergeMessageFields(this, other);
    if (holdsCallsOnly(this) && holdsCallsOnly(other)) {
      // Complete calls on both sides (or none): kept as given, as `@langchain/core` keeps them.
      const calls = [...this.tool_calls, ...other.tool_calls];
      const invalid = [...this.invalid_tool_calls, ...other.invalid_tool_calls];
      if (calls.length > 0) fields.tool_calls = calls;
      if (invalid.length > 0) fields.invalid_tool_calls = invalid;
    } else {
      fields.tool_call_chunks = mergeToolCallChunks(this.tool_call_chunks, other.tool_call_chunks);
    }
    const usage = mergeUsageMetadata(this.usage_metadata, other.usage_metadata);
    if (usage !== undefined) fields.usage_metadata = usage;
    return new AIMessageChunk(fields);
  }

  /** True for any AIMessageChunk, even one made by another copy of the package. */
  static override isInstance(value: unknown): value is AIMessageChunk {
    return AIMessage.isInstance(value) && value[CHUNK_BRAND] === true;
  }
}

/**
 * Whether the chunk carries tool-call data: fragments, or invalid calls it was given. Reads no
 * derived field, so asking it of a text token costs nothing (the chat-model fold asks per chunk).
 */
export function hasToolCallData(chunk: AIMessageChunk): boolean {
  return chunk.tool_call_chunks.length > 0 || invalidCallCount(chunk) > 0;
}

/** True when the chunk has no fragments of its own: none at all, or only ones derived from calls. */
function holdsCallsOnly(chunk: AIMessageChunk): boolean {
  return chunk.tool_call_chunks.length === 0 || builtFromCalls(chunk);
}

/**
 * The tool-call fields that rebuild `chunk`'s calls exactly in a new chunk: its complete calls and
 * invalid calls as given when it holds no fragments of its own, else its fragments. Used where a
 * chunk is rebuilt with other content (the chat-model aggregator).
 */
export function toolCallFieldsOf(
  chunk: AIMessageChunk,
): Pick<AIMessageChunkFields, "tool_call_chunks" | "tool_calls" | "invalid_tool_calls"> {
  if (!holdsCallsOnly(chunk)) return { tool_call_chunks: chunk.tool_call_chunks };
  return { tool_calls: chunk.tool_calls, invalid_tool_calls: chunk.invalid_tool_calls };
}

/** Type guard for {@link AIMessageChunk}. */
export function isAIMessageChunk(value: unknown): value is AIMessageChunk {
  return AIMessageChunk.isInstance(value);
}

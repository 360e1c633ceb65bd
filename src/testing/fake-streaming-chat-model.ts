import { InvalidConfigError } from "../errors/input-errors.js";
import { AIMessage } from "../messages/ai-message.js";
import { AIMessageChunk, toolCallFieldsOf } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseChatModel } from "../models/base-chat-model.js";
import type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "../models/chat-model-call-options.js";
import type { BindableTool, BindToolsOptions } from "../models/tool-definition.js";
import type { Runnable } from "../runnables/runnable.js";
import { type FakeTimingOptions, pause } from "./fake-delay.js";
import { checkFakeFields } from "./fake-fields.js";
import { checkToolStyle, type FakeToolStyle, fakeBoundTools } from "./fake-tool-style.js";
import { scriptedResponseChunks } from "./scripted-response-chunks.js";

/** A shallow copy of a scripted chunk (cheaper than `concat`, which merges every field). */
function copyChunk(chunk: AIMessageChunk): AIMessageChunk {
  const copy = new AIMessageChunk({
    content: chunk.content,
    additional_kwargs: chunk.additional_kwargs,
    response_metadata: chunk.response_metadata,
    ...toolCallFieldsOf(chunk),
    usage_metadata: chunk.usage_metadata,
  });
  if (chunk.id !== undefined) copy.id = chunk.id;
  if (chunk.name !== undefined) copy.name = chunk.name;
  return copy;
}

/** Options of `FakeStreamingChatModel`. */
export interface FakeStreamingChatModelFields extends FakeTimingOptions {
  /**
   * The exact chunks to yield on every call (text, tool-call chunks, usage metadata...). Given,
   * even empty, they are the answer (`[]` streams nothing; LangChain's fake echoes then).
   */
  chunks?: AIMessageChunk[] | undefined;
  /**
   * Without `chunks`: whole answers given in turn, cycling (LangChain's fake always gives the
   * first, which an agent loop cannot use), each streamed by character with its tool calls in a
   * last chunk: `[new AIMessage({ content: "", tool_calls: [...] }), new AIMessage("Done")]`
   * scripts one tool round. Without either, the fake echoes the first message's text.
   */
  responses?: BaseMessage[] | undefined;
  /**
   * Without `chunks`: the exact chunks of each call in turn, cycling, for an agent loop whose
   * model replies stream as a provider sends them (tool-call fragments with split arguments,
   * parallel calls interleaved, usage in the last chunk). Takes precedence over `responses`.
   */
  chunkTurns?: AIMessageChunk[][] | undefined;
  /** Fail every call with an `Error` of this message (to test error paths). */
  thrownErrorString?: string | undefined;
  /** How `bindTools` formats the tools it binds (default `"openai"`), as LangChain's fakes. */
  toolStyle?: FakeToolStyle | undefined;
  model?: string | undefined;
  name?: string | undefined;
  /** Reported as `ls_provider`, to mimic a real provider in event tests (default: derived from the name, as for any model). */
  provider?: string | undefined;
  temperature?: number | undefined;
  maxTokens?: number | undefined;
}

/**
 * An offline chat model that yields exactly the chunks it was given: scripted text, tool-call
 * chunks (fragmented arguments, parallel calls) and usage metadata, as a real provider streams
 * them. Each call yields fresh copies, so the scripted chunks are never changed.
 *
 * @example
 * const model = new FakeStreamingChatModel({
 *   chunks: [
 *     new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, id: "call_1", name: "search", args: '{"q":' }] }),
 *     new AIMessageChunk({ content: "", tool_call_chunks: [{ index: 0, args: '"cats"}' }] }),
 *   ],
 * });
 */
export class FakeStreamingChatModel extends BaseChatModel {
  readonly chunks: readonly AIMessageChunk[];
  readonly responses: readonly BaseMessage[];
  readonly chunkTurns: readonly (readonly AIMessageChunk[])[];
  readonly thrownErrorString: string | undefined;
  readonly toolStyle: FakeToolStyle;
  readonly #scriptedChunks: boolean;
  #next = 0;
  readonly timing: FakeTimingOptions;
  readonly provider: string | undefined;

  constructor(fields: FakeStreamingChatModelFields) {
    super({
      model: fields.model,
      name: fields.name,
      temperature: fields.temperature,
      maxTokens: fields.maxTokens,
    });
    checkFakeFields({ sleep: fields.sleep, delay: fields.delay });
    if (fields.chunks !== undefined && !Array.isArray(fields.chunks)) {
      throw new InvalidConfigError(`chunks must be an array of AIMessageChunk, got ${typeof fields.chunks}`);
    }
    if (fields.responses !== undefined && !Array.isArray(fields.responses)) {
      throw new InvalidConfigError(`responses must be an array of messages, got ${typeof fields.responses}`);
    }
    if (fields.chunkTurns !== undefined && !fields.chunkTurns.every((turn) => Array.isArray(turn))) {
      throw new InvalidConfigError(
        "chunkTurns must be an array of arrays of AIMessageChunk, one array per call",
      );
    }
    this.chunks = fields.chunks ?? [];
    this.chunkTurns = fields.chunkTurns ?? [];
    this.#scriptedChunks = fields.chunks !== undefined;
    this.responses = fields.responses ?? [];
    this.thrownErrorString = fields.thrownErrorString;
    this.toolStyle = checkToolStyle(fields.toolStyle);
    this.timing = { sleep: fields.sleep, delay: fields.delay };
    this.provider = fields.provider;
  }

  _llmType(): string {
    return this.provider ?? "fake";
  }

  override getLsParams(options: ChatModelCallOptions = {}): LangSmithParams {
    const params = super.getLsParams(options);
    return this.provider === undefined ? params : { ...params, ls_provider: this.provider };
  }

  /**
   * Binds `tools` to every call in this fake's `toolStyle` (as `@langchain/core`'s fakes do), with
   * the tool choice; the answers stay the scripted ones.
   */
  override bindTools(
    tools: BindableTool[],
    options: BindToolsOptions = {},
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk> {
    return this.withConfig(fakeBoundTools(tools, this.toolStyle, options));
  }

  /** What this call streams: the scripted chunks, else the next turn's, else the next response's, else an echo. */
  #script(messages: BaseMessage[]): readonly AIMessageChunk[] {
    if (this.#scriptedChunks) return this.chunks;
    if (this.chunkTurns.length > 0) return this.chunkTurns[this.#next++ % this.chunkTurns.length] ?? [];
    const response = this.responses[this.#next++ % Math.max(this.responses.length, 1)];
    return scriptedResponseChunks(response ?? new AIMessage(messages[0]?.text ?? ""));
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatModelCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    if (this.thrownErrorString !== undefined) throw new Error(this.thrownErrorString);
    for (const chunk of this.#script(messages)) {
      const waiting = pause(this.timing, options.signal);
      if (waiting !== undefined) await waiting;
      // A fresh copy: the base class may set its id, and callers may keep the scripted chunks.
      yield copyChunk(chunk);
    }
  }
}

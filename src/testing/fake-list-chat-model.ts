import type { BaseCache, Generation } from "../caches/base-cache.js";
import type { RunScope } from "../engine/run-scope.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { BaseChatModel } from "../models/base-chat-model.js";
import type { BaseLanguageModelInput, ChatModelCallOptions } from "../models/chat-model-call-options.js";
import type { JsonRecord } from "../models/json-record.js";
import type { BindableTool, BindToolsOptions } from "../models/tool-definition.js";
import type { Runnable } from "../runnables/runnable.js";
import { type FakeTimingOptions, pause } from "./fake-delay.js";
import { checkFakeFields } from "./fake-fields.js";
import { checkToolStyle, type FakeToolStyle, fakeBoundTools } from "./fake-tool-style.js";

/** How a fake splits a response into chunks: one character each, or words with their leading space. */
export type FakeChunking = "char" | "word";

/** Options of `FakeListChatModel`. */
export interface FakeListChatModelFields extends FakeTimingOptions {
  /** Responses given in turn, cycling back to the first after the last. */
  responses: string[];
  /** "char" (default, as @langchain/core's) or "word" (closer to a real model's tokens). */
  chunking?: FakeChunking | undefined;
  /** Reported as `ls_model_name`. */
  model?: string | undefined;
  name?: string | undefined;
  /** Dispatch a `some_test_event` custom event (`{ someval: true }`) on every call, as LangChain's fake does. */
  emitCustomEvent?: boolean | undefined;
  /** Provider details put on the last chunk's `response_metadata` (e.g. `{ finish_reason: "stop" }`). */
  generationInfo?: Record<string, unknown> | undefined;
  /** Cache answers (see `BaseChatModelFields.cache`). */
  cache?: BaseCache<Generation[]> | boolean | undefined;
  /** How `bindTools` formats the tools it binds (default `"openai"`), as LangChain's fakes. */
  toolStyle?: FakeToolStyle | undefined;
}

/** Call options of `FakeListChatModel`: `thrownErrorString` fails the call with that message. */
export interface FakeListChatModelCallOptions extends ChatModelCallOptions {
  thrownErrorString?: string | undefined;
}

/** Splits text into chunks: characters, or words with the spaces that lead them. */
export function splitText(text: string, chunking: FakeChunking): string[] {
  if (chunking === "char") return [...text];
  return text.match(/\s*\S+|\s+$/g) ?? [text];
}

/**
 * An offline chat model that answers with the given responses in turn, streaming one character
 * per chunk (or one word with `chunking: "word"`), with an optional delay between chunks.
 * Deterministic: for tests, examples and the tour. As `@langchain/core`'s: `emitCustomEvent`,
 * `generationInfo` on the last chunk, the `thrownErrorString` call option, and
 * `withStructuredOutput`, which parses the response text as JSON (streaming partial objects,
 * validated by a Standard Schema), so `responses: ['{"city": "Paris"}']` scripts a structured answer.
 *
 * @example
 * const model = new FakeListChatModel({ responses: ["Hello!"], sleep: 10 });
 * for await (const c of await model.stream("hi")) process.stdout.write(c.text + "|"); // H|e|l|l|o|!|
 */
export class FakeListChatModel extends BaseChatModel<FakeListChatModelCallOptions> {
  readonly responses: string[];
  readonly chunking: FakeChunking;
  readonly timing: FakeTimingOptions;
  readonly emitCustomEvent: boolean;
  readonly generationInfo: Record<string, unknown> | undefined;
  readonly toolStyle: FakeToolStyle;
  #next = 0;

  constructor(fields: FakeListChatModelFields) {
    super({ model: fields.model, name: fields.name, cache: fields.cache });
    this.emitCustomEvent = fields.emitCustomEvent ?? false;
    this.generationInfo = fields.generationInfo;
    this.toolStyle = checkToolStyle(fields.toolStyle);
    checkFakeFields(fields);
    this.responses = fields.responses;
    this.chunking = fields.chunking ?? "char";
    this.timing = { sleep: fields.sleep, delay: fields.delay };
  }

  _llmType(): string {
    return "fake";
  }

  /** The response the next call will give (and advance the cycle). */
  protected nextResponse(): string {
    const response = this.responses[this.#next % this.responses.length] ?? "";
    this.#next++;
    return response;
  }

  override async *_streamChunks(
    _messages: BaseMessage[],
    options: FakeListChatModelCallOptions,
    scope: RunScope,
  ): AsyncIterable<AIMessageChunk> {
    const pieces = splitText(this.nextResponse(), this.chunking);
    if (this.emitCustomEvent) await scope.reportCustomEvent("some_test_event", { someval: true });
    for (const [index, piece] of pieces.entries()) {
      const waiting = pause(this.timing, options.signal);
      if (waiting !== undefined) await waiting;
      if (options.thrownErrorString !== undefined) throw new Error(options.thrownErrorString);
      const last = index === pieces.length - 1;
      const metadata = last && this.generationInfo !== undefined ? { ...this.generationInfo } : undefined;
      yield new AIMessageChunk({ content: piece, response_metadata: metadata });
    }
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

  /** Structured output reads the response text as JSON, as LangChain's fake does. */
  protected override structuredOutputMethod(): "jsonSchema" | "functionCalling" {
    return "jsonSchema";
  }

  /** The responses are the JSON text: the model answers as it is. */
  protected override jsonSchemaOutputModel(
    _schema: JsonRecord,
  ): Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk> {
    return this;
  }
}

import type { RunScope } from "../../engine/run-scope.js";
import { mapStream } from "../../internal/async-streams.js";
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import { AIMessageChunkAggregator } from "../../messages/ai-message-chunk-aggregator.js";
import { BaseChatModel } from "../../models/base-chat-model.js";
import type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "../../models/chat-model-call-options.js";
import type { JsonRecord } from "../../models/json-record.js";
import type { StructuredOutputOptions } from "../../models/structured-output.js";
import {
  type BindableTool,
  type BindToolsOptions,
  type ToolChoice,
  type ToolDefinition,
  toToolDefinition,
} from "../../models/tool-definition.js";
import { resolveCommonAliases } from "../internal/common-provider-options.js";
import type { ProviderChatModelFields } from "./provider-chat-model-fields.js";
import { checkOutputVersion, finishV1Message, toV1Chunk } from "./to-v1-message.js";

// Declared with the chat-model base, which binds tools and builds structured output for every
// model; named here too, where the providers' public entry has always exported them.
export type {
  StructuredOutputRunnable,
  StructuredOutputWithRawRunnable,
} from "../../models/structured-output-pipeline.js";
export type { BindToolsOptions } from "../../models/tool-definition.js";
export type { ProviderChatModelFields } from "./provider-chat-model-fields.js";

/** The chunks of a stream folded into one message (none when the stream is empty). */
async function* wholeMessage(chunks: AsyncIterable<AIMessageChunk>): AsyncGenerator<AIMessageChunk> {
  const message = new AIMessageChunkAggregator();
  for await (const chunk of chunks) message.add(chunk);
  const whole = message.result();
  if (whole !== undefined) yield whole;
}

/** Per-call options of provider chat models: the run config, `stop`, and `tools` / `tool_choice` for this call only (replacing the bound ones). */
export type ProviderCallOptions = ChatModelCallOptions;

/** The tools and tool choice in force for one call. */
export interface CallTools {
  tools: ToolDefinition[];
  toolChoice: ToolChoice | undefined;
}

/**
 * What provider chat models share on top of `BaseChatModel`: their options object (kept so that
 * `bindTools` and `withStructuredOutput` can return configured copies without changing the
 * original), tool binding, structured output, and the tools of a call.
 */
export abstract class ProviderChatModel<
  Fields extends ProviderChatModelFields,
  CallOptions extends ProviderCallOptions = ProviderCallOptions,
> extends BaseChatModel<CallOptions> {
  /** The options this model was built with, aliases resolved (`modelName` is in `model`). */
  readonly fields: Readonly<Fields>;

  constructor(fields: Fields) {
    const resolved = resolveCommonAliases(fields);
    super({
      model: resolved.model,
      temperature: resolved.temperature,
      maxTokens: resolved.maxTokens,
      name: resolved.name,
      callbacks: resolved.callbacks,
      tags: resolved.tags,
      metadata: resolved.metadata,
      verbose: resolved.verbose,
      cache: resolved.cache,
    });
    this.fields = resolved;
    checkOutputVersion(resolved.outputVersion);
  }

  /**
   * Streams the answer, or with `disableStreaming` delivers it as one chunk; with
   * `outputVersion: "v1"` each chunk's content is standard blocks (see `toV1Chunk`).
   */
  override _stream(input: BaseLanguageModelInput, scope: RunScope): AsyncIterable<AIMessageChunk> {
    const chunks = super._stream(input, scope);
    const delivered = this.fields.disableStreaming === true ? wholeMessage(chunks) : chunks;
    return this.fields.outputVersion === "v1" ? mapStream(delivered, toV1Chunk) : delivered;
  }

  /** The folded answer; with `outputVersion: "v1"` its content is the message's standard blocks. */
  override async _invoke(input: BaseLanguageModelInput, scope: RunScope): Promise<AIMessageChunk> {
    const message = await super._invoke(input, scope);
    return this.fields.outputVersion === "v1" ? finishV1Message(message) : message;
  }

  /** The structured-output method used when `withStructuredOutput` is not told. */
  protected abstract readonly defaultStructuredMethod: "jsonSchema" | "functionCalling";

  /** A copy asking for output matching `schema` natively (OpenAI `response_format`, Ollama `format`). */
  protected abstract withJsonSchemaOutput(
    schema: JsonRecord,
    name: string,
    options: StructuredOutputOptions,
  ): this;

  /** A copy of this model with some options changed. */
  withFields(overrides: Partial<Fields>): this {
    const Model = this.constructor as new (fields: Fields) => this;
    return new Model({ ...this.fields, ...overrides });
  }

  /**
   * A copy of this model that sends `tools` with every call. Accepts Rivulet tools (anything with
   * `name`, `description` and `getJsonSchema()`), OpenAI-formatted tools, plain
   * `{ name, description, parameters }` and Anthropic's `{ name, description, input_schema }`.
   *
   * @example
   * const withTools = model.bindTools([weatherTool], { tool_choice: "auto" });
   * const message = await withTools.invoke("Weather in Paris?");
   * message.tool_calls; // [{ name: "weather", args: { city: "Paris" }, id: "call_...", type: "tool_call" }]
   */
  override bindTools(tools: BindableTool[], options: BindToolsOptions = {}): this {
    const toolChoice = options.tool_choice ?? options.toolChoice;
    return this.withFields({ tools: tools.map(toToolDefinition), toolChoice } as Partial<Fields>);
  }

  /** The method used when `withStructuredOutput` is not told: the provider's default. */
  protected override structuredOutputMethod(): "jsonSchema" | "functionCalling" {
    return this.defaultStructuredMethod;
  }

  /** The provider's native structured output (OpenAI `response_format`, Ollama `format`). */
  protected override jsonSchemaOutputModel(
    schema: JsonRecord,
    name: string,
    options: StructuredOutputOptions,
  ): this {
    return this.withJsonSchemaOutput(schema, name, options);
  }

  /** The tools of one call: the call's own when given, else the bound ones. */
  protected callTools(options: CallOptions): CallTools {
    const tools = options.tools ?? this.fields.tools ?? [];
    return {
      tools: tools.map(toToolDefinition),
      toolChoice: options.tool_choice ?? this.fields.toolChoice,
    };
  }

  /** The stop sequences of one call: the call's own when given, else the model's. */
  protected callStop(options: CallOptions): string[] | undefined {
    return options.stop ?? this.fields.stop;
  }

  /**
   * The `ls_*` metadata of this model's runs, as LangChain's providers report it: the provider's
   * identifier (`_llmType()`: `openai`, `anthropic`, `ollama`) rather than one derived from the
   * class name, with the model name, temperature, max tokens and the call's `stop`.
   */
  override getLsParams(options: ChatModelCallOptions = {}): LangSmithParams {
    return { ...super.getLsParams(options), ls_provider: this._llmType() };
  }
}

import { InvalidConfigError, InvalidInputError } from "../../errors/input-errors.js";
import { checkNumberOption } from "../../internal/check-number-option.js";
import { readEnv } from "../../internal/read-env.js";
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { BaseMessage } from "../../messages/base-message.js";
import { contentEventWriter } from "../../models/content-stream/content-events-request.js";
import { ProviderChatModel } from "../base/provider-chat-model.js";
import { compact, type JsonRecord } from "../internal/json-value.js";
import { ProviderTransport } from "../internal/provider-transport.js";
import { readProviderOptions } from "../internal/read-provider-options.js";
import { resolveApiKey } from "../internal/resolve-api-key.js";
import type { ChatAnthropicCallOptions, ChatAnthropicFields } from "./chat-anthropic-fields.js";
import { CHAT_ANTHROPIC_OPTIONS } from "./chat-anthropic-options.js";
import { decodeAnthropicStream } from "./decode-anthropic-stream.js";
import { describeAnthropicError } from "./describe-anthropic-error.js";
import { toAnthropicPrompt } from "./to-anthropic-prompt.js";
import { toAnthropicTool, toAnthropicToolChoice } from "./to-anthropic-tool.js";

const ANTHROPIC_BASE_URL = "https://api.anthropic.com";
const DEFAULT_MODEL = "claude-sonnet-4-5";
const DEFAULT_MAX_TOKENS = 2048;

/** The options as given, `(options)` or `(model, options)`, read into ChatAnthropic's own names, with the defaults. */
function chatAnthropicFields(
  modelOrFields: string | ChatAnthropicFields | undefined,
  fields: ChatAnthropicFields | undefined,
): ChatAnthropicFields {
  const read = readProviderOptions(CHAT_ANTHROPIC_OPTIONS, modelOrFields, fields);
  return { ...read, model: read.model ?? DEFAULT_MODEL, maxTokens: read.maxTokens ?? DEFAULT_MAX_TOKENS };
}

/**
 * The API root: `baseURL` (or `anthropicApiUrl`), else `clientOptions.baseURL`, else
 * `ANTHROPIC_API_URL` or `ANTHROPIC_BASE_URL` (in that order, as `@langchain/anthropic` reads
 * them), else Anthropic's (no trailing slash).
 */
function resolveAnthropicBaseURL(fields: ChatAnthropicFields): string {
  const configured =
    fields.baseURL ??
    fields.clientOptions?.baseURL ??
    readEnv("ANTHROPIC_API_URL") ??
    readEnv("ANTHROPIC_BASE_URL") ??
    ANTHROPIC_BASE_URL;
  return configured.replace(/\/+$/, "");
}

/**
 * Anthropic's Messages API, streamed. Text, `tool_use` blocks (as tool-call fragments, parallel
 * calls kept apart), extended thinking (as `thinking` content blocks with their signature),
 * usage (cache reads and writes included) and the stop reason arrive as `AIMessageChunk`s. The
 * key comes from `apiKey` or `ANTHROPIC_API_KEY`. `withStructuredOutput` uses a forced tool call.
 *
 * @example
 * const model = new ChatAnthropic({ model: "claude-sonnet-4-5", maxTokens: 1024 });
 * const reply = await model.invoke([new SystemMessage("Answer in French."), new HumanMessage("Hello!")]);
 */
export class ChatAnthropic extends ProviderChatModel<ChatAnthropicFields, ChatAnthropicCallOptions> {
  /** The API root requests go to. */
  readonly baseURL: string;
  readonly #apiKey: string;
  readonly #transport: ProviderTransport;
  protected override readonly defaultStructuredMethod = "functionCalling";

  /**
   * Takes `@langchain/anthropic`'s options (aliases included, see `ChatAnthropicFields`), or a
   * model name then options. A key it does not take is an `InvalidConfigError` naming the closest one.
   */
  constructor(modelOrFields?: string | ChatAnthropicFields, maybeFields?: ChatAnthropicFields) {
    super(chatAnthropicFields(modelOrFields, maybeFields));
    const fields = this.fields;
    // Checked when the model is built (a NaN would reach the request as `null`); the API checks the ranges.
    checkNumberOption("topP", fields.topP, "non-negative-number");
    checkNumberOption("topK", fields.topK, "non-negative-integer");
    const streamUsage: unknown = fields.streamUsage;
    if (streamUsage !== undefined && streamUsage !== true) {
      throw new InvalidConfigError(
        'ChatAnthropic always reports usage (usage_metadata): its option "streamUsage" can only be true; leave it out',
      );
    }
    this.baseURL = resolveAnthropicBaseURL(fields);
    this.#apiKey = resolveApiKey(fields.apiKey, "ANTHROPIC_API_KEY", "anthropic");
    this.#transport = new ProviderTransport({
      ...fields,
      headers: { ...fields.clientOptions?.defaultHeaders, ...fields.headers },
      provider: "anthropic",
      describeError: describeAnthropicError,
    });
  }

  _llmType(): string {
    return "anthropic";
  }

  #headers(): Record<string, string> {
    const headers: Record<string, string> = {
      "x-api-key": this.#apiKey,
      "anthropic-version": this.fields.anthropicVersion ?? "2023-06-01",
    };
    if (this.fields.betas !== undefined && this.fields.betas.length > 0) {
      headers["anthropic-beta"] = this.fields.betas.join(",");
    }
    return headers;
  }

  /** The request body a call would send (for inspection and tests). */
  requestBody(messages: readonly BaseMessage[], options: ChatAnthropicCallOptions = {}): JsonRecord {
    const { system, messages: turns } = toAnthropicPrompt(messages);
    const { tools, toolChoice } = this.callTools(options);
    const f = this.fields;
    return compact({
      model: this.model ?? DEFAULT_MODEL,
      max_tokens: this.maxTokens ?? DEFAULT_MAX_TOKENS,
      system,
      messages: turns,
      stream: true,
      temperature: f.temperature,
      top_p: f.topP,
      top_k: f.topK,
      stop_sequences: this.callStop(options),
      thinking: f.thinking,
      tools: tools.length > 0 ? tools.map(toAnthropicTool) : undefined,
      tool_choice:
        tools.length > 0 && toolChoice !== undefined ? toAnthropicToolChoice(toolChoice) : undefined,
      ...f.invocationKwargs,
    });
  }

  /** A call's request parameters without the messages (`handleChatModelStart`'s `invocation_params`). */
  override invocationParams(options: ChatAnthropicCallOptions = {}): JsonRecord {
    const { messages: _messages, system: _system, ...params } = this.requestBody([], options);
    return params;
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatAnthropicCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const request = {
      url: `${this.baseURL}/v1/messages`,
      headers: this.#headers(),
      body: this.requestBody(messages, options),
      responseType: "event-stream" as const,
    };
    const writer = contentEventWriter(options);
    yield* this.#transport.stream(request, options.signal, (response) =>
      decodeAnthropicStream(response, { writer }),
    );
  }

  protected override withJsonSchemaOutput(): this {
    throw new InvalidInputError(
      'ChatAnthropic gives structured output through a forced tool call: use { method: "functionCalling" } (the default)',
    );
  }
}

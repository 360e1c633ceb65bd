import { InvalidConfigError } from "../../errors/input-errors.js";
import { checkNumberOption } from "../../internal/check-number-option.js";
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { BaseMessage } from "../../messages/base-message.js";
import { contentEventWriter } from "../../models/content-stream/content-events-request.js";
import type { StructuredOutputOptions } from "../../models/structured-output.js";
import { ProviderChatModel } from "../base/provider-chat-model.js";
import type { JsonRecord } from "../internal/json-value.js";
import { ProviderTransport } from "../internal/provider-transport.js";
import { readProviderOptions } from "../internal/read-provider-options.js";
import { buildOpenAIBody } from "./build-openai-body.js";
import type { ChatOpenAICallOptions, ChatOpenAIFields } from "./chat-openai-fields.js";
import { CHAT_OPENAI_OPTIONS } from "./chat-openai-options.js";
import { decodeOpenAIStream } from "./decode-openai-stream.js";
import { describeOpenAIError } from "./describe-openai-error.js";
import {
  OPENAI_BASE_URL,
  openAIAuthHeaders,
  resolveOpenAIApiKey,
  resolveOpenAIBaseURL,
} from "./openai-connection.js";

const DEFAULT_MODEL = "gpt-4o-mini";

/** Checks the sampling numbers when the model is built (a NaN would reach the request as `null`); the API checks the ranges. */
function checkOpenAIFields(fields: ChatOpenAIFields): void {
  checkNumberOption("topP", fields.topP, "non-negative-number");
  checkNumberOption("frequencyPenalty", fields.frequencyPenalty, "number");
  checkNumberOption("presencePenalty", fields.presencePenalty, "number");
  checkNumberOption("seed", fields.seed, "integer");
  if (fields.n !== undefined && fields.n !== 1) {
    throw new InvalidConfigError(
      `ChatOpenAI's option "n" can only be 1 (got ${String(fields.n)}): several choices per call are not covered yet; use batch() for several answers`,
    );
  }
}

/** The options as given, `(options)` or `(model, options)`, read into ChatOpenAI's own names, with the default model. */
function chatOpenAIFields(
  modelOrFields: string | ChatOpenAIFields | undefined,
  fields: ChatOpenAIFields | undefined,
): ChatOpenAIFields {
  const read = readProviderOptions(CHAT_OPENAI_OPTIONS, modelOrFields, fields);
  return { ...read, model: read.model ?? DEFAULT_MODEL };
}

/**
 * OpenAI's Chat Completions API, streamed, and any OpenAI-compatible server (vLLM, llama.cpp,
 * LM Studio) through `baseURL`. Text, tool-call fragments (parallel calls kept apart), usage
 * (cached and reasoning tokens) and the finish reason arrive as `AIMessageChunk`s. The key comes
 * from `apiKey` or `OPENAI_API_KEY` (a `MissingApiKeyError` when neither is set and the server is
 * OpenAI's). Failures are `ProviderError`s; see `ProviderTransportOptions` for retries and timeouts.
 *
 * @example
 * const model = new ChatOpenAI({ model: "gpt-4o-mini", temperature: 0 });
 * for await (const chunk of await model.stream("Write a haiku about rivers")) process.stdout.write(chunk.text);
 *
 * const local = new ChatOpenAI({ model: "qwen2.5", baseURL: "http://127.0.0.1:8000/v1" }); // vLLM
 */
export class ChatOpenAI extends ProviderChatModel<ChatOpenAIFields, ChatOpenAICallOptions> {
  /** The API root requests go to. */
  readonly baseURL: string;
  readonly #apiKey: string | undefined;
  readonly #transport: ProviderTransport;
  protected override readonly defaultStructuredMethod = "jsonSchema";

  /**
   * Takes `@langchain/openai`'s options (aliases included, see `ChatOpenAIFields`), or a model
   * name then options. A key it does not take is an `InvalidConfigError` naming the closest one.
   */
  constructor(modelOrFields?: string | ChatOpenAIFields, maybeFields?: ChatOpenAIFields) {
    super(chatOpenAIFields(modelOrFields, maybeFields));
    const fields = this.fields;
    checkOpenAIFields(fields);
    this.baseURL = resolveOpenAIBaseURL(fields);
    // Local compatible servers usually need no key; OpenAI itself always does.
    this.#apiKey = resolveOpenAIApiKey(fields, this.isOfficial);
    this.#transport = new ProviderTransport({
      ...fields,
      headers: { ...fields.configuration?.defaultHeaders, ...fields.headers },
      provider: "openai",
      describeError: describeOpenAIError,
    });
  }

  /** Whether requests go to OpenAI itself rather than a compatible server. */
  get isOfficial(): boolean {
    return this.baseURL === OPENAI_BASE_URL;
  }

  _llmType(): string {
    return "openai";
  }

  #headers(): Record<string, string> {
    return openAIAuthHeaders(this.#apiKey, this.fields);
  }

  /** The request body a call would send (for inspection and tests). */
  requestBody(messages: readonly BaseMessage[], options: ChatOpenAICallOptions = {}): JsonRecord {
    return buildOpenAIBody({
      fields: this.fields,
      model: this.model ?? DEFAULT_MODEL,
      official: this.isOfficial,
      messages,
      options,
      tools: this.callTools(options),
      stop: this.callStop(options),
    });
  }

  /** A call's request parameters without the messages (`handleChatModelStart`'s `invocation_params`). */
  override invocationParams(options: ChatOpenAICallOptions = {}): JsonRecord {
    const { messages: _messages, ...params } = this.requestBody([], options);
    return params;
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatOpenAICallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const request = {
      url: `${this.baseURL}/chat/completions`,
      headers: this.#headers(),
      body: this.requestBody(messages, options),
      responseType: "event-stream" as const,
    };
    const writer = contentEventWriter(options);
    yield* this.#transport.stream(request, options.signal, (response) =>
      decodeOpenAIStream(response, { writer }),
    );
  }

  protected override withJsonSchemaOutput(
    schema: JsonRecord,
    name: string,
    options: StructuredOutputOptions,
  ): this {
    // As in @langchain/openai, `strict` is sent only when asked for: strict mode rejects schemas with
    // optional properties, which many user schemas have.
    const jsonSchema =
      options.strict === undefined ? { name, schema } : { name, schema, strict: options.strict };
    return this.withFields({ responseFormat: { type: "json_schema", json_schema: jsonSchema } });
  }
}

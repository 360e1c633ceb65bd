import { checkNumberOption } from "../../internal/check-number-option.js";
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import type { BaseMessage } from "../../messages/base-message.js";
import { contentEventWriter } from "../../models/content-stream/content-events-request.js";
import { toOpenAITool } from "../../tools/convert-to-openai-tool.js";
import { ProviderChatModel } from "../base/provider-chat-model.js";
import { compact, type JsonRecord } from "../internal/json-value.js";
import { ProviderTransport } from "../internal/provider-transport.js";
import { readProviderOptions } from "../internal/read-provider-options.js";
import type { ChatOllamaCallOptions, ChatOllamaFields } from "./chat-ollama-fields.js";
import { CHAT_OLLAMA_OPTIONS, OLLAMA_MODEL_OPTION_NAMES } from "./chat-ollama-options.js";
import { decodeOllamaStream } from "./decode-ollama-stream.js";
import { describeOllamaError } from "./describe-ollama-error.js";
import { resolveOllamaHost } from "./resolve-ollama-host.js";
import { toOllamaMessages } from "./to-ollama-messages.js";

const DEFAULT_MODEL = "llama3.2";

/** The options as given, `(options)` or `(model, options)`, read into ChatOllama's own names, with the default model. */
function chatOllamaFields(
  modelOrFields: string | ChatOllamaFields | undefined,
  fields: ChatOllamaFields | undefined,
): ChatOllamaFields {
  const read = readProviderOptions(CHAT_OLLAMA_OPTIONS, modelOrFields, fields);
  return { ...read, model: read.model ?? DEFAULT_MODEL };
}

/** The camel-case model options that are set, under Ollama's names. */
function camelCaseModelOptions(fields: ChatOllamaFields): JsonRecord {
  const options: JsonRecord = {};
  for (const [camel, name] of Object.entries(OLLAMA_MODEL_OPTION_NAMES)) {
    const value: unknown = Object.hasOwn(fields, camel) ? Reflect.get(fields, camel) : undefined;
    if (value !== undefined) options[name] = value;
  }
  return options;
}

/** Checks the model options' numbers when the model is built (a NaN would reach the request as `null`). */
function checkOllamaFields(fields: ChatOllamaFields): void {
  checkNumberOption("topP", fields.topP, "non-negative-number");
  checkNumberOption("topK", fields.topK, "non-negative-integer");
  checkNumberOption("numCtx", fields.numCtx, "positive-integer");
  checkNumberOption("seed", fields.seed, "integer");
  checkNumberOption("repeatPenalty", fields.repeatPenalty, "positive-number");
  // Seconds; negative keeps the model loaded, 0 unloads it at once.
  if (typeof fields.keepAlive === "number") checkNumberOption("keepAlive", fields.keepAlive, "number");
}

/**
 * A local model served by Ollama, through its native `/api/chat` streaming endpoint
 * (newline-delimited JSON). Text, thinking (`additional_kwargs.reasoning_content`), tool calls
 * and token counts arrive as `AIMessageChunk`s. No key is needed; the server is `baseUrl`, else
 * `OLLAMA_HOST`, else `http://127.0.0.1:11434`. `withStructuredOutput` uses Ollama's `format`.
 *
 * @example
 * const model = new ChatOllama({ model: "llama3.2", temperature: 0 });
 * for await (const chunk of await model.stream("Why is the sky blue?")) process.stdout.write(chunk.text);
 */
export class ChatOllama extends ProviderChatModel<ChatOllamaFields, ChatOllamaCallOptions> {
  /** The server requests go to. */
  readonly baseUrl: string;
  readonly #transport: ProviderTransport;
  protected override readonly defaultStructuredMethod = "jsonSchema";

  /**
   * Takes `@langchain/ollama`'s options (aliases and camel-case model options included, see
   * `ChatOllamaFields`), or a model name then options. A key it does not take is an
   * `InvalidConfigError` naming the closest one.
   */
  constructor(modelOrFields?: string | ChatOllamaFields, maybeFields?: ChatOllamaFields) {
    super(chatOllamaFields(modelOrFields, maybeFields));
    const fields = this.fields;
    checkOllamaFields(fields);
    this.baseUrl = resolveOllamaHost(fields.baseUrl);
    this.#transport = new ProviderTransport({
      ...fields,
      provider: "ollama",
      describeError: describeOllamaError,
    });
  }

  _llmType(): string {
    return "ollama";
  }

  /** The request body a call would send (for inspection and tests). */
  requestBody(messages: readonly BaseMessage[], options: ChatOllamaCallOptions = {}): JsonRecord {
    const f = this.fields;
    // Ollama has no tool choice: tools are offered, the model decides.
    const { tools } = this.callTools(options);
    return compact({
      model: this.model ?? DEFAULT_MODEL,
      messages: toOllamaMessages(messages),
      stream: true,
      tools: tools.length > 0 ? tools.map(toOpenAITool) : undefined,
      format: f.format,
      think: f.think,
      keep_alive: f.keepAlive,
      options: this.#modelOptions(options),
    });
  }

  /** A call's request parameters without the messages (`handleChatModelStart`'s `invocation_params`). */
  override invocationParams(options: ChatOllamaCallOptions = {}): JsonRecord {
    const { messages: _messages, ...params } = this.requestBody([], options);
    return params;
  }

  #modelOptions(options: ChatOllamaCallOptions): JsonRecord | undefined {
    const f = this.fields;
    const modelOptions = compact({
      temperature: f.temperature,
      num_predict: f.maxTokens,
      top_p: f.topP,
      top_k: f.topK,
      num_ctx: f.numCtx,
      seed: f.seed,
      repeat_penalty: f.repeatPenalty,
      stop: this.callStop(options),
      ...camelCaseModelOptions(f),
      ...f.options,
    });
    return Object.keys(modelOptions).length > 0 ? modelOptions : undefined;
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ChatOllamaCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const request = {
      url: `${this.baseUrl}/api/chat`,
      headers: {},
      body: this.requestBody(messages, options),
      responseType: "ndjson" as const,
    };
    const writer = contentEventWriter(options);
    yield* this.#transport.stream(request, options.signal, (response) =>
      decodeOllamaStream(response, { writer }),
    );
  }

  protected override withJsonSchemaOutput(schema: JsonRecord): this {
    return this.withFields({ format: schema });
  }
}

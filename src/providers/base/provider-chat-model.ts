import type { RunScope } from "../../engine/run-scope.js";
import type { AIMessageChunk } from "../../messages/ai-message-chunk.js";
import { AIMessageChunkAggregator } from "../../messages/ai-message-chunk-aggregator.js";
import { BaseChatModel } from "../../models/base-chat-model.js";
import type {
  BaseLanguageModelInput,
  ChatModelCallOptions,
  LangSmithParams,
} from "../../models/chat-model-call-options.js";
import type { DeepPartial } from "../../parsers/deep-partial.js";
import type { Runnable } from "../../runnables/runnable.js";
import type { InferSchemaOutput, StandardSchemaV1 } from "../../schema/standard-schema.js";
import { resolveCommonAliases } from "../internal/common-provider-options.js";
import {
  IncludeRawOutput,
  type StructuredOutputWithRaw,
  type StructuredOutputWithRawChunk,
} from "./include-raw-output.js";
import type { JsonRecord } from "./json-record.js";
import type { ProviderChatModelFields } from "./provider-chat-model-fields.js";
import {
  jsonTextParser,
  type StructuredOutputOptions,
  type StructuredOutputSchema,
  structuredJsonSchema,
  structuredName,
} from "./structured-output.js";
import { ToolCallOutputParser } from "./tool-call-output-parser.js";
import {
  type BindableTool,
  type ToolChoice,
  type ToolDefinition,
  toToolDefinition,
} from "./tool-definition.js";

export type { ProviderChatModelFields } from "./provider-chat-model-fields.js";

/** The chunks of a stream folded into one message (none when the stream is empty). */
async function* wholeMessage(chunks: AsyncIterable<AIMessageChunk>): AsyncGenerator<AIMessageChunk> {
  const message = new AIMessageChunkAggregator();
  for await (const chunk of chunks) message.add(chunk);
  const whole = message.result();
  if (whole !== undefined) yield whole;
}

/** Per-call options of provider chat models: the run config, `stop`, and tools for this call only. */
export interface ProviderCallOptions extends ChatModelCallOptions {
  /** Tools for this call, replacing the bound ones. */
  tools?: BindableTool[] | undefined;
  /** Which tool the model must call, for this call. */
  tool_choice?: ToolChoice | undefined;
}

/** Options of `bindTools`. */
export interface BindToolsOptions {
  /** Which tool the model must call (`"auto"`, `"none"`, `"required"`/`"any"`, or a tool name). */
  tool_choice?: ToolChoice | undefined;
  /** Same as `tool_choice`, camel-cased. */
  toolChoice?: ToolChoice | undefined;
}

/** The tools and tool choice in force for one call. */
export interface CallTools {
  tools: ToolDefinition[];
  toolChoice: ToolChoice | undefined;
}

/** A runnable returning the structured value; it streams partial values (`DeepPartial<T>`) as they arrive. */
export type StructuredOutputRunnable<T> = Runnable<BaseLanguageModelInput, T, DeepPartial<T>>;

/** What `withStructuredOutput(schema, { includeRaw: true })` returns: `{ raw, parsed }` (see {@link StructuredOutputWithRaw}). */
export type StructuredOutputWithRawRunnable<T> = Runnable<
  BaseLanguageModelInput,
  StructuredOutputWithRaw<T>,
  StructuredOutputWithRawChunk<T>
>;

/** `withStructuredOutput` options asking for the raw message too. */
type WithRawOptions = StructuredOutputOptions & { includeRaw: true };

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
    });
    this.fields = resolved;
  }

  /** Streams the answer, or with `disableStreaming` delivers it as one chunk. */
  override _stream(input: BaseLanguageModelInput, scope: RunScope): AsyncIterable<AIMessageChunk> {
    const chunks = super._stream(input, scope);
    return this.fields.disableStreaming === true ? wholeMessage(chunks) : chunks;
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
  bindTools(tools: BindableTool[], options: BindToolsOptions = {}): this {
    const toolChoice = options.tool_choice ?? options.toolChoice;
    return this.withFields({ tools: tools.map(toToolDefinition), toolChoice } as Partial<Fields>);
  }

  /**
   * A runnable whose output is an object matching `schema`: a Standard Schema (zod 4, Valibot...,
   * whose `validate` checks the final value) or a JSON Schema object. With `"jsonSchema"` the
   * provider constrains the text; with `"functionCalling"` the model is made to call one tool
   * whose arguments are the output. Either way partial objects stream as they grow (typed
   * `DeepPartial<T>`), and the last chunk is the validated value. With `includeRaw: true` the
   * output is `{ raw, parsed }`, `parsed: null` and `parsingError` when parsing failed.
   *
   * @example
   * const extractor = model.withStructuredOutput(z.object({ city: z.string(), days: z.number() }));
   * const { city, days } = await extractor.invoke("Three days in Lisbon, please");
   * for await (const partial of await extractor.stream("Three days in Lisbon")) partial.city; // string | undefined
   */
  withStructuredOutput<S extends StandardSchemaV1>(
    schema: S,
    options: WithRawOptions,
  ): StructuredOutputWithRawRunnable<InferSchemaOutput<S>>;
  withStructuredOutput<S extends StandardSchemaV1>(
    schema: S,
    options?: StructuredOutputOptions,
  ): StructuredOutputRunnable<InferSchemaOutput<S>>;
  withStructuredOutput<T = JsonRecord>(
    schema: JsonRecord,
    options: WithRawOptions,
  ): StructuredOutputWithRawRunnable<T>;
  withStructuredOutput<T = JsonRecord>(
    schema: JsonRecord,
    options?: StructuredOutputOptions,
  ): StructuredOutputRunnable<T>;
  withStructuredOutput(
    schema: StructuredOutputSchema,
    options: StructuredOutputOptions = {},
  ): StructuredOutputRunnable<unknown> | StructuredOutputWithRawRunnable<unknown> {
    const json = structuredJsonSchema(schema);
    const name = structuredName(json, options);
    let model: Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk>;
    let parser: Runnable<AIMessageChunk, unknown, unknown>;
    if ((options.method ?? this.defaultStructuredMethod) === "functionCalling") {
      const tool = {
        name,
        description: options.description ?? "Respond with the requested output",
        parameters: json,
        // The forced tool carries `strict` (a provider without strict tools refuses it loudly).
        ...(options.strict === undefined ? {} : { strict: options.strict }),
      };
      model = this.bindTools([tool], { tool_choice: name });
      parser = new ToolCallOutputParser<unknown>(schema, name);
    } else {
      model = this.withJsonSchemaOutput(json, name, options);
      parser = jsonTextParser(schema);
    }
    if (options.includeRaw === true) return model.pipe(new IncludeRawOutput(parser));
    return model.pipe(parser);
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

import type { BaseLanguageModelParams } from "../../models/base-language-model-params.js";
import type { BindableTool, ToolChoice } from "../../models/tool-definition.js";
import type { ProviderTransportOptions } from "./transport-options.js";

/**
 * Options every provider chat model accepts (each provider adds its own). Besides Rivulet's
 * names it takes the other names LangChain's providers accept for them (`modelName`,
 * `stopSequences`, `max_tokens`, `streaming`); an alias and its option given with different
 * values are an `InvalidConfigError`. The model's `fields` hold the options with the aliases
 * resolved.
 */
export interface ProviderChatModelFields extends ProviderTransportOptions, BaseLanguageModelParams {
  /** The model's name as the provider knows it. */
  model?: string | undefined;
  temperature?: number | undefined;
  /** Upper bound on the tokens generated. */
  maxTokens?: number | undefined;
  /** Run name shown in events (default: the class name). */
  name?: string | undefined;
  /** Stop sequences sent with every call (a call's `stop` option replaces them). */
  stop?: string[] | undefined;
  /** Tools sent with every call (see `bindTools`). */
  tools?: BindableTool[] | undefined;
  /** Which tool the model must call (see `bindTools`). */
  toolChoice?: ToolChoice | undefined;
  /**
   * Deliver each answer as one chunk, as LangChain's `disableStreaming` does: `stream()` yields
   * the whole message once and events show one stream event (the HTTP answer itself still streams).
   */
  disableStreaming?: boolean | undefined;
  /**
   * `"v1"` puts `@langchain/core` 1.x's standard content blocks in each answer's `content` (text,
   * reasoning, tool calls...; `response_metadata.output_version` is `"v1"`), as LangChain's
   * `outputVersion` does; `"v0"` (the default) keeps the provider's own content.
   */
  outputVersion?: "v0" | "v1" | undefined;
  /** Same as `model` (LangChain's older name). */
  modelName?: string | undefined;
  /** Same as `stop` (the name LangChain's OpenAI and Anthropic models use). */
  stopSequences?: string[] | undefined;
  /** Same as `maxTokens` (as Python's LangChain and the HTTP APIs spell it). */
  max_tokens?: number | undefined;
  /** LangChain's switch: `false` is `disableStreaming: true`; `true` changes nothing (Rivulet models always stream). */
  streaming?: boolean | undefined;
}

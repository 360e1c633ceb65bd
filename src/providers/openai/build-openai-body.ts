import type { BaseMessage } from "../../messages/base-message.js";
import { toOpenAITool } from "../../tools/convert-to-openai-tool.js";
import type { CallTools } from "../base/provider-chat-model.js";
import { compact, type JsonRecord } from "../internal/json-value.js";
import type { ChatOpenAICallOptions, ChatOpenAIFields } from "./chat-openai-fields.js";
import { toOpenAIMessages } from "./to-openai-messages.js";
import { toOpenAIToolChoice } from "./to-openai-tool-choice.js";

/** What one request is built from. */
export interface OpenAIRequestInput {
  fields: Readonly<ChatOpenAIFields>;
  model: string;
  /** True for api.openai.com, which wants `max_completion_tokens`; compatible servers know `max_tokens`. */
  official: boolean;
  messages: readonly BaseMessage[];
  options: ChatOpenAICallOptions;
  tools: CallTools;
  stop: string[] | undefined;
}

function toolFields(
  tools: CallTools,
  options: ChatOpenAICallOptions,
  fields: Readonly<ChatOpenAIFields>,
): JsonRecord {
  if (tools.tools.length === 0) return {};
  return compact({
    tools: tools.tools.map(toOpenAITool),
    tool_choice: tools.toolChoice === undefined ? undefined : toOpenAIToolChoice(tools.toolChoice),
    parallel_tool_calls: options.parallel_tool_calls ?? fields.parallelToolCalls,
  });
}

/**
 * The Chat Completions body of one streaming call: model, converted messages, `stream: true`
 * with `stream_options.include_usage`, sampling options, tools and response format, then
 * `modelKwargs` over everything.
 */
export function buildOpenAIBody(input: OpenAIRequestInput): JsonRecord {
  const { fields, options } = input;
  const streamUsage = fields.streamUsage ?? true;
  return compact({
    model: input.model,
    messages: toOpenAIMessages(input.messages),
    stream: true,
    stream_options: streamUsage ? { include_usage: true } : undefined,
    temperature: fields.temperature,
    top_p: fields.topP,
    frequency_penalty: fields.frequencyPenalty,
    presence_penalty: fields.presencePenalty,
    seed: fields.seed,
    [input.official ? "max_completion_tokens" : "max_tokens"]: fields.maxTokens,
    stop: input.stop,
    reasoning_effort: fields.reasoningEffort,
    user: fields.user,
    logit_bias: fields.logitBias,
    service_tier: fields.service_tier,
    verbosity: fields.verbosity,
    prompt_cache_key: fields.promptCacheKey,
    response_format: options.response_format ?? fields.responseFormat,
    ...toolFields(input.tools, options, fields),
    ...fields.modelKwargs,
  });
}

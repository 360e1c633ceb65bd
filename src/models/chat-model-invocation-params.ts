import type { ChatModelSettings } from "./chat-model-settings.js";

/**
 * The base chat model's invocation params: the model name, temperature and max tokens it was
 * given, under the request names (`model`, `temperature`, `max_tokens`).
 */
export function chatModelInvocationParams(settings: ChatModelSettings): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  if (settings.model !== undefined) params.model = settings.model;
  if (settings.temperature !== undefined) params.temperature = settings.temperature;
  if (settings.maxTokens !== undefined) params.max_tokens = settings.maxTokens;
  return params;
}

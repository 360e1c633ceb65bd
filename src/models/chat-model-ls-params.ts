import type { ChatModelCallOptions, LangSmithParams } from "./chat-model-call-options.js";
import type { ChatModelSettings } from "./chat-model-settings.js";
import { lsProviderFromName } from "./ls-provider-from-name.js";

/**
 * The base chat model's `ls_*` metadata for a call, as `@langchain/core`'s base derives it:
 * `ls_provider` from the model's name (`ChatFooBar` gives `FooBar`), `ls_model_type: "chat"`,
 * the call's `stop` as `ls_stop`; plus `ls_model_name`, `ls_temperature` and `ls_max_tokens`
 * when the model was given them.
 */
export function chatModelLsParams(
  name: string,
  settings: ChatModelSettings,
  options: ChatModelCallOptions,
): LangSmithParams {
  const params: LangSmithParams = { ls_provider: lsProviderFromName(name), ls_model_type: "chat" };
  if (settings.model !== undefined) params.ls_model_name = settings.model;
  if (settings.temperature !== undefined) params.ls_temperature = settings.temperature;
  if (settings.maxTokens !== undefined) params.ls_max_tokens = settings.maxTokens;
  if (options.stop !== undefined) params.ls_stop = options.stop;
  return params;
}

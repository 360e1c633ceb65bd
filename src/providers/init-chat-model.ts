import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import type { ChatAnthropicFields } from "./anthropic/chat-anthropic-fields.js";
import type {
  ProviderCallOptions,
  ProviderChatModel,
  ProviderChatModelFields,
} from "./base/provider-chat-model.js";
import {
  inferModelProvider,
  isKnownProvider,
  isOtherLangChainProvider,
  KNOWN_PROVIDERS,
  type KnownProvider,
} from "./infer-model-provider.js";
import type { ChatOllamaFields } from "./ollama/chat-ollama-fields.js";
import type { ChatOpenAIFields } from "./openai/chat-openai-fields.js";

/** Options of {@link initChatModel}: the provider (when the name does not say it) and the model's own options. */
export type InitChatModelFields = { modelProvider?: string | undefined } & ChatOpenAIFields &
  ChatAnthropicFields &
  ChatOllamaFields;

/** What {@link initChatModel} returns: a provider chat model (`ChatOpenAI`, `ChatAnthropic` or `ChatOllama`). */
export type InitializedChatModel = ProviderChatModel<ProviderChatModelFields, ProviderCallOptions>;

type Loader = (fields: InitChatModelFields) => Promise<InitializedChatModel>;

// Dynamic imports: only the chosen provider's code is loaded, and nothing imports a provider statically.
const LOADERS: Readonly<Record<KnownProvider, Loader>> = {
  openai: async (fields) => new (await import("./openai/index.js")).ChatOpenAI(fields),
  anthropic: async (fields) => new (await import("./anthropic/index.js")).ChatAnthropic(fields),
  ollama: async (fields) => new (await import("./ollama/index.js")).ChatOllama(fields),
};

const KNOWN_LIST = KNOWN_PROVIDERS.join(", ");

function unknownProvider(name: string): InvalidInputError {
  const why = isOtherLangChainProvider(name) ? " is not shipped with Rivulet" : " is unknown";
  return new InvalidInputError(`Model provider "${name}"${why}. Known providers: ${KNOWN_LIST}.`);
}

/** Splits `"provider:model"` when the part before the colon names a provider (Ollama tags like `llama3.2:3b` stay whole). */
function splitModel(model: string): { provider: string | undefined; name: string } {
  const colon = model.indexOf(":");
  if (colon <= 0) return { provider: undefined, name: model };
  const prefix = model.slice(0, colon).toLowerCase();
  if (isKnownProvider(prefix) || isOtherLangChainProvider(prefix)) {
    return { provider: prefix, name: model.slice(colon + 1) };
  }
  return { provider: undefined, name: model };
}

/** The provider of a call: the option, else the `provider:` prefix, else the name's well-known prefix. */
function chooseProvider(
  model: string,
  option: string | undefined,
): { provider: KnownProvider; name: string } {
  const { provider: prefixed, name } = splitModel(model);
  const named = (option ?? prefixed)?.toLowerCase();
  if (named !== undefined) {
    if (!isKnownProvider(named)) throw unknownProvider(named);
    return { provider: named, name };
  }
  const inferred = inferModelProvider(name);
  if (inferred === undefined) {
    throw new InvalidInputError(
      `Cannot tell which provider serves "${model}". Pass { modelProvider } or prefix the model ` +
        `("openai:${model}"). Known providers: ${KNOWN_LIST}.`,
    );
  }
  return { provider: inferred, name };
}

/** `initChatModel` options of LangChain's that Rivulet does not take, with what to do instead. */
const UNSUPPORTED_INIT_OPTIONS: Readonly<Record<string, string>> = {
  configurableFields: "configurable models are not covered yet; build one model per configuration",
  configPrefix: "configurable models are not covered yet; build one model per configuration",
};

/**
 * The options passed on to the provider's constructor (which checks every key and alias):
 * LangChain options only `initChatModel` reads are refused, and a `model` option must be the
 * model named in the first argument.
 */
function providerFields(rest: InitChatModelFields, model: string, name: string): InitChatModelFields {
  for (const [key, value] of Object.entries(rest)) {
    const instead = Object.hasOwn(UNSUPPORTED_INIT_OPTIONS, key) ? UNSUPPORTED_INIT_OPTIONS[key] : undefined;
    if (instead !== undefined && value !== undefined) {
      throw new InvalidConfigError(`initChatModel does not take LangChain's option "${key}": ${instead}`);
    }
  }
  if (rest.model !== undefined && rest.model !== name && rest.model !== model) {
    throw new InvalidConfigError(
      `initChatModel was given the model "${model}" and the option "model" with another value: pass the model once`,
    );
  }
  return { ...rest, model: name };
}

/**
 * Builds a chat model from a model name, loading only the provider it needs. The provider is
 * the `modelProvider` option, or a `provider:` prefix (`"anthropic:claude-sonnet-4-5"`), or
 * inferred from well-known names: `gpt-*`, `o1`/`o3`/`o4*`, `chatgpt-*` → openai; `claude*` →
 * anthropic; open-weight families (`llama*`, `mistral*`, `qwen*`, `gemma*`, `phi*`,
 * `deepseek*`, `gpt-oss*`...) → ollama. Other options go to the model's constructor, which
 * checks them as it checks its own: LangChain's aliases (`modelName`, `openAIApiKey`...) are
 * read, and a key the provider does not take is an `InvalidConfigError`.
 *
 * @example
 * const model = await initChatModel("openai:gpt-4o-mini", { temperature: 0 });
 * const local = await initChatModel("llama3.2:3b"); // ChatOllama
 * const vllm = await initChatModel("Qwen/Qwen2.5-7B-Instruct", { modelProvider: "openai", baseURL: "http://127.0.0.1:8000/v1" });
 */
export async function initChatModel(
  model: string,
  fields: InitChatModelFields = {},
): Promise<InitializedChatModel> {
  const { modelProvider, ...rest } = fields;
  const { provider, name } = chooseProvider(model, modelProvider);
  return LOADERS[provider](providerFields(rest, model, name));
}

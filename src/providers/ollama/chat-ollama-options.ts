import { COMMON_OPTION_TABLE, COMMON_UNSUPPORTED } from "../internal/common-provider-options.js";
import type { OptionTable, ProviderOptionSpec } from "../internal/read-provider-options.js";
import type { ChatOllamaFields, OllamaModelOptionFields } from "./chat-ollama-fields.js";

/** Each camel-case model option with the name Ollama gives it in `options`. */
export const OLLAMA_MODEL_OPTION_NAMES: Readonly<Record<keyof OllamaModelOptionFields, string>> = {
  numa: "numa",
  numBatch: "num_batch",
  numGpu: "num_gpu",
  mainGpu: "main_gpu",
  lowVram: "low_vram",
  f16Kv: "f16_kv",
  logitsAll: "logits_all",
  vocabOnly: "vocab_only",
  useMmap: "use_mmap",
  useMlock: "use_mlock",
  embeddingOnly: "embedding_only",
  numThread: "num_thread",
  numKeep: "num_keep",
  tfsZ: "tfs_z",
  typicalP: "typical_p",
  repeatLastN: "repeat_last_n",
  presencePenalty: "presence_penalty",
  frequencyPenalty: "frequency_penalty",
  mirostat: "mirostat",
  mirostatTau: "mirostat_tau",
  mirostatEta: "mirostat_eta",
  penalizeNewline: "penalize_newline",
};

const MODEL_OPTION_RULES: OptionTable<OllamaModelOptionFields> = {
  numa: "option",
  numBatch: "option",
  numGpu: "option",
  mainGpu: "option",
  lowVram: "option",
  f16Kv: "option",
  logitsAll: "option",
  vocabOnly: "option",
  useMmap: "option",
  useMlock: "option",
  embeddingOnly: "option",
  numThread: "option",
  numKeep: "option",
  tfsZ: "option",
  typicalP: "option",
  repeatLastN: "option",
  presencePenalty: "option",
  frequencyPenalty: "option",
  mirostat: "option",
  mirostatTau: "option",
  mirostatEta: "option",
  penalizeNewline: "option",
};

/**
 * What `ChatOllama` takes: Rivulet's options, `@langchain/ollama`'s camel-case model options
 * and its aliases (`numPredict`, `baseURL`, with the common ones), and what to do instead of the
 * `@langchain/ollama` options it does not take.
 */
export const CHAT_OLLAMA_OPTIONS: ProviderOptionSpec<ChatOllamaFields> = {
  owner: "ChatOllama",
  table: {
    ...COMMON_OPTION_TABLE,
    ...MODEL_OPTION_RULES,
    baseUrl: "option",
    topP: "option",
    topK: "option",
    numCtx: "option",
    seed: "option",
    repeatPenalty: "option",
    keepAlive: "option",
    think: "option",
    format: "option",
    options: "option",
    baseURL: { aliasOf: "baseUrl" },
    numPredict: { aliasOf: "maxTokens" },
  },
  unsupported: {
    ...COMMON_UNSUPPORTED,
    checkOrPullModel: "Rivulet does not pull models: run `ollama pull <model>` first",
  },
};

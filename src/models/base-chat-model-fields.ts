import type { BaseLanguageModelParams } from "./base-language-model-params.js";

/** Fields every chat model shares (with `callbacks`, `tags`, `metadata`, `verbose` and `cache`). */
export interface BaseChatModelFields extends BaseLanguageModelParams {
  /** The model's name as the provider knows it (shown as `ls_model_name`). */
  model?: string | undefined;
  /** Sampling temperature: a non-negative finite number (providers may bound it further). */
  temperature?: number | undefined;
  /** Most tokens to generate: a positive integer. */
  maxTokens?: number | undefined;
  name?: string | undefined;
}

/**
 * `@langchain/core`'s name for a chat model's constructor fields, for custom models ported from
 * it (`constructor(fields: MyFields & BaseChatModelParams) { super(fields); }`).
 */
export type BaseChatModelParams = BaseChatModelFields;

import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { ModelRunDefaults } from "./base-language-model-params.js";
import type { LangSmithParams } from "./chat-model-call-options.js";
import { CHAT_MODEL_PRESENTATION } from "./chat-model-presentation.js";
import { tracingCallOptions } from "./tracing-call-options.js";

/** What a chat model's run identity is made of, for one call. */
export interface ChatModelRunIdentityOptions {
  /** The model's name (`getName()`). */
  readonly name: string;
  /** The call's `ls_*` metadata (`getLsParams`). */
  readonly lsParams: LangSmithParams;
  /** The call's config: its call options are traced as `extra.options`. */
  readonly config: RunnableConfig;
  /** The call's invocation params (`invocationParams`), asked for only when `extra` is read. */
  readonly invocationParams: () => Record<string, unknown>;
  /** The model's own metadata, callbacks, tags and verbosity. */
  readonly defaults: ModelRunDefaults;
}

/**
 * The identity of a chat model's run: `ls_*` metadata under the model's own, the chat model
 * presentation, and `extra` (traced options, invocation params, batch size) built on first
 * read, which happens only when the run is observed: a run nobody watches never converts its
 * tools for the handlers' invocation params.
 */
export function chatModelRunIdentity(options: ChatModelRunIdentityOptions): RunIdentity {
  const { config, defaults } = options;
  let extra: Record<string, unknown> | undefined;
  const tracingExtra = () =>
    (extra ??= {
      options: tracingCallOptions(config),
      invocation_params: options.invocationParams(),
      batch_size: 1,
    });
  return {
    name: options.name,
    runType: "chat_model",
    metadata: { ...options.lsParams, ...defaults.metadata },
    get extra() {
      return tracingExtra();
    },
    presentation: CHAT_MODEL_PRESENTATION,
    callbacks: defaults.callbacks,
    tags: defaults.tags,
    verbose: defaults.verbose,
  };
}

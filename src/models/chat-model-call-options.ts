import type { RunnableConfig } from "../config/runnable-config.js";
import type { BindableTool, ToolChoice } from "./tool-definition.js";

/**
 * Per-call options of a chat model, on top of the run config: stop sequences and anything a
 * provider adds (tools, tool choice, response format). Pass them where the config goes:
 * `model.invoke(messages, { stop: ["\n"], signal })`, or bind them with `withConfig`.
 */
export interface ChatModelCallOptions extends RunnableConfig {
  stop?: string[] | undefined;
  /**
   * Tools for this call. `bindTools` on a custom model binds them here (as `{ name,
   * description, parameters }` definitions), so a model reads `options.tools` to offer them.
   */
  tools?: BindableTool[] | undefined;
  /** Which tool the model must call, for this call (`withStructuredOutput` names its tool here). */
  tool_choice?: ToolChoice | undefined;
}

// Declared with the messages (the events layer names it); models import it from here.
export type { BaseLanguageModelInput } from "../messages/base-language-model-input.js";

/** The `ls_*` metadata model runs carry (LangSmith's names), merged over inherited metadata. */
export interface LangSmithParams {
  ls_provider: string;
  /** The model's name as its provider knows it, when the model has one. */
  ls_model_name?: string | undefined;
  ls_model_type: "chat" | "llm";
  ls_temperature?: number | undefined;
  ls_max_tokens?: number | undefined;
  ls_stop?: string[] | undefined;
}

import type { RunType } from "../callbacks/run.js";
import type { RunScope } from "../engine/run-scope.js";
import type { ChatMessagesSource } from "../messages/to-chat-messages.js";
import { Runnable } from "../runnables/runnable.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { promptInputSchema } from "./prompt-input-schema.js";
import {
  assertNoMissing,
  type InputValues,
  mergePartialValues,
  type PartialValues,
  toInputValues,
} from "./prompt-variables.js";

/** Fields shared by every prompt template. */
export interface BasePromptTemplateInput {
  /** The variables the caller must give (partial ones excluded). Inferred from the template when left out. */
  inputVariables?: string[] | undefined;
  /** Values fixed in advance; functions are called at each format. */
  partialVariables?: PartialValues | undefined;
}

/**
 * The base of prompt templates: a Runnable of run type `"prompt"` whose input is a record of
 * variables and whose output is a prompt value (which chat models and completion models both
 * accept). It is not streaming: in a chain it waits for its whole input, then emits
 * `on_prompt_start` and `on_prompt_end` only. A non-object input is accepted when the prompt
 * has exactly one variable.
 */
export abstract class BasePromptTemplate<
  V extends InputValues = InputValues,
  P extends ChatMessagesSource = ChatMessagesSource,
  // What `format` gives: text, except for an image prompt (its image URL and detail).
  F = string,
> extends Runnable<V | string, P> {
  /** The variables the caller must give, in order of first use. */
  readonly inputVariables: string[];
  /** Values fixed in advance with `partial()`. */
  readonly partialVariables: PartialValues;

  constructor(fields: { inputVariables: string[]; partialVariables?: PartialValues | undefined }) {
    super();
    this.inputVariables = fields.inputVariables;
    this.partialVariables = fields.partialVariables ?? {};
  }

  override get runType(): RunType {
    return "prompt";
  }

  /** An object of the variables, each a string, all required (see `promptInputSchema`). */
  override getInputSchema(): RunnableSchema {
    return promptInputSchema({ required: this.inputVariables });
  }

  /** Formats the prompt into its prompt value. */
  abstract formatPromptValue(values: V): Promise<P>;

  /** Formats the prompt into a string (an image prompt: into its image URL and detail). */
  abstract format(values: V): Promise<F>;

  /** A copy with some variables fixed; they leave `inputVariables`. */
  abstract partial(values: PartialValues): Promise<BasePromptTemplate<InputValues, P, F>>;

  /**
   * The values to format with: the partial values with the caller's over them; throws a
   * `PromptInputError` when one of `required` (default: `inputVariables`) has no value.
   */
  async mergePartialAndUserVariables(
    values: InputValues,
    required: readonly string[] = this.inputVariables,
  ): Promise<InputValues> {
    const merged = await mergePartialValues(this.partialVariables, values);
    assertNoMissing(required, merged, values);
    return merged;
  }

  override async _invoke(input: V | string, _scope: RunScope): Promise<P> {
    return this.formatPromptValue(toInputValues(input, this.inputVariables) as V);
  }
}

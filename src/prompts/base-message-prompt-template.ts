import type { RunType } from "../callbacks/run.js";
import type { RunScope } from "../engine/run-scope.js";
import type { BaseMessage } from "../messages/base-message.js";
import { Runnable } from "../runnables/runnable.js";
import type { InputValues } from "./prompt-variables.js";

/**
 * One part of a {@link ChatPromptTemplate} that turns variables into messages: a role template
 * (`HumanMessagePromptTemplate`, ...) gives one message, a `MessagesPlaceholder` gives the list
 * it is passed. It is a Runnable of run type `"prompt"` too, whose output is the messages.
 */
export abstract class BaseMessagePromptTemplate extends Runnable<InputValues, BaseMessage[]> {
  /** The variables this part reads. */
  abstract get inputVariables(): string[];

  /** Variables this part can do without (an optional placeholder's). */
  get optionalVariables(): string[] {
    return [];
  }

  override get runType(): RunType {
    return "prompt";
  }

  /** The messages for these values. */
  abstract formatMessages(values: InputValues): Promise<BaseMessage[]>;

  override async _invoke(input: InputValues, _scope: RunScope): Promise<BaseMessage[]> {
    return this.formatMessages(input);
  }

  /** True for message prompt templates; `instanceof` is enough within one copy of the package. */
  static isInstance(value: unknown): value is BaseMessagePromptTemplate {
    return value instanceof BaseMessagePromptTemplate;
  }
}

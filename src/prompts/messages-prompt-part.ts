import type { BaseMessage } from "../messages/base-message.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import type { InputValues } from "./prompt-variables.js";

/**
 * Anything that formats variables into a list of messages: a `ChatPromptTemplate`, a message
 * template, a `FewShotChatMessagePromptTemplate`. `@langchain/core` recognises such a prompt
 * in `fromMessages` by its `formatMessages` method; so does Rivulet.
 */
export interface MessagesPromptLike {
  readonly inputVariables: string[];
  formatMessages(values: InputValues): Promise<BaseMessage[]>;
}

/** True for a prompt with `inputVariables` and `formatMessages` (see {@link MessagesPromptLike}). */
export function isMessagesPromptLike(value: unknown): value is MessagesPromptLike {
  if (typeof value !== "object" || value === null) return false;
  return (
    typeof Reflect.get(value, "formatMessages") === "function" &&
    Array.isArray(Reflect.get(value, "inputVariables"))
  );
}

/**
 * A prompt that formats into messages, as one part of a chat prompt (a
 * `FewShotChatMessagePromptTemplate` inside `fromMessages`): its messages go where it stands,
 * formatted with the chat prompt's values.
 */
export class MessagesPromptPart extends BaseMessagePromptTemplate {
  readonly prompt: MessagesPromptLike;

  constructor(prompt: MessagesPromptLike) {
    super();
    this.prompt = prompt;
  }

  override get inputVariables(): string[] {
    return this.prompt.inputVariables;
  }

  override formatMessages(values: InputValues): Promise<BaseMessage[]> {
    return this.prompt.formatMessages(values);
  }
}

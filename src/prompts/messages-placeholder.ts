import { PromptInputError } from "../errors/prompt-input-error.js";
import { type BaseMessage, isBaseMessage } from "../messages/base-message.js";
import { type BaseMessageLike, coerceMessageLikeToMessage } from "../messages/coerce-message-like.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import { ownValue } from "./own-values.js";
import { describeInput, type InputValues } from "./prompt-variables.js";

/** Fields of a {@link MessagesPlaceholder}. */
export interface MessagesPlaceholderFields {
  variableName: string;
  /** When true, a missing value gives no messages instead of an error. */
  optional?: boolean | undefined;
}

/**
 * Inserts a list of messages passed at format time (a chat history, an agent's scratchpad).
 * The value must be a list of messages or message-likes (`["human", "hi"]`, `{ role, content }`);
 * a single message is accepted too, as in `@langchain/core`. Anything else, or no value when
 * the placeholder is required, is a `PromptInputError`.
 *
 * @example
 * const prompt = ChatPromptTemplate.fromMessages([
 *   ["system", "You are terse."],
 *   new MessagesPlaceholder("history"),
 *   ["human", "{question}"],
 * ]);
 */
export class MessagesPlaceholder extends BaseMessagePromptTemplate {
  readonly variableName: string;
  readonly optional: boolean;

  constructor(fields: string | MessagesPlaceholderFields) {
    super();
    const f = typeof fields === "string" ? { variableName: fields } : fields;
    this.variableName = f.variableName;
    this.optional = f.optional ?? false;
  }

  override get inputVariables(): string[] {
    return [this.variableName];
  }

  override get optionalVariables(): string[] {
    return this.optional ? [this.variableName] : [];
  }

  override async formatMessages(values: InputValues): Promise<BaseMessage[]> {
    const value = ownValue(values, this.variableName);
    if (value === undefined || value === null) {
      if (this.optional) return [];
      throw new PromptInputError({ missing: [this.variableName], given: Object.keys(values) });
    }
    if (isBaseMessage(value)) return [value];
    if (!Array.isArray(value)) throw this.#wrongValue(values, `got ${describeInput(value)}`);
    return value.map((item: unknown, index) => {
      try {
        return coerceMessageLikeToMessage(item as BaseMessageLike);
      } catch (error) {
        throw this.#wrongValue(values, `item ${index} is not a message`, error);
      }
    });
  }

  #wrongValue(values: InputValues, problem: string, cause?: unknown): PromptInputError {
    const name = this.variableName;
    return new PromptInputError({
      missing: [],
      given: Object.keys(values),
      message:
        `The messages placeholder "${name}" expects a list of messages; ${problem}. ` +
        `Pass { ${name}: [new HumanMessage("..."), ...] } (or ["human", "..."] pairs).`,
      cause,
    });
  }
}

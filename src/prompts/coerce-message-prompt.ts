import { InvalidInputError } from "../errors/input-errors.js";
import { type BaseMessage, isBaseMessage } from "../messages/base-message.js";
import { coerceMessageLikeToMessage, type MessageLikeObject } from "../messages/coerce-message-like.js";
import type { MessageContent } from "../messages/content-block.js";
import { isPlainObject } from "../streams/concat.js";
import { AIMessagePromptTemplate } from "./ai-message-prompt-template.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import { HumanMessagePromptTemplate } from "./human-message-prompt-template.js";
import { MessagesPlaceholder } from "./messages-placeholder.js";
import type { PromptTemplateOptions } from "./prompt-template.js";
import { SystemMessagePromptTemplate } from "./system-message-prompt-template.js";

/** One part of a chat prompt once read: a message template, or a fixed message kept as is. */
export type ChatPromptPart = BaseMessagePromptTemplate | BaseMessage;

/**
 * What `ChatPromptTemplate.fromMessages` accepts for one message: a message template or
 * placeholder, a fixed message, a template string (a human message), a `[role, template]` pair
 * (`system`, `human`/`user`, `ai`/`assistant`, or `placeholder` with `"{name}"`), or a
 * `{ role, content }` object.
 */
export type MessagePromptLike =
  | BaseMessagePromptTemplate
  | BaseMessage
  | string
  | readonly [string, MessageContent]
  | MessageLikeObject;

const ROLES = '"system", "human", "user", "ai", "assistant" or "placeholder"';

/** `["placeholder", "{history}"]` (or `"{{history}}"`): an optional placeholder named `history`. */
function placeholderFrom(template: MessageContent): MessagesPlaceholder {
  const match = typeof template === "string" ? /^\{\{?\s*([^{}\s]+)\s*\}\}?$/.exec(template.trim()) : null;
  const name = match?.[1];
  if (name === undefined) {
    throw new InvalidInputError(
      `A ["placeholder", ...] pair takes the variable in braces, like ["placeholder", "{history}"]; got ${JSON.stringify(template)}.`,
    );
  }
  return new MessagesPlaceholder({ variableName: name, optional: true });
}

function fromRole(role: string, template: MessageContent, options: PromptTemplateOptions): ChatPromptPart {
  if (role === "placeholder") return placeholderFrom(template);
  // Content blocks (images, ...) are not templated: the message is kept as written.
  if (typeof template !== "string") return coerceMessageLikeToMessage([role, template]);
  switch (role) {
    case "system":
      return SystemMessagePromptTemplate.fromTemplate(template, options);
    case "human":
    case "user":
      return HumanMessagePromptTemplate.fromTemplate(template, options);
    case "ai":
    case "assistant":
      return AIMessagePromptTemplate.fromTemplate(template, options);
    default:
      throw new InvalidInputError(`Unknown message role "${role}" in a chat prompt: use ${ROLES}.`);
  }
}

/**
 * Reads one `fromMessages` entry into a chat prompt part. Templates in strings, pairs and
 * `{ role, content }` objects use `options.templateFormat`.
 */
export function coerceMessagePrompt(
  like: MessagePromptLike,
  options: PromptTemplateOptions = {},
): ChatPromptPart {
  if (BaseMessagePromptTemplate.isInstance(like) || isBaseMessage(like)) return like;
  if (typeof like === "string") return HumanMessagePromptTemplate.fromTemplate(like, options);
  if (Array.isArray(like) && like.length === 2 && typeof like[0] === "string") {
    const [role, template] = like as readonly [string, MessageContent];
    return fromRole(role, template, options);
  }
  const object: unknown = like;
  if (isPlainObject(object) && typeof object.role === "string") {
    return fromRole(object.role, object.content as MessageContent, options);
  }
  throw new InvalidInputError(
    "A chat prompt message must be a message, a message template, a MessagesPlaceholder, a template string, " +
      `a [role, template] pair (role ${ROLES}) or a { role, content } object.`,
  );
}

import { InvalidInputError } from "../errors/input-errors.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { type BaseMessage, isBaseMessage } from "../messages/base-message.js";
import { checkMessageContent } from "../messages/check-message-content.js";
import type { MessageRole } from "../messages/coerce-message-like.js";
import { AIMessagePromptTemplate } from "./ai-message-prompt-template.js";
import { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
import { HumanMessagePromptTemplate } from "./human-message-prompt-template.js";
import type { ContentTemplateItem } from "./message-content-template.js";
import { MessagesPlaceholder } from "./messages-placeholder.js";
import { isMessagesPromptLike, type MessagesPromptLike, MessagesPromptPart } from "./messages-prompt-part.js";
import type { PromptTemplateOptions } from "./prompt-template.js";
import { SystemMessagePromptTemplate } from "./system-message-prompt-template.js";

/** One part of a chat prompt once read: a message template, or a fixed message kept as is. */
export type ChatPromptPart = BaseMessagePromptTemplate | BaseMessage;

/** The template of one message's content: a template string, or a list of parts (see `MessageContentTemplate`). */
export type MessageTemplateContent = string | readonly ContentTemplateItem[];

/**
 * A message template written as an object: `{ role, content }` (OpenAI style) or
 * `{ type, content }` (`@langchain/core`'s message fields), with a role of `system`,
 * `human`/`user` or `ai`/`assistant`. Other fields are not part of the template.
 */
export type MessagePromptObject =
  | { role: MessageRole; content: MessageTemplateContent; [field: string]: unknown }
  | { type: MessageRole; content: MessageTemplateContent; [field: string]: unknown };

/**
 * What `ChatPromptTemplate.fromMessages` accepts for one message: a message template or
 * placeholder, a prompt that formats into messages (a `FewShotChatMessagePromptTemplate`), a fixed message, a template string (a human message), a `[role, template]` pair
 * (`system`, `human`/`user`, `ai`/`assistant`, or `placeholder` with `"{name}"`), or a
 * `{ role, content }` or `{ type, content }` object. A template is a string or a list of
 * content parts whose strings are templates (text blocks, `image_url` blocks, other blocks).
 */
export type MessagePromptLike =
  | BaseMessagePromptTemplate
  | MessagesPromptLike
  | BaseMessage
  | string
  | readonly [string, MessageTemplateContent]
  | MessagePromptObject;

const ROLES = '"system", "human", "user", "ai", "assistant" or "placeholder"';

/** `["placeholder", "{history}"]` (or `"{{history}}"`): an optional placeholder named `history`. */
function placeholderFrom(template: unknown): MessagesPlaceholder {
  const match = typeof template === "string" ? /^\{\{?\s*([^{}\s]+)\s*\}\}?$/.exec(template.trim()) : null;
  const name = match?.[1];
  if (name === undefined) {
    throw new InvalidInputError(
      `A ["placeholder", ...] pair takes the variable in braces, like ["placeholder", "{history}"]; got ${JSON.stringify(template)}.`,
    );
  }
  return new MessagesPlaceholder({ variableName: name, optional: true });
}

function fromRole(role: string, template: unknown, options: PromptTemplateOptions): ChatPromptPart {
  if (role === "placeholder") return placeholderFrom(template);
  // The same rule as a message's content, with the same error; the blocks' strings are templates.
  const content: MessageTemplateContent = checkMessageContent(template, `A "${role}" message template's`);
  switch (role) {
    case "system":
      return SystemMessagePromptTemplate.fromTemplate(content, options);
    case "human":
    case "user":
      return HumanMessagePromptTemplate.fromTemplate(content, options);
    case "ai":
    case "assistant":
      return AIMessagePromptTemplate.fromTemplate(content, options);
    default:
      throw new InvalidInputError(`Unknown message role "${role}" in a chat prompt: use ${ROLES}.`);
  }
}

/**
 * Reads one `fromMessages` entry into a chat prompt part. Templates in strings, pairs and
 * `{ role | type, content }` objects use `options.templateFormat`; lists of content parts are
 * templated part by part (see `MessageContentTemplate`).
 */
export function coerceMessagePrompt(
  like: MessagePromptLike,
  options: PromptTemplateOptions = {},
): ChatPromptPart {
  if (BaseMessagePromptTemplate.isInstance(like) || isBaseMessage(like)) return like;
  // A prompt of several messages (a few-shot chat prompt) is recognised by formatMessages.
  if (isMessagesPromptLike(like)) return new MessagesPromptPart(like);
  if (typeof like === "string") return HumanMessagePromptTemplate.fromTemplate(like, options);
  if (Array.isArray(like) && like.length === 2 && typeof like[0] === "string") {
    const [role, template]: readonly unknown[] = like;
    return fromRole(String(role), template, options);
  }
  const object: unknown = like;
  if (isPlainObject(object)) {
    // `role` first, as @langchain/core reads it; `type` is the message-fields spelling.
    const role = typeof object.role === "string" ? object.role : object.type;
    if (typeof role === "string") return fromRole(role, object.content, options);
  }
  throw new InvalidInputError(
    "A chat prompt message must be a message, a message template, a MessagesPlaceholder, a template string, " +
      `a [role, template] pair (role ${ROLES}) or a { role, content } or { type, content } object.`,
  );
}

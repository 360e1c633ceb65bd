// Prompt templates: string and chat prompts, their prompt values, and the template syntaxes.
export { AIMessagePromptTemplate } from "./ai-message-prompt-template.js";
export { BaseExampleSelector, type Example } from "./base-example-selector.js";
export { BaseMessagePromptTemplate } from "./base-message-prompt-template.js";
export {
  BaseMessageStringPromptTemplate,
  type MessagePromptContent,
  type MessageStringPromptTemplateFields,
} from "./base-message-string-prompt-template.js";
export { BasePromptTemplate, type BasePromptTemplateInput } from "./base-prompt-template.js";
export {
  ChatMessagePromptTemplate,
  type ChatMessagePromptTemplateFields,
} from "./chat-message-prompt-template.js";
export {
  type BaseMessagePromptTemplateLike,
  ChatPromptTemplate,
  type ChatPromptTemplateInput,
  type ChatPromptTemplateOptions,
} from "./chat-prompt-template.js";
export { ChatPromptValue } from "./chat-prompt-value.js";
export type {
  ChatPromptPart,
  MessagePromptLike,
  MessagePromptObject,
  MessageTemplateContent,
} from "./coerce-message-prompt.js";
export {
  FewShotChatMessagePromptTemplate,
  type FewShotChatMessagePromptTemplateInput,
} from "./few-shot-chat-message-prompt-template.js";
export type { FewShotExampleSource } from "./few-shot-examples.js";
export { FewShotPromptTemplate, type FewShotPromptTemplateInput } from "./few-shot-prompt-template.js";
export { HumanMessagePromptTemplate } from "./human-message-prompt-template.js";
export { ImagePromptTemplate, type ImagePromptTemplateInput } from "./image-prompt-template.js";
export { type ImageContent, ImagePromptValue } from "./image-prompt-value.js";
export {
  type ContentTemplateItem,
  MessageContentTemplate,
  type MessageContentTemplateInput,
} from "./message-content-template.js";
export { MessagesPlaceholder, type MessagesPlaceholderFields } from "./messages-placeholder.js";
export { isMessagesPromptLike, type MessagesPromptLike, MessagesPromptPart } from "./messages-prompt-part.js";
export { parseFString } from "./parse-f-string.js";
export { parseMustache } from "./parse-mustache.js";
export {
  type PipelinePromptParams,
  PipelinePromptTemplate,
  type PipelinePromptTemplateInput,
} from "./pipeline-prompt-template.js";
export { PromptTemplate, type PromptTemplateInput, type PromptTemplateOptions } from "./prompt-template.js";
export type { InputValues, PartialValues } from "./prompt-variables.js";
export { parseTemplate, renderTemplate, type TemplateFormat } from "./render-template.js";
export { StringPromptValue } from "./string-prompt-value.js";
export { SystemMessagePromptTemplate } from "./system-message-prompt-template.js";
export type { TemplateNode } from "./template-node.js";

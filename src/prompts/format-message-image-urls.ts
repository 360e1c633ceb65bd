import { isPlainObject } from "../internal/is-plain-object.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { ContentBlock } from "../messages/content-block.js";
import { messageFromJSON } from "../messages/message-from-json.js";
import { assertNoMissing, type InputValues } from "./prompt-variables.js";
import { parseTemplate, renderNodesWith, type TemplateFormat, templateVariables } from "./render-template.js";

/** An `image_url` block's `image_url` field (`"..."` or `{ url: "..." }`), or undefined for other blocks. */
function imageUrlField(block: ContentBlock): unknown {
  return block.type === "image_url" && "image_url" in block ? block.image_url : undefined;
}

/** The URL template of an `image_url` block (`"..."` or `{ url: "..." }`), when it has a variable in it. */
function templatedUrl(block: ContentBlock): string | undefined {
  const imageUrl = imageUrlField(block);
  const url = typeof imageUrl === "string" ? imageUrl : isPlainObject(imageUrl) ? imageUrl.url : undefined;
  // Both syntaxes need a brace: data URLs (megabytes of base64) are never parsed.
  return typeof url === "string" && url.includes("{") ? url : undefined;
}

function formatBlock(block: ContentBlock, format: TemplateFormat, values: InputValues): ContentBlock {
  const template = templatedUrl(block);
  if (template === undefined) return block;
  const nodes = parseTemplate(template, format);
  assertNoMissing(templateVariables(nodes), values, values);
  const url = renderNodesWith(nodes, format, values);
  const imageUrl = imageUrlField(block);
  return { ...block, image_url: isPlainObject(imageUrl) ? { ...imageUrl, url } : url };
}

/**
 * A fixed message of a chat prompt as formatted: `@langchain/core` fills in the URLs of its
 * `image_url` blocks (`{ type: "image_url", image_url: "{image}" }`) with the prompt's values and
 * leaves everything else as written (text included). The message given to `fromMessages` is
 * never changed: a message with templated URLs is copied (so formatting twice with different
 * values gives two different messages, where @langchain/core overwrites the template with the
 * first values); any other message is returned as it is.
 */
export function formatMessageImageUrls(
  message: BaseMessage,
  format: TemplateFormat,
  values: InputValues,
): BaseMessage {
  const content = message.content;
  if (typeof content === "string" || !content.some((block) => templatedUrl(block) !== undefined))
    return message;
  return messageFromJSON({
    ...message.toJSON(),
    content: content.map((block) => formatBlock(block, format, values)),
  });
}

import type { BaseMessage } from "../messages/base-message.js";
import type { ImageUrlContentBlock } from "../messages/content-block.js";
import { formatMessage } from "../messages/format-message.js";
import { HumanMessage } from "../messages/human-message.js";
import type { ChatMessagesSource } from "../messages/to-chat-messages.js";

/** An image as a prompt gives it: its URL (a web address or a `data:` URL) and, optionally, the detail to read it at. */
export interface ImageContent {
  url: string;
  detail?: "auto" | "low" | "high";
}

const INSPECT = Symbol.for("nodejs.util.inspect.custom");

/**
 * The output of an {@link ImagePromptTemplate}: one image. A completion model reads
 * `toString()` (the URL); a chat model reads `toChatMessages()`, one human message whose content
 * is the image as an `image_url` block.
 *
 * @example
 * const value = new ImagePromptValue({ url: "https://example.com/cat.png", detail: "low" });
 * value.toString();       // "https://example.com/cat.png"
 * value.toChatMessages(); // [HumanMessage(content=[{ type: "image_url", image_url: { url, detail: "low" } }])]
 */
export class ImagePromptValue implements ChatMessagesSource {
  readonly imageUrl: ImageContent;
  /** Named as in `@langchain/core`, where it is `"image"`. */
  readonly value = "image";

  /** Takes the image, or `{ imageUrl }` as `@langchain/core` also accepts. */
  constructor(fields: ImageContent | { imageUrl: ImageContent }) {
    this.imageUrl = "imageUrl" in fields ? fields.imageUrl : fields;
  }

  /** The image URL. */
  toString(): string {
    return this.imageUrl.url;
  }

  /** The image as one human message, for chat models. */
  toChatMessages(): BaseMessage[] {
    const { url, detail } = this.imageUrl;
    const block: ImageUrlContentBlock = {
      type: "image_url",
      image_url: detail === undefined ? { url } : { url, detail },
    };
    return [new HumanMessage([block])];
  }

  toJSON(): { imageUrl: ImageContent } {
    return { imageUrl: this.imageUrl };
  }

  /** `console.log` shows `ImagePromptValue(imageUrl={...})`. */
  [INSPECT](): string {
    return formatMessage("ImagePromptValue", [["imageUrl", this.imageUrl]]);
  }
}

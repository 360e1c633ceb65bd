import { InvalidInputError } from "../errors/input-errors.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { BaseOutputParser } from "./base-output-parser.js";

// Blocks whose content has no text form: @langchain/core's string parser throws for them too.
const IMAGE_BLOCK_TYPES: ReadonlySet<string> = new Set(["image_url", "image"]);

/**
 * Passes a model's text through: a string as is, a message's text content. Streaming yields
 * each chunk's text as it comes (an empty first token included), and the output is the joined
 * string. The usual last step of a chat chain. A message with an image block (`image_url` or
 * `image`) is an `InvalidInputError`, as `@langchain/core` refuses it: its content is not text.
 *
 * @example
 * const chain = prompt.pipe(model).pipe(new StringOutputParser());
 * for await (const token of await chain.stream({ topic: "parrots" })) process.stdout.write(token);
 */
export class StringOutputParser extends BaseOutputParser<string, string> {
  /** A string. */
  override getOutputSchema(): RunnableSchema {
    return { jsonSchema: { type: "string" } };
  }

  constructor(fields: { name?: string } = {}) {
    super();
    if (fields.name !== undefined) this.name = fields.name;
  }

  /**
   * `StrOutputParser` unless named: the run name `@langchain/core` (and Python) give this
   * parser, so filters and dashboards ported from LangChain match. Subclasses keep their class name.
   */
  override getName(suffix?: string): string {
    if (this.name !== undefined || this.constructor !== StringOutputParser) return super.getName(suffix);
    return suffix ? `StrOutputParser${suffix}` : "StrOutputParser";
  }

  override async parse(text: string): Promise<string> {
    return text;
  }

  protected override messageText(message: BaseMessage): string {
    const content = message.content;
    const image =
      typeof content === "string" ? undefined : content.find((b) => IMAGE_BLOCK_TYPES.has(b.type));
    if (image !== undefined) {
      throw new InvalidInputError(
        `StringOutputParser cannot turn a message with an "${image.type}" block into a string. ` +
          "Drop the parser to keep the message, or read only its text (message.text) in a lambda.",
      );
    }
    return message.text;
  }

  /** The texts as they come: no extra layer per token. */
  protected override parseTextStream(texts: AsyncIterable<string>): AsyncIterable<string> {
    return texts;
  }
}

/** Python LangChain's name for {@link StringOutputParser} (the same class). */
export const StrOutputParser = StringOutputParser;
/** Python LangChain's name for {@link StringOutputParser} (the same class). */
export type StrOutputParser = StringOutputParser;

import { BaseOutputParser } from "./base-output-parser.js";

/**
 * Passes a model's text through: a string as is, a message's text content. Streaming yields
 * each chunk's text as it comes (an empty first token included), and the output is the joined
 * string. The usual last step of a chat chain.
 *
 * @example
 * const chain = prompt.pipe(model).pipe(new StringOutputParser());
 * for await (const token of await chain.stream({ topic: "parrots" })) process.stdout.write(token);
 */
export class StringOutputParser extends BaseOutputParser<string, string> {
  constructor(fields: { name?: string } = {}) {
    super();
    if (fields.name !== undefined) this.name = fields.name;
  }

  override async parse(text: string): Promise<string> {
    return text;
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

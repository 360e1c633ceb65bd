import type { RunType } from "../callbacks/run.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { OutputParserError } from "../errors/output-parser-error.js";
import { mapStream, once } from "../internal/async-streams.js";
import { BaseMessage } from "../messages/base-message.js";
import { Runnable } from "../runnables/runnable.js";

/** What an output parser reads: model text, or a message (its text content), whole or streamed. */
export type OutputParserInput = string | BaseMessage;

/** The result of `safeParse`: the parsed value, or the parser error instead of a throw. */
export type SafeParseResult<T> = { success: true; value: T } | { success: false; error: OutputParserError };

/**
 * The base of every output parser: a Runnable with run type `"parser"` that turns a model's
 * text (a string, or a message's text content) into `T`. It is a transform step: in a chain
 * it reads its input stream chunk by chunk and streams `C` chunks as it goes, so streaming
 * passes through it. Subclasses implement `parse` (whole text) and `parseTextStream` (text
 * chunks in, output chunks out); `invoke` uses the first, `stream` and `transform` the second.
 *
 * @example
 * class UpperParser extends BaseOutputParser<string> {
 *   async parse(text: string) { return text.toUpperCase(); }
 *   protected async *parseTextStream(texts: AsyncIterable<string>) { for await (const t of texts) yield t.toUpperCase(); }
 * }
 */
export abstract class BaseOutputParser<T = unknown, C = T> extends Runnable<OutputParserInput, T, C> {
  override get runType(): RunType {
    return "parser";
  }
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };
  /** @internal */
  override readonly awaitsOnlyChildRuns = true;

  /** Parses a whole text; rejects with an `OutputParserError` carrying the text when it does not fit. */
  abstract parse(text: string): Promise<T>;

  /** Turns a stream of text chunks into output chunks (the streaming side of `parse`). */
  protected abstract parseTextStream(texts: AsyncIterable<string>): AsyncIterable<C>;

  /**
   * Like `parse`, but resolves with `{ success: false, error }` instead of rejecting when the
   * text does not fit. Errors other than `OutputParserError` (bugs) still reject.
   */
  async safeParse(text: string): Promise<SafeParseResult<T>> {
    try {
      return { success: true, value: await this.parse(text) };
    } catch (error) {
      if (OutputParserError.isInstance(error)) return { success: false, error };
      throw error;
    }
  }

  /**
   * The text a parser reads from a message (whole, or one streamed chunk): its text content by
   * default. A parser overrides it to refuse content it cannot read (the string parser refuses images).
   */
  protected messageText(message: BaseMessage): string {
    return message.text;
  }

  /** The text of one input chunk: a string as is, a message's through {@link messageText}. */
  #textOf(input: unknown): string {
    if (typeof input === "string") return input;
    if (BaseMessage.isInstance(input)) return this.messageText(input);
    throw new InvalidInputError(`An output parser expects a string or a message, got ${typeof input}`);
  }

  /** Instructions to put in a prompt so the model writes what this parser reads ("" when none are needed). */
  getFormatInstructions(): string {
    return "";
  }

  override _invoke(input: OutputParserInput, _scope: RunScope): Promise<T> {
    return this.parse(this.#textOf(input));
  }

  override _stream(input: OutputParserInput, _scope: RunScope): AsyncIterable<C> {
    return this.parseTextStream(once(this.#textOf(input)));
  }

  override _transform(input: InputStream<OutputParserInput>, _scope: RunScope): AsyncIterable<C> {
    return this.parseTextStream(mapStream(input.stream, (chunk) => this.#textOf(chunk)));
  }
}

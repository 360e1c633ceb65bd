import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import { InvalidConfigError, InvalidInputError } from "../errors/input-errors.js";
import { once } from "../internal/async-streams.js";
import { jsonEqual } from "../json-patch/json-equal.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { BaseMessage } from "../messages/base-message.js";
import { messageToChunk } from "../messages/message-to-chunk.js";
import { type Aggregator, ConcatAggregator, LastValueAggregator } from "../streams/aggregator.js";
import { BaseOutputParser, type OutputParserInput } from "./base-output-parser.js";

/**
 * What a cumulative parser reads, as `@langchain/core`'s generations: the model's text so far
 * and, when a chat model wrote it, the message so far (streamed chunks joined with `concat`,
 * so its `tool_calls` are the partial calls read so far).
 */
export interface CumulativeGeneration {
  text: string;
  message?: BaseMessage;
}

/** Options of {@link BaseCumulativeTransformOutputParser}. */
export interface BaseCumulativeTransformOutputParserFields {
  /** Stream what `_diff` makes of each new partial result instead of the result itself. */
  diff?: boolean;
  name?: string;
}

/** Joins a chunk to the message read so far: AI chunks with `concat`, as a chat model streams them. */
function joinMessage(sofar: BaseMessage | undefined, next: BaseMessage): BaseMessage {
  if (sofar === undefined) return next;
  const left = AIMessageChunk.isInstance(sofar) ? sofar : asAIChunk(sofar);
  const right = AIMessageChunk.isInstance(next) ? next : asAIChunk(next);
  if (left === undefined || right === undefined) {
    throw new InvalidInputError(
      `A cumulative output parser joins streamed AI message chunks; it was given a "${next.getType()}" message after a "${sofar.getType()}" one. Stream one chat model's output into it.`,
    );
  }
  return left.concat(right);
}

function asAIChunk(message: BaseMessage): AIMessageChunk | undefined {
  const chunk = messageToChunk(message);
  return AIMessageChunk.isInstance(chunk) ? chunk : undefined;
}

/**
 * The base of parsers that re-read everything received so far on every chunk, as
 * `@langchain/core`'s `BaseCumulativeTransformOutputParser`: a subclass implements
 * `parsePartialResult` (the generations so far in, a partial result or `undefined` out) and
 * `parse` (the whole text), and the base streams each partial result that differs (as JSON)
 * from the last one streamed; `undefined` and `null` are skipped. With `diff: true` it streams
 * `_diff(previous, next)` instead, which the subclass then implements. `invoke` calls
 * `parseResult`, which reads `parse(text)` unless overridden (the tool-call parsers read the
 * message). Each chunk costs a parse of the whole output so far, so a stream costs the square
 * of its length; for JSON, `JsonOutputParser` reads each character once.
 *
 * @example
 * class LinesParser extends BaseCumulativeTransformOutputParser<string[]> {
 *   async parse(text: string) { return text.split("\n"); }
 *   async parsePartialResult([generation]: CumulativeGeneration[]) { return generation?.text.split("\n").slice(0, -1); }
 * }
 */
export abstract class BaseCumulativeTransformOutputParser<T = unknown, C = T> extends BaseOutputParser<T, C> {
  readonly diff: boolean;

  constructor(fields: BaseCumulativeTransformOutputParserFields = {}) {
    super();
    this.diff = fields.diff ?? false;
    if (fields.name !== undefined) this.name = fields.name;
  }

  /** The partial result of the output so far (`undefined` when there is none yet). */
  abstract parsePartialResult(generations: CumulativeGeneration[]): Promise<C | undefined | null>;

  /** The whole output's result: `parse` of its text unless a subclass reads the message. */
  async parseResult(generations: CumulativeGeneration[]): Promise<T> {
    return this.parse(generations[0]?.text ?? "");
  }

  /** What `diff: true` streams for a new partial result; subclasses that offer `diff` implement it. */
  protected _diff(_previous: C | undefined, _next: C): C {
    throw new InvalidConfigError(
      `${this.getName()} has no diff mode: construct it without \`diff: true\`, or implement _diff(previous, next).`,
    );
  }

  override createAggregator(): Aggregator<C, T> {
    // Partial results each hold the whole output so far: the last is the output; diffs are joined.
    const aggregator: Aggregator<never, unknown> = this.diff
      ? new ConcatAggregator()
      : new LastValueAggregator();
    return aggregator as Aggregator<C, T>;
  }

  override _invoke(input: OutputParserInput, _scope: RunScope): Promise<T> {
    return this.parseResult([this.#generationOf(input)]);
  }

  override _stream(input: OutputParserInput, _scope: RunScope): AsyncIterable<C> {
    return this.#cumulate(once(input));
  }

  override _transform(input: InputStream<OutputParserInput>, _scope: RunScope): AsyncIterable<C> {
    return this.#cumulate(input.stream);
  }

  protected override parseTextStream(texts: AsyncIterable<string>): AsyncIterable<C> {
    return this.#cumulate(texts);
  }

  #generationOf(input: OutputParserInput): CumulativeGeneration {
    if (typeof input === "string") return { text: input };
    if (BaseMessage.isInstance(input)) return { text: this.messageText(input), message: input };
    throw new InvalidInputError(`An output parser expects a string or a message, got ${typeof input}`);
  }

  async *#cumulate(inputs: AsyncIterable<OutputParserInput>): AsyncGenerator<C> {
    let text = "";
    let message: BaseMessage | undefined;
    let previous: C | undefined;
    for await (const input of inputs) {
      const generation = this.#generationOf(input);
      text += generation.text;
      if (generation.message !== undefined) message = joinMessage(message, generation.message);
      const sofar: CumulativeGeneration = message === undefined ? { text } : { text, message };
      const parsed = await this.parsePartialResult([sofar]);
      if (parsed === undefined || parsed === null || jsonEqual(parsed, previous)) continue;
      yield this.diff ? this._diff(previous, parsed) : parsed;
      previous = parsed;
    }
  }
}

import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { OutputParserError } from "../errors/output-parser-error.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import { Runnable } from "../runnables/runnable.js";

/**
 * The output of `withStructuredOutput(schema, { includeRaw: true })`: the model's whole message
 * and the value parsed from it, or `parsed: null` and the `OutputParserError` that says why it
 * could not be parsed (`@langchain/core` gives `{ raw, parsed: null }` and drops the error).
 */
export type StructuredOutputWithRaw<T> =
  | { raw: AIMessageChunk; parsed: T; parsingError?: never }
  | { raw: AIMessageChunk; parsed: null; parsingError: OutputParserError };

/**
 * What `stream()` yields with `includeRaw: true`, as in LangChain: `{ raw }` once the model's
 * message is whole, then `{ parsed }` (or `{ parsed: null, parsingError }`); they add up to
 * {@link StructuredOutputWithRaw}.
 */
export type StructuredOutputWithRawChunk<T> = Partial<StructuredOutputWithRaw<T>>;

/**
 * The step `includeRaw: true` adds after the model: it takes the model's whole message, runs
 * `parser` on it as a child run, and streams `{ raw }` then `{ parsed }`. A parser failure
 * (an `OutputParserError`: invalid JSON, no tool call, a schema mismatch) becomes
 * `{ parsed: null, parsingError }`; other errors (an abort) still fail the run.
 */
export class IncludeRawOutput<T> extends Runnable<
  AIMessageChunk,
  StructuredOutputWithRaw<T>,
  StructuredOutputWithRawChunk<T>
> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  readonly parser: Runnable<AIMessageChunk, T, unknown>;

  constructor(parser: Runnable<AIMessageChunk, T, unknown>) {
    super();
    this.parser = parser;
  }

  override async *_stream(
    raw: AIMessageChunk,
    scope: RunScope,
  ): AsyncGenerator<StructuredOutputWithRawChunk<T>> {
    yield { raw };
    try {
      yield { parsed: await this.parser.invoke(raw, scope.childConfig()) };
    } catch (error) {
      if (!OutputParserError.isInstance(error)) throw error;
      yield { parsed: null, parsingError: error };
    }
  }
}

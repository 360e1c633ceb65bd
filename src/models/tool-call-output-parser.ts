import type { RunType } from "../callbacks/run.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { InvalidInputError } from "../errors/input-errors.js";
import { OutputParserError } from "../errors/output-parser-error.js";
import { once } from "../internal/async-streams.js";
import { jsonEqual } from "../json-patch/json-equal.js";
import { JsonStreamParser } from "../json-stream/json-stream-parser.js";
import { type AIMessageChunk, isAIMessageChunk } from "../messages/ai-message-chunk.js";
import { AIMessageChunkAggregator } from "../messages/ai-message-chunk-aggregator.js";
import type { ToolCallChunk } from "../messages/tool-call.js";
import type { DeepPartial } from "../parsers/deep-partial.js";
import { Runnable } from "../runnables/runnable.js";
import { type Aggregator, LastValueAggregator } from "../streams/aggregator.js";
import { type StructuredOutputSchema, validateStructuredValue } from "./structured-output.js";

/**
 * The arguments of one forced tool call as they stream: the first fragment naming the tool
 * opens the call, later fragments with its index (or, without an index, its id or none) add to
 * it, and each is fed once to an incremental JSON parser (linear in the arguments' length).
 * Fragments of other calls are skipped.
 */
class ForcedCallArguments {
  readonly #toolName: string;
  readonly #parser = new JsonStreamParser();
  #opened = false;
  #index: number | undefined;
  #id: string | undefined;

  constructor(toolName: string) {
    this.#toolName = toolName;
  }

  /** Reads one fragment; true when the partial arguments changed. */
  push(fragment: ToolCallChunk): boolean {
    if (!this.#opened) {
      if (fragment.name !== this.#toolName) return false;
      this.#opened = true;
      this.#index = fragment.index;
      this.#id = fragment.id;
    } else if (!this.#continues(fragment)) {
      return false;
    }
    return fragment.args !== undefined && fragment.args !== "" && this.#parser.push(fragment.args);
  }

  /** The arguments so far, `undefined` until their `{` arrived. */
  get value(): unknown {
    return this.#parser.value;
  }

  #continues(fragment: ToolCallChunk): boolean {
    if (this.#index !== undefined || fragment.index !== undefined) return fragment.index === this.#index;
    return fragment.id === undefined || fragment.id === this.#id;
  }
}

/** The message chunk of a stream, or an `InvalidInputError` when the step is fed something else. */
function messageChunk(chunk: unknown): AIMessageChunk {
  if (isAIMessageChunk(chunk)) return chunk;
  throw new InvalidInputError(
    `The structured-output tool-call parser reads a chat model's message chunks, got ${typeof chunk}`,
  );
}

/**
 * The structured output of a forced tool call (`withStructuredOutput(schema, { method:
 * "functionCalling" })`, and every Anthropic structured output): the arguments of the call to
 * `toolName`. While streaming it yields the partial arguments each time they changed, `{}`,
 * `{ city: "Lis" }`, `{ city: "Lisbon" }`... (snapshots later chunks never mutate, as
 * `@langchain/core`'s `JsonOutputKeyToolsParser` streams them; its run carries that name); at
 * the end the whole call is read from the aggregated message and validated by a Standard
 * Schema, and the validated value is yielded last when validation changed it. A message without
 * a call to the tool, or arguments the schema rejects, fail with an `OutputParserError`.
 *
 * @example
 * const extract = model.bindTools([trip], { tool_choice: "trip" }).pipe(new ToolCallOutputParser(schema, "trip"));
 * for await (const partial of await extract.stream("Three days in Lisbon")) console.log(partial);
 */
export class ToolCallOutputParser<T> extends Runnable<AIMessageChunk, T, DeepPartial<T>> {
  override readonly shape: RunnableShape = { input: "chunks", output: "chunks" };
  readonly schema: StructuredOutputSchema;
  readonly toolName: string;

  constructor(schema: StructuredOutputSchema, toolName: string) {
    super();
    this.schema = schema;
    this.toolName = toolName;
    this.name = "JsonOutputKeyToolsParser";
  }

  override get runType(): RunType {
    return "parser";
  }

  override createAggregator(): Aggregator<DeepPartial<T>, T> {
    // Chunks are snapshots, each the whole value so far; the last one is the (validated) output.
    const last: Aggregator<unknown, unknown> = new LastValueAggregator<unknown>();
    return last as Aggregator<DeepPartial<T>, T>;
  }

  /** The validated arguments of the call to the tool in a whole message. */
  async parseMessage(message: AIMessageChunk): Promise<T> {
    const call = message.tool_calls.find((candidate) => candidate.name === this.toolName);
    if (call === undefined) {
      const raw = message.tool_call_chunks.map((fragment) => fragment.args ?? "").join("");
      throw new OutputParserError(
        `The model did not call "${this.toolName}" with valid JSON arguments`,
        raw || message.text,
      );
    }
    return validateStructuredValue<T>(this.schema, call.args, JSON.stringify(call.args));
  }

  override _invoke(message: AIMessageChunk): Promise<T> {
    return this.parseMessage(messageChunk(message));
  }

  override _stream(message: AIMessageChunk): AsyncIterable<DeepPartial<T>> {
    return this.#parseStream(once(message));
  }

  override _transform(input: InputStream<AIMessageChunk>): AsyncIterable<DeepPartial<T>> {
    return this.#parseStream(input.stream);
  }

  async *#parseStream(chunks: AsyncIterable<AIMessageChunk>): AsyncGenerator<DeepPartial<T>> {
    const message = new AIMessageChunkAggregator();
    const args = new ForcedCallArguments(this.toolName);
    let last: unknown;
    for await (const chunk of chunks) {
      message.add(messageChunk(chunk));
      for (const fragment of chunk.tool_call_chunks) {
        if (!args.push(fragment)) continue;
        const value = args.value; // a snapshot walk: read once
        if (value === undefined) continue;
        last = value;
        yield value as DeepPartial<T>;
      }
    }
    // The final value is read from the whole message, as `invoke` reads it, so both agree.
    const whole = message.result();
    if (whole === undefined) throw new OutputParserError(`The model did not call "${this.toolName}"`, "");
    const value = await this.parseMessage(whole);
    if (!jsonEqual(value, last)) yield value as DeepPartial<T>;
  }
}

import { InvalidInputError } from "../errors/input-errors.js";
import {
  BaseCumulativeTransformOutputParser,
  type BaseCumulativeTransformOutputParserFields,
  type CumulativeGeneration,
} from "./base-cumulative-transform-output-parser.js";
import { type ParsedToolCall, readToolCalls } from "./read-tool-calls.js";

/** Options of {@link JsonOutputToolsParser}. */
export interface JsonOutputToolsParserFields extends Omit<BaseCumulativeTransformOutputParserFields, "diff"> {
  /** Give each call's `id` too (default false). */
  returnId?: boolean;
}

/**
 * `@langchain/core`'s `JsonOutputToolsParser`: the tool calls of a chat model's message, as
 * `{ type: toolName, args, id? }` (`id` with `returnId: true`). Streaming, it yields the whole
 * list each time it changed, with the arguments as far as they have arrived
 * (`{ q: "ca" }`, then `{ q: "cats" }`; LangChain's partial JSON rules, so `"n": t` reads
 * `n: true`), starting with `[]` while the model writes text first. Reads the message's
 * `tool_calls`, or OpenAI-format `additional_kwargs.tool_calls`; text input is an
 * `InvalidInputError`.
 *
 * @example
 * const chain = model.bindTools([searchTool]).pipe(new JsonOutputToolsParser());
 * for await (const calls of await chain.stream("find cats")) console.log(calls[0]?.args);
 */
export class JsonOutputToolsParser extends BaseCumulativeTransformOutputParser<ParsedToolCall[]> {
  readonly returnId: boolean;

  constructor(fields: JsonOutputToolsParserFields = {}) {
    super(fields);
    this.returnId = fields.returnId ?? false;
  }

  /** Not available: this parser reads a message's tool calls, not text. */
  override async parse(_text: string): Promise<ParsedToolCall[]> {
    throw new InvalidInputError(
      `${this.getName()} reads the tool calls of an AI message, not text: invoke it with an AIMessage.`,
    );
  }

  override async parseResult(generations: CumulativeGeneration[]): Promise<ParsedToolCall[]> {
    return readToolCalls(generations, {
      returnId: this.returnId,
      partial: false,
      parserName: this.getName(),
    });
  }

  override async parsePartialResult(generations: CumulativeGeneration[]): Promise<ParsedToolCall[]> {
    return readToolCalls(generations, { returnId: this.returnId, partial: true, parserName: this.getName() });
  }
}

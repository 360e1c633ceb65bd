import { InvalidInputError } from "../errors/input-errors.js";
import { OutputParserError } from "../errors/output-parser-error.js";
import { isPlainObject } from "../internal/is-plain-object.js";
import { parsePartialJson } from "../json-stream/parse-partial-json.js";
import { AIMessage } from "../messages/ai-message.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { CumulativeGeneration } from "./base-cumulative-transform-output-parser.js";

/**
 * A tool call as `@langchain/core`'s tool-call parsers give it: `type` is the tool's name (their
 * older spelling, kept for compatibility), `args` its arguments, `id` the call id when asked for.
 */
export interface ParsedToolCall {
  type: string;
  args: Record<string, unknown>;
  id?: string;
}

/** How {@link readToolCalls} reads a message. */
export interface ReadToolCallsOptions {
  returnId: boolean;
  /** Arguments may still be streaming: read them as partial JSON. */
  partial: boolean;
  /** The parser's name, for error messages. */
  parserName: string;
}

/** An OpenAI-format call in `additional_kwargs.tool_calls` (from messages that predate `tool_calls`). */
function rawToolCall(raw: unknown, options: ReadToolCallsOptions): ParsedToolCall | undefined {
  if (!isPlainObject(raw) || !isPlainObject(raw.function)) return undefined;
  const name = typeof raw.function.name === "string" ? raw.function.name : "";
  const text = typeof raw.function.arguments === "string" ? raw.function.arguments : "";
  let args: unknown;
  if (options.partial) args = parsePartialJson(text === "" ? "{}" : text);
  else {
    try {
      args = JSON.parse(text);
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new OutputParserError(
        `Function "${name}" arguments:\n\n${text}\n\nare not valid JSON.\nError: ${reason}`,
        text,
      );
    }
  }
  if (!isPlainObject(args)) return undefined;
  const call: ParsedToolCall = { type: name, args };
  if (options.returnId && typeof raw.id === "string") call.id = raw.id;
  return call;
}

function messageOf(generations: CumulativeGeneration[], parserName: string): BaseMessage {
  const message = generations[0]?.message;
  if (message === undefined) {
    throw new InvalidInputError(
      `${parserName} reads the tool calls of an AI message, and was given text. Put it after a chat model (model.bindTools(tools).pipe(parser)), or invoke it with an AIMessage.`,
    );
  }
  return message;
}

/**
 * The tool calls of the message so far, as `@langchain/core`'s `JsonOutputToolsParser` reads
 * them: the message's `tool_calls` (for a streamed chunk, the partial calls its fragments make
 * so far), else OpenAI-format `additional_kwargs.tool_calls`, else none.
 */
export function readToolCalls(
  generations: CumulativeGeneration[],
  options: ReadToolCallsOptions,
): ParsedToolCall[] {
  const message = messageOf(generations, options.parserName);
  if (AIMessage.isInstance(message) && message.tool_calls.length > 0) {
    return message.tool_calls.map((toolCall) => {
      const call: ParsedToolCall = { type: toolCall.name, args: toolCall.args };
      if (options.returnId && toolCall.id !== undefined) call.id = toolCall.id;
      return call;
    });
  }
  const raw = message.additional_kwargs.tool_calls;
  if (!Array.isArray(raw)) return [];
  const calls: ParsedToolCall[] = [];
  for (const item of raw) {
    const call = rawToolCall(item, options);
    if (call !== undefined) calls.push(call);
  }
  return calls;
}

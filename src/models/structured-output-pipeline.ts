import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { DeepPartial } from "../parsers/deep-partial.js";
import type { Runnable } from "../runnables/runnable.js";
import type { BaseLanguageModelInput } from "./chat-model-call-options.js";
import {
  IncludeRawOutput,
  type StructuredOutputWithRaw,
  type StructuredOutputWithRawChunk,
} from "./include-raw-output.js";
import type { JsonRecord } from "./json-record.js";
import {
  jsonTextParser,
  type StructuredOutputOptions,
  type StructuredOutputSchema,
  structuredJsonSchema,
  structuredName,
} from "./structured-output.js";
import { ToolCallOutputParser } from "./tool-call-output-parser.js";
import type { BindableTool, BindToolsOptions } from "./tool-definition.js";

/** `withStructuredOutput` options asking for the raw message too. */
export type WithRawOptions = StructuredOutputOptions & { includeRaw: true };

/** A runnable returning the structured value; it streams partial values (`DeepPartial<T>`) as they arrive. */
export type StructuredOutputRunnable<T> = Runnable<BaseLanguageModelInput, T, DeepPartial<T>>;

/** What `withStructuredOutput(schema, { includeRaw: true })` returns: `{ raw, parsed }` (see {@link StructuredOutputWithRaw}). */
export type StructuredOutputWithRawRunnable<T> = Runnable<
  BaseLanguageModelInput,
  StructuredOutputWithRaw<T>,
  StructuredOutputWithRawChunk<T>
>;

type MessageRunnable = Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk>;

/** What the pipeline needs from a chat model: its tool binding and its native JSON Schema output. */
export interface StructuredOutputModel {
  bindTools(tools: BindableTool[], options?: BindToolsOptions): MessageRunnable;
  /** The method used when the options name none. */
  readonly structuredOutputMethod: "jsonSchema" | "functionCalling";
  /** The model asked for JSON text matching `schema` (the `"jsonSchema"` method). */
  jsonSchemaOutputModel(schema: JsonRecord, name: string, options: StructuredOutputOptions): MessageRunnable;
}

/**
 * `withStructuredOutput`'s runnable for any chat model: with `"functionCalling"` the model is
 * bound to one tool whose arguments are the output and made to call it (`tool_choice` is the
 * tool's name), its arguments parsed as they stream; with `"jsonSchema"` the model's native
 * structured output and its JSON text parsed. A Standard Schema validates the final value.
 * `includeRaw` adds `{ raw, parsed }`.
 */
export function structuredOutputPipeline(
  model: StructuredOutputModel,
  schema: StructuredOutputSchema,
  options: StructuredOutputOptions,
): StructuredOutputRunnable<unknown> | StructuredOutputWithRawRunnable<unknown> {
  const json = structuredJsonSchema(schema);
  const name = structuredName(json, options);
  let answering: MessageRunnable;
  let parser: Runnable<AIMessageChunk, unknown, unknown>;
  if ((options.method ?? model.structuredOutputMethod) === "functionCalling") {
    const tool = {
      name,
      description: options.description ?? "Respond with the requested output",
      parameters: json,
      // The forced tool carries `strict` (a model without strict tools refuses it loudly).
      ...(options.strict === undefined ? {} : { strict: options.strict }),
    };
    answering = model.bindTools([tool], { tool_choice: name });
    parser = new ToolCallOutputParser<unknown>(schema, name);
  } else {
    answering = model.jsonSchemaOutputModel(json, name, options);
    parser = jsonTextParser(schema);
  }
  if (options.includeRaw === true) return answering.pipe(new IncludeRawOutput(parser));
  return answering.pipe(parser);
}

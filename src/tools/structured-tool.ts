import type { RunType } from "../callbacks/run.js";
import { ensureConfig } from "../config/ensure-config.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import { invokeWithRun } from "../engine/invoke-with-run.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import { ToolInputError } from "../errors/tool-input-error.js";
import type { ToolCall } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";
import { Runnable } from "../runnables/runnable.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import { coerceToolInput, isToolCall, type ToolInputShape, toolInputShape } from "./coerce-tool-input.js";
import { isEmptyStringToolInput } from "./dynamic-tool-input.js";
import { splitToolResult, type ToolResponseFormat, toToolMessage } from "./format-tool-output.js";
import { runToolFunction } from "./run-tool-function.js";
import { schemaToJsonSchema, type ToJsonSchemaOptions } from "./schema-to-json-schema.js";
import { ToolCallRun } from "./tool-call-run.js";
import { toolInputSchema } from "./tool-input-schema.js";
import type { JsonSchema } from "./validate-json-schema.js";
import { type ToolSchema, validateToolArgs } from "./validate-tool-args.js";

/**
 * The config a tool's function receives: the run's child config, plus `toolCall` when the tool
 * was invoked with a model's `ToolCall` (`@langchain/core`'s `ToolRunnableConfig`).
 */
export interface ToolRunnableConfig extends RunnableConfig {
  toolCall?: ToolCall | undefined;
}

/** What a tool accepts: its arguments, a bare string (see `StructuredTool`), or a model's tool call. */
export type ToolInput<A> = A | string | ToolCall;

/**
 * What a tool does with input its schema rejects when it was called with a tool call: `true`
 * answers with an error ToolMessage carrying the error's message, a string answers with that
 * text, a function with the text it returns. Unset or `false`: the `ToolInputError` is thrown.
 */
export type HandleValidationError = boolean | string | ((error: ToolInputError) => string);

/** The function's config: with the call under `toolCall` when there is one (a copy: the run's own config is shared). */
function withToolCall(config: RunnableConfig, call: ToolCall | undefined): ToolRunnableConfig {
  if (call === undefined) return config;
  const withCall: ToolRunnableConfig = Object.assign({}, config);
  withCall.toolCall = call;
  return withCall;
}

function typeOf(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "array" : typeof value;
}

/**
 * The base of every tool: a Runnable (run type `"tool"`) with a `name`, a `description` and a
 * `schema` for its arguments, which a model reads to call it. Subclass it and implement
 * `_call(args, config)`, or use `tool()`. A call validates the input against the schema
 * (throwing `ToolInputError`), then runs `_call` with the run's child config as its second
 * argument and as the implicit context, so runnables it calls are nested under the tool's run
 * either way. Input may be the arguments object; a bare string, which fills the schema's only
 * string property (or is the input of a string tool: no schema, or a string schema such as
 * `z.string()`, which also takes the `{ input }` object models send); or a model's `ToolCall`, which
 * makes the result a `ToolMessage` answering that call. An async generator `_call` reports its
 * yields as `"tool_progress"` custom events and returns the output.
 *
 * @example
 * class Weather extends StructuredTool<{ city: string }, string> {
 *   name = "weather";
 *   description = "Current weather in a city";
 *   schema = z.object({ city: z.string() });
 *   async _call({ city }: { city: string }) { return `18°C in ${city}`; }
 * }
 */
export abstract class StructuredTool<A = unknown, O = unknown, P = A> extends Runnable<
  ToolInput<A>,
  O | ToolMessage
> {
  abstract override name: string;
  abstract description: string;
  /** The arguments' schema; none, or a string schema (`z.string()`), means the tool takes one string. */
  schema: ToolSchema | undefined = undefined;
  /** Tells an agent to return this tool's output as the final answer. */
  returnDirect = false;
  /** `"content_and_artifact"`: `_call` returns `[content, artifact]`; only content reaches the model. */
  responseFormat: ToolResponseFormat = "content";
  /** See {@link HandleValidationError}. */
  handleValidationError: HandleValidationError = false;
  /** Log this tool's runs, and the runs under them, with a `ConsoleCallbackHandler`. */
  verbose = false;
  /**
   * The tool's metadata: added to its runs' metadata (events show it) and copied onto the
   * `ToolMessage` answering a tool call, as `@langchain/core` does.
   */
  metadata: Record<string, unknown> | undefined = undefined;
  /**
   * Provider-specific fields for the tool's definition that have no standard field (such as a
   * provider's cache control), carried for providers to read; `@langchain/core` 1.x's `extras`.
   */
  extras: Record<string, unknown> | undefined = undefined;
  #inputShape: { schema: ToolSchema | undefined; shape: ToolInputShape } | undefined;

  override get runType(): RunType {
    return "tool";
  }

  /**
   * @internal A verbose tool's runs carry the flag that adds a console handler; the tool's
   * `metadata` joins its runs' metadata.
   */
  override runIdentity(): RunIdentity {
    const identity = super.runIdentity();
    const metadata = this.metadata;
    const withMetadata =
      metadata === undefined
        ? identity
        : { ...identity, metadata: identity.metadata ? { ...identity.metadata, ...metadata } : metadata };
    return this.verbose ? { ...withMetadata, verbose: true } : withMetadata;
  }

  /**
   * The tool's work, on validated arguments. May return a value, a promise, or be an async
   * generator. `config.toolCall` is the model's call when the tool was invoked with one.
   */
  abstract _call(args: P, config: ToolRunnableConfig): unknown;

  /** Runs the tool; a `ToolCall` input resolves to the `ToolMessage` answering it. */
  override invoke(input: ToolCall, config?: RunnableConfig): Promise<ToolMessage>;
  override invoke(input: A | string, config?: RunnableConfig): Promise<O>;
  override invoke(input: ToolInput<A>, config?: RunnableConfig): Promise<O | ToolMessage>;
  override invoke(input: ToolInput<A>, config?: RunnableConfig): Promise<O | ToolMessage> {
    // A tool call runs with its args as the run's input, so events show `{ input: args }`.
    if (isToolCall(input))
      return invokeWithRun(new ToolCallRun(this, input), input.args, ensureConfig(config));
    return super.invoke(input, config);
  }

  override async _invoke(input: ToolInput<A>, scope: RunScope): Promise<O | ToolMessage> {
    return isToolCall(input)
      ? this._runTool(input.args, scope, input)
      : this._runTool(input, scope, undefined);
  }

  /** The arguments' JSON Schema; validation takes what `invoke` takes (see `toolInputSchema`). */
  override getInputSchema(): RunnableSchema {
    return toolInputSchema(this.schema);
  }

  /** The JSON Schema of the arguments, for models (see `toolToJsonSchema`). */
  getJsonSchema(options?: ToJsonSchemaOptions): JsonSchema {
    return schemaToJsonSchema(this.schema, options);
  }

  /**
   * Implementation hook shared by every call path (use `invoke`): validates `input`, runs
   * `_call`, and shapes the result, as a ToolMessage when `call` is given.
   */
  async _runTool(input: unknown, scope: RunScope, call: ToolCall | undefined): Promise<O | ToolMessage> {
    let args: unknown;
    try {
      args = await this.#parseArgs(input);
    } catch (error) {
      if (call === undefined || !ToolInputError.isInstance(error) || this.handleValidationError === false)
        throw error;
      return this.#validationErrorMessage(error, call);
    }
    const result = await runToolFunction(
      (c) => this._call(args as P, withToolCall(c, call)),
      scope,
      this.name,
    );
    const split = splitToolResult(result, this.responseFormat, this.name);
    if (call === undefined) return split.content as O;
    return toToolMessage(split, { toolCallId: call.id ?? "", toolName: this.name, metadata: this.metadata });
  }

  async #parseArgs(input: unknown): Promise<unknown> {
    const schema = this.schema;
    const shape = (): ToolInputShape => this.#inputShapeOf(schema);
    const raw = coerceToolInput(input, shape);
    if (schema === undefined || shape().stringTool) {
      if (schema === undefined && isEmptyStringToolInput(raw)) return undefined;
      if (typeof raw !== "string") {
        const message = `expected a string or { input: string }, received ${typeOf(raw)}`;
        throw new ToolInputError({ toolName: this.name, issues: [{ path: "(root)", message }], input });
      }
      // A string schema (`z.string().min(3)`) still checks, and may transform, the string.
      if (schema === undefined) return raw;
    }
    const result = await validateToolArgs(schema, raw);
    if (result.success) return result.value;
    throw new ToolInputError({ toolName: this.name, issues: result.issues, input });
  }

  /** How the schema takes input (string tool, or the property a string fills), computed once per schema. */
  #inputShapeOf(schema: ToolSchema | undefined): ToolInputShape {
    if (this.#inputShape === undefined || this.#inputShape.schema !== schema) {
      this.#inputShape = { schema, shape: toolInputShape(schema) };
    }
    return this.#inputShape.shape;
  }

  #validationErrorMessage(error: ToolInputError, call: ToolCall): ToolMessage {
    const handle = this.handleValidationError;
    const content =
      typeof handle === "function" ? handle(error) : typeof handle === "string" ? handle : error.message;
    const metadata = this.metadata === undefined ? {} : { metadata: this.metadata };
    return new ToolMessage({
      content,
      tool_call_id: call.id ?? "",
      name: this.name,
      status: "error",
      ...metadata,
    });
  }
}

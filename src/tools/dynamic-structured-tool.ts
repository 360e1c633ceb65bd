import type { ToolResponseFormat } from "./format-tool-output.js";
import { type HandleValidationError, StructuredTool, type ToolRunnableConfig } from "./structured-tool.js";
import type { ToolSchema } from "./validate-tool-args.js";

/**
 * A tool's function: validated arguments and the run's child config in (with `toolCall` when a
 * model's call invoked the tool); a value, a promise or an async generator out.
 */
export type ToolFunc<P, R> = (args: P, config: ToolRunnableConfig) => R;

/** The fields a tool is built from (everything but the function). */
export interface ToolFields<F extends ToolResponseFormat = ToolResponseFormat> {
  name: string;
  /** What the tool does, for the model. Defaults to the schema's description, else `""`. */
  description?: string | undefined;
  returnDirect?: boolean | undefined;
  responseFormat?: F | undefined;
  handleValidationError?: HandleValidationError | undefined;
  /** Added to the tool's runs' metadata and copied onto the ToolMessage answering a call. */
  metadata?: Record<string, unknown> | undefined;
  /** Provider-specific fields for the tool's definition (see `StructuredTool.extras`). */
  extras?: Record<string, unknown> | undefined;
  /** Log the tool's runs with a `ConsoleCallbackHandler` (`@langchain/core`'s `verbose`). */
  verbose?: boolean | undefined;
}

/** A schema's own `description` (zod's `.describe()`, a JSON Schema's keyword), if it has one. */
function schemaDescription(schema: ToolSchema | undefined): string | undefined {
  const readable = (typeof schema === "object" && schema !== null) || typeof schema === "function";
  const description: unknown = readable ? Reflect.get(schema, "description") : undefined;
  return typeof description === "string" ? description : undefined;
}

/**
 * A tool made from a function and a schema, the class behind `tool()`. Use `tool()` for the
 * inferred types; construct it directly when porting code that does.
 *
 * @example
 * const add = new DynamicStructuredTool({
 *   name: "add", description: "Adds two numbers",
 *   schema: { type: "object", properties: { a: { type: "number" }, b: { type: "number" } }, required: ["a", "b"] },
 *   func: ({ a, b }: { a: number; b: number }) => a + b,
 * });
 */
export class DynamicStructuredTool<A = unknown, O = unknown, P = A> extends StructuredTool<A, O, P> {
  override name: string;
  override description: string;
  readonly func: ToolFunc<P, unknown>;

  constructor(fields: ToolFields & { schema?: ToolSchema | undefined; func: ToolFunc<P, unknown> }) {
    super();
    this.name = fields.name;
    this.description = fields.description ?? schemaDescription(fields.schema) ?? "";
    this.func = fields.func;
    this.schema = fields.schema;
    if (fields.returnDirect !== undefined) this.returnDirect = fields.returnDirect;
    if (fields.responseFormat !== undefined) this.responseFormat = fields.responseFormat;
    if (fields.handleValidationError !== undefined) this.handleValidationError = fields.handleValidationError;
    this.metadata = fields.metadata;
    this.extras = fields.extras;
    if (fields.verbose !== undefined) this.verbose = fields.verbose;
  }

  override _call(args: P, config: ToolRunnableConfig): unknown {
    return this.func(args, config);
  }
}

/**
 * A tool that takes one string (no schema): called with `"text"`, or by a model with
 * `{ input: "text" }`. `@langchain/core`'s `DynamicTool`. Called with no input or `{}` (a model
 * sending empty arguments), its function gets `undefined`, as in `@langchain/core` (the
 * parameter stays typed `string` there and here, so ported functions compile unchanged).
 *
 * @example
 * const shout = new DynamicTool({ name: "shout", description: "Upper-cases text", func: (s) => s.toUpperCase() });
 */
export class DynamicTool<O = unknown> extends DynamicStructuredTool<string, O, string> {
  constructor(fields: ToolFields & { func: ToolFunc<string, unknown> }) {
    super({ ...fields, schema: undefined });
  }
}

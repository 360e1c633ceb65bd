import type { Runnable } from "../runnables/runnable.js";
import type { InferSchemaOutput, StandardSchemaV1 } from "../schema/standard-schema.js";
import { DynamicStructuredTool } from "./dynamic-structured-tool.js";
import type { InferSchemaInput } from "./tool.js";
import type { JsonSchema } from "./validate-json-schema.js";

const RUNNABLE_TOOL_LIKE = Symbol.for("rivulet.RunnableToolLike");

/** The schemas `asTool` takes for a runnable with input `I`: a Standard Schema whose output is `I`, or a JSON Schema. */
export type AsToolSchema<I> = StandardSchemaV1<unknown, I> | JsonSchema;

/** The fields of `runnable.asTool(...)`. */
export interface AsToolFields<S> {
  /** The tool's name (default: the runnable's name). */
  name?: string | undefined;
  /** What the tool does, for the model (default: the schema's description, else `""`). */
  description?: string | undefined;
  /** The arguments' schema; its output is what the runnable is invoked with. */
  schema: S;
  /** Added to the tool's runs' metadata and copied onto the ToolMessage answering a call. */
  metadata?: Record<string, unknown> | undefined;
  /** Provider-specific fields for the tool's definition (see `StructuredTool.extras`). */
  extras?: Record<string, unknown> | undefined;
}

/** The tool `asTool` builds: typed from a Standard Schema's input and output, or from the runnable's input for a JSON Schema. */
export type AsToolResult<S, I, O> = S extends StandardSchemaV1
  ? RunnableToolLike<InferSchemaInput<S>, O, InferSchemaOutput<S>>
  : RunnableToolLike<I, O, I>;

/**
 * A tool made from a runnable (`runnable.asTool(...)`): its function invokes the runnable with
 * the validated arguments and the tool run's config, so the runnable's run is a child of the
 * tool's run. `@langchain/core` has the same name for the same role, but reports it as a chain
 * run with a `<name>:parse_input` step and returns the bare output for a tool call; this one is
 * a real tool: a tool run, and a `ToolMessage` for a model's `ToolCall`.
 *
 * @example
 * const summarize = chain.asTool({ name: "summarize", schema: z.object({ text: z.string() }) });
 * await summarize.invoke({ text: "..." }); // the chain's output
 */
export class RunnableToolLike<A = unknown, O = unknown, P = A> extends DynamicStructuredTool<A, O, P> {
  readonly [RUNNABLE_TOOL_LIKE] = true;
  /** The runnable the tool invokes. */
  readonly bound: Runnable<P, O, unknown>;

  constructor(fields: AsToolFields<AsToolSchema<P>> & { bound: Runnable<P, O, unknown> }) {
    const bound = fields.bound;
    super({
      name: fields.name ?? bound.getName(),
      description: fields.description,
      schema: fields.schema,
      metadata: fields.metadata,
      extras: fields.extras,
      func: (args: P, config) => bound.invoke(args, config),
    });
    this.bound = bound;
  }
}

/** True for a tool made by `asTool`, even from another copy of the package (`@langchain/core`'s helper of the same name). */
export function isRunnableToolLike(value: unknown): value is RunnableToolLike {
  return typeof value === "object" && value !== null && Reflect.get(value, RUNNABLE_TOOL_LIKE) === true;
}

import type { InferSchemaOutput, StandardSchemaV1 } from "../schema/standard-schema.js";
import {
  DynamicStructuredTool,
  DynamicTool,
  type ToolFields,
  type ToolFunc,
} from "./dynamic-structured-tool.js";
import type { ToolResponseFormat } from "./format-tool-output.js";
import type { JsonSchema } from "./validate-json-schema.js";
import type { ToolSchema } from "./validate-tool-args.js";

/** The input type of a Standard Schema (what callers may pass before defaults and transforms). */
export type InferSchemaInput<S extends StandardSchemaV1> = NonNullable<S["~standard"]["types"]>["input"];

/** What a function returning `R` produces: a generator's `return` value, or the awaited value. */
type Returned<R> =
  R extends AsyncGenerator<unknown, infer T, unknown>
    ? T
    : R extends Generator<unknown, infer T, unknown>
      ? T
      : Awaited<R>;

/**
 * A tool's output type for a function returning `R`: its result, or with `"content_and_artifact"`
 * the content half of `[content, artifact]` (annotate the return as a tuple to keep it typed).
 */
export type ToolOutputOf<R, F extends ToolResponseFormat> = F extends "content_and_artifact"
  ? Returned<R> extends readonly [infer C, unknown]
    ? C
    : unknown
  : Returned<R>;

/**
 * Makes a tool from a function. With a zod 4 (or any Standard Schema) `schema`, the function
 * gets the validated, typed arguments; with a JSON Schema object, annotate the argument type;
 * with no schema, the tool takes one string (`DynamicTool`). A string schema (`z.string()`,
 * `{ type: "string" }`) also makes a string tool: models see `{ input: string }`, a call's
 * `{ input }` (or a plain string) is unwrapped and validated by the schema, and the function gets
 * the string. The function's second argument is the run's child config: pass it on explicitly
 * or not, nested runnables are children of the tool's run either way. An `async function*` (or
 * a `function*`) reports each yield as a `"tool_progress"` custom event (`{ tool, progress }`),
 * which LangChain-style handlers get as `handleToolEvent(chunk, runId, parentRunId, tags)`, and
 * returns the output.
 *
 * @example
 * const getWeather = tool(async ({ city }) => `18°C in ${city}`, {
 *   name: "get_weather",
 *   description: "Current weather in a city",
 *   schema: z.object({ city: z.string() }),
 * });
 * await getWeather.invoke({ city: "Paris" }); // "18°C in Paris"
 * await getWeather.invoke("Paris"); // same: the only string property
 * await getWeather.invoke({ name: "get_weather", args: { city: "Paris" }, id: "c1", type: "tool_call" }); // ToolMessage
 */
export function tool<S extends StandardSchemaV1, R, F extends ToolResponseFormat = "content">(
  fn: ToolFunc<InferSchemaOutput<S>, R>,
  fields: ToolFields<F> & { schema: S },
): DynamicStructuredTool<InferSchemaInput<S>, ToolOutputOf<R, F>, InferSchemaOutput<S>>;
export function tool<R, F extends ToolResponseFormat = "content">(
  fn: ToolFunc<string, R>,
  fields: ToolFields<F> & { schema: JsonSchema & { type: "string" } },
): DynamicStructuredTool<string, ToolOutputOf<R, F>, string>;
export function tool<A extends Record<string, unknown>, R, F extends ToolResponseFormat = "content">(
  fn: ToolFunc<A, R>,
  fields: ToolFields<F> & { schema: JsonSchema },
): DynamicStructuredTool<A, ToolOutputOf<R, F>, A>;
export function tool<R, F extends ToolResponseFormat = "content">(
  fn: ToolFunc<string, R>,
  fields: ToolFields<F> & { schema?: undefined },
): DynamicTool<ToolOutputOf<R, F>>;
export function tool(
  fn: ToolFunc<never, unknown>,
  fields: ToolFields & { schema?: ToolSchema | undefined },
): DynamicStructuredTool<unknown, unknown, never> {
  if (fields.schema === undefined)
    return new DynamicTool({ ...fields, func: fn as ToolFunc<string, unknown> });
  return new DynamicStructuredTool<unknown, unknown, never>({ ...fields, schema: fields.schema, func: fn });
}

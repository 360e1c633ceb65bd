import { isPlainObject } from "../internal/is-plain-object.js";
import type { Runnable } from "../runnables/runnable.js";
import type { ConfigKey } from "./config-keys.js";
import { jsonResponse, type RouteContext } from "./route-context.js";

/** JSON Schema for each config key a client may send. */
const CONFIG_KEY_SCHEMAS: Record<ConfigKey, Record<string, unknown>> = {
  configurable: { type: "object", title: "Configurable" },
  tags: { type: "array", items: { type: "string" }, title: "Tags" },
  metadata: { type: "object", title: "Metadata" },
  runName: { type: "string", title: "Run Name" },
  maxConcurrency: { type: "integer", minimum: 1, title: "Max Concurrency" },
  recursionLimit: { type: "integer", minimum: 1, title: "Recursion Limit" },
  timeout: { type: "number", exclusiveMinimum: 0, title: "Timeout" },
};

/**
 * A Runnable's schema for `side`: the JSON Schema object it exposes as `inputSchema` /
 * `outputSchema` when it has one, else a permissive schema (any value) titled after it.
 * Precise schemas for prompts, models and parsers are not built yet.
 */
function runnableSchema(runnable: Runnable, side: "input" | "output"): Record<string, unknown> {
  const exposed: unknown = Reflect.get(runnable, side === "input" ? "inputSchema" : "outputSchema");
  if (isPlainObject(exposed)) return exposed;
  return { title: `${runnable.getName()}${side === "input" ? "Input" : "Output"}` };
}

/** `GET input_schema`: the JSON Schema of the input (see `runnableSchema`). */
export function inputSchemaRoute(context: RouteContext): Response {
  return jsonResponse(context, 200, runnableSchema(context.runnable, "input"));
}

/** `GET output_schema`: the JSON Schema of the output (see `runnableSchema`). */
export function outputSchemaRoute(context: RouteContext): Response {
  return jsonResponse(context, 200, runnableSchema(context.runnable, "output"));
}

/** `GET config_schema`: exactly the config keys this server lets a client send. */
export function configSchemaRoute(context: RouteContext): Response {
  const properties: Record<string, unknown> = {};
  for (const key of context.options.configKeys) properties[key] = CONFIG_KEY_SCHEMAS[key];
  return jsonResponse(context, 200, {
    title: `${context.runnable.getName()}Config`,
    type: "object",
    properties,
  });
}

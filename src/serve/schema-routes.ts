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
 * A Runnable's JSON Schema for `side` (`getInputSchema()` / `getOutputSchema()`), titled
 * `<Name>Input` / `<Name>Output` as LangServe titles them unless it has a title of its own;
 * a Runnable that does not know it answers a permissive schema (any value) with that title.
 */
function runnableSchema(runnable: Runnable, side: "input" | "output"): Record<string, unknown> {
  const known = side === "input" ? runnable.getInputSchema() : runnable.getOutputSchema();
  const title = `${runnable.getName()}${side === "input" ? "Input" : "Output"}`;
  return { title, ...known?.jsonSchema };
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

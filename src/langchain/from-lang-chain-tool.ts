import type { StructuredToolInterface } from "@langchain/core/tools";
import { InvalidInputError } from "../errors/input-errors.js";
import { isNonArrayObject } from "../internal/is-non-array-object.js";
import { isStandardSchema } from "../schema/is-standard-schema.js";
import { StructuredTool, type ToolRunnableConfig } from "../tools/structured-tool.js";
import type { ToolSchema } from "../tools/validate-tool-args.js";

function toolSchemaOf(tool: StructuredToolInterface): ToolSchema {
  const schema: unknown = tool.schema;
  if (isStandardSchema(schema) || isNonArrayObject(schema)) return schema;
  throw new InvalidInputError(
    `fromLangChainTool: tool "${tool.name}" has a schema that is neither a Standard Schema (zod 3.24+, zod 4) nor a JSON Schema object; give it one of those.`,
  );
}

/**
 * A `@langchain/core` tool (`tool()`, `DynamicStructuredTool`, any `StructuredTool`) as a Rivulet
 * tool: the same name, description and schema, so Rivulet's `bindTools` describes it to a model
 * and Rivulet's agent runs it (validating its arguments first, reporting `on_tool_*` events with
 * the call id). The LangChain tool does the work, with the call's `signal`.
 *
 * @example
 * const search = fromLangChainTool(langChainSearchTool);
 * const agent = createAgent({ model, tools: [search] });
 */
export class LangChainToolAdapter extends StructuredTool<Record<string, unknown>, unknown> {
  override name: string;
  description: string;
  override schema: ToolSchema;
  readonly #tool: StructuredToolInterface;

  constructor(tool: StructuredToolInterface) {
    super();
    this.#tool = tool;
    this.name = tool.name;
    this.description = tool.description;
    this.schema = toolSchemaOf(tool);
    if (Reflect.get(tool, "returnDirect") === true) this.returnDirect = true;
  }

  async _call(args: Record<string, unknown>, config: ToolRunnableConfig): Promise<unknown> {
    return this.#tool.invoke(args, config.signal === undefined ? {} : { signal: config.signal });
  }
}

/** {@link LangChainToolAdapter} as a function: `fromLangChainTool(tool)`. */
export function fromLangChainTool(tool: StructuredToolInterface): LangChainToolAdapter {
  return new LangChainToolAdapter(tool);
}

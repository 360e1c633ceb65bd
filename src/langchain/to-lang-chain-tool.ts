import { DynamicStructuredTool } from "@langchain/core/tools";
import type { StructuredTool } from "../tools/structured-tool.js";

/**
 * A Rivulet tool as a `@langchain/core` `DynamicStructuredTool`: the same name and description,
 * its arguments' JSON Schema (which LangChain validates against), and the Rivulet tool doing the
 * work with LangChain's `signal`, so LangChain's `createAgent`, LangGraph's `ToolNode` and
 * `bindTools` take it. What the Rivulet tool returns is the LangChain tool's output.
 *
 * @example
 * const agent = createAgent({ model: "openai:gpt-4o-mini", tools: [toLangChainTool(getWeather)] });
 */
export function toLangChainTool(tool: StructuredTool): DynamicStructuredTool {
  return new DynamicStructuredTool({
    name: tool.name,
    description: tool.description,
    schema: tool.getJsonSchema(),
    func: async (input: unknown, _runManager, config) =>
      tool.invoke(input, config?.signal === undefined ? {} : { signal: config.signal }),
  });
}

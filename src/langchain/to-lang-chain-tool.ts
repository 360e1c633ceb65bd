import { DynamicStructuredTool } from "@langchain/core/tools";
import { isToolMessage } from "../messages/tool-message.js";
import type { StructuredTool } from "../tools/structured-tool.js";

/**
 * A Rivulet tool as a `@langchain/core` `DynamicStructuredTool`: the same name and description,
 * its arguments' JSON Schema (which LangChain validates against), and the Rivulet tool doing the
 * work with LangChain's `signal`, so LangChain's `createAgent`, LangGraph's `ToolNode` and
 * `bindTools` take it. What the Rivulet tool returns is the LangChain tool's output; a tool with
 * `responseFormat: "content_and_artifact"` keeps its artifact on LangChain's `ToolMessage`.
 *
 * @example
 * const agent = createAgent({ model: "openai:gpt-4o-mini", tools: [toLangChainTool(getWeather)] });
 */
export function toLangChainTool(tool: StructuredTool): DynamicStructuredTool {
  const withArtifact = tool.responseFormat === "content_and_artifact";
  return new DynamicStructuredTool({
    name: tool.name,
    description: tool.description,
    schema: tool.getJsonSchema(),
    ...(withArtifact ? { responseFormat: "content_and_artifact" } : {}),
    func: async (input: unknown, _runManager, config) => {
      const options = config?.signal === undefined ? {} : { signal: config.signal };
      if (!withArtifact) return tool.invoke(input, options);
      // Rivulet's tool gives its artifact only on the ToolMessage answering a call.
      const answer = await tool.invoke({ type: "tool_call", id: "", name: tool.name, args: input }, options);
      return isToolMessage(answer) ? [answer.content, answer.artifact] : [answer, undefined];
    },
  });
}

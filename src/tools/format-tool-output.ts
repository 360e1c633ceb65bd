import { RivuletError } from "../errors/rivulet-error.js";
import type { ContentBlock, MessageContent } from "../messages/content-block.js";
import { isToolMessage, ToolMessage } from "../messages/tool-message.js";

/** How a tool's function returns its result: the content alone, or `[content, artifact]`. */
export type ToolResponseFormat = "content" | "content_and_artifact";

/** A list of text and image blocks: the one non-string content a model accepts as a tool result. */
function isResultBlocks(value: unknown): value is ContentBlock[] {
  return (
    Array.isArray(value) &&
    value.length > 0 &&
    value.every((b) => typeof b === "object" && b !== null && (b.type === "text" || b.type === "image_url"))
  );
}

/**
 * The content of a ToolMessage for a tool's output: a string as is, a list of text/image
 * blocks as is (multimodal results), `""` for undefined or null, anything else as JSON (an
 * object, an array, a number), falling back to `String()` for what JSON cannot encode.
 */
export function toolOutputContent(output: unknown): MessageContent {
  if (typeof output === "string") return output;
  if (output === undefined || output === null) return "";
  if (isResultBlocks(output)) return output;
  try {
    return JSON.stringify(output) ?? String(output);
  } catch {
    return String(output); // circular or BigInt: the model still gets something readable
  }
}

/**
 * Splits a function's result by the tool's response format. With `"content_and_artifact"` the
 * result must be a two-item array; anything else is a bug in the tool, reported as such.
 */
export function splitToolResult(
  result: unknown,
  format: ToolResponseFormat,
  toolName: string,
): { content: unknown; artifact?: unknown } {
  if (format === "content") return { content: result };
  if (!Array.isArray(result) || result.length !== 2) {
    throw new RivuletError(
      "invalid_runnable",
      `Tool "${toolName}" has responseFormat "content_and_artifact", so its function must return ` +
        `[content, artifact]; it returned ${Array.isArray(result) ? `an array of ${result.length}` : typeof result}.`,
    );
  }
  return { content: result[0], artifact: result[1] };
}

/** Who a ToolMessage answers: the call's id, the tool's name and the tool's metadata (copied onto the message). */
export interface ToolMessageSource {
  toolCallId: string;
  toolName: string;
  metadata?: Record<string, unknown> | undefined;
}

/**
 * The ToolMessage answering a tool call: content, the call's id, the tool's name, the artifact
 * and metadata, with `status: "success"` (the tool ran; `@langchain/core` marks it so too).
 */
export function toToolMessage(
  result: { content: unknown; artifact?: unknown },
  source: ToolMessageSource,
): ToolMessage {
  // A tool that answers with its own ToolMessage (its status, artifact, id) is taken at its word,
  // as `@langchain/core` does; writing it as JSON text into a new message lost all of it.
  if (isToolMessage(result.content)) return result.content;
  return new ToolMessage({
    status: "success",
    content: toolOutputContent(result.content),
    tool_call_id: source.toolCallId,
    name: source.toolName,
    ...(result.artifact === undefined ? {} : { artifact: result.artifact }),
    ...(source.metadata === undefined ? {} : { metadata: source.metadata }),
  });
}

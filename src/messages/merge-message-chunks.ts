import { AIMessageChunk } from "./ai-message-chunk.js";

function isRich(chunk: AIMessageChunk): boolean {
  return (
    chunk.tool_call_chunks.length > 0 ||
    chunk.usage_metadata !== undefined ||
    chunk.name !== undefined ||
    Object.keys(chunk.additional_kwargs).length > 0 ||
    Object.keys(chunk.response_metadata).length > 0
  );
}

/**
 * Adds up a whole stream of AI message chunks at once; the result equals folding them with
 * `concat`, but costs O(total size): string contents are joined once, and only the chunks that
 * carry metadata, usage or tool-call fragments (usually a few) go through the field merge.
 * Falls back to the plain fold when some content is a list of blocks.
 */
export function mergeMessageChunks(chunks: readonly AIMessageChunk[]): AIMessageChunk | undefined {
  if (chunks.length === 0) return undefined;
  if (chunks.length === 1) return chunks[0];
  if (chunks.some((c) => typeof c.content !== "string")) {
    return chunks.reduce((acc, c) => acc.concat(c));
  }
  const id = chunks.find((c) => c.id !== undefined && c.id !== "")?.id;
  let merged = new AIMessageChunk({ content: chunks.map((c) => c.content as string).join("") });
  for (const chunk of chunks) {
    if (!isRich(chunk)) continue;
    const rest = new AIMessageChunk({
      content: "",
      additional_kwargs: chunk.additional_kwargs,
      response_metadata: chunk.response_metadata,
      tool_call_chunks: chunk.tool_call_chunks,
      usage_metadata: chunk.usage_metadata,
    });
    if (chunk.name !== undefined) rest.name = chunk.name;
    merged = merged.concat(rest);
  }
  if (id !== undefined) merged.id = id;
  return merged;
}

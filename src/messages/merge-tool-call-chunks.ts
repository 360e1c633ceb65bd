import type { ToolCallChunk } from "./tool-call.js";

function hasText(value: string | undefined): value is string {
  return value !== undefined && value !== "";
}

/**
 * Whether `right` continues the call `left` started. With indexes, the indexes must match and the
 * ids must not conflict; without an index on either side, only a shared id links them. A fragment
 * with neither index nor id is never fused to an earlier one: it may well be a whole call of its own, and fusing two
 * parallel calls is the bug this rule exists to prevent (langchainjs #8394, #8276).
 */
function continues(left: ToolCallChunk, right: ToolCallChunk): boolean {
  const idsConflict = hasText(left.id) && hasText(right.id) && left.id !== right.id;
  if (right.index !== undefined) return left.index === right.index && !idsConflict;
  return hasText(right.id) && left.id === right.id;
}

function fuse(left: ToolCallChunk, right: ToolCallChunk): ToolCallChunk {
  const fused: ToolCallChunk = { ...left };
  if (right.args !== undefined) fused.args = (left.args ?? "") + right.args;
  // The name and id arrive on the first fragment; later fragments repeating them must not double them.
  if (!hasText(left.name) && hasText(right.name)) fused.name = right.name;
  if (!hasText(left.id) && hasText(right.id)) fused.id = right.id;
  if (fused.type === undefined && right.type !== undefined) fused.type = right.type;
  return fused;
}

/**
 * Merges the tool-call fragments of two message chunks. A right fragment joins the most recent left
 * call it continues (see above), its `args` appended in order; otherwise it starts a new call. The
 * result is a new array of new objects where fused; the operands are not changed. Work is linear
 * in the number of fragments of both sides times the (small) number of open calls.
 *
 * @example
 * mergeToolCallChunks([{ index: 0, id: "a", name: "f", args: "{\"x\"" }], [{ index: 0, args: ":1}" }]);
 * // [{ index: 0, id: "a", name: "f", args: "{\"x\":1}" }]
 */
export function mergeToolCallChunks(
  left: readonly ToolCallChunk[],
  right: readonly ToolCallChunk[],
): ToolCallChunk[] {
  const merged = left.slice();
  for (const chunk of right) {
    let target = -1;
    for (let i = merged.length - 1; i >= 0; i--) {
      if (continues(merged[i]!, chunk)) {
        target = i;
        break;
      }
    }
    if (target === -1) merged.push(chunk);
    else merged[target] = fuse(merged[target]!, chunk);
  }
  return merged;
}

import type { AIMessage } from "../messages/ai-message.js";
import { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { ToolCall } from "../messages/tool-call.js";
import { ToolMessage } from "../messages/tool-message.js";
import type { AgentTool } from "./create-agent-options.js";

/** One call of a model reply, ready to run: the tool to run it with, or the error ToolMessage that answers it. */
export type PlannedCall =
  | { readonly call: ToolCall & { id: string }; readonly tool: AgentTool; readonly answer?: never }
  | { readonly call: ToolCall & { id: string }; readonly tool?: never; readonly answer: ToolMessage };

/** A model reply's calls, and the reply as it goes into the history. */
export interface ToolCallPlan {
  /** The reply for the history: the model's own, or a copy whose invalid calls are listed as calls (see below). */
  readonly message: AIMessageChunk;
  readonly calls: readonly PlannedCall[];
}

/** An error ToolMessage answering `call`, as the model reads it. */
export function errorToolMessage(call: ToolCall & { id: string }, text: string): ToolMessage {
  return new ToolMessage({ content: text, tool_call_id: call.id, name: call.name, status: "error" });
}

/** The synthetic answer to a call that never finished because the run was cancelled. */
export function cancelledToolMessage(call: ToolCall & { id: string }): ToolMessage {
  return errorToolMessage(call, "Error: the tool call was cancelled before it finished.");
}

/**
 * Plans the calls of one model reply, in the reply's order: the call `answered` answers (the
 * structured response's) is answered by it; each other valid call of a known tool runs; a call of an unknown tool, and a call whose arguments did not parse (`invalid_tool_calls`),
 * get an error ToolMessage at once. Providers only send `tool_calls` back to the model, so an
 * answer to an invalid call would be an orphan they reject: the history's copy of the reply lists
 * invalid calls among its `tool_calls` (with `{}` arguments, the raw text being in the error).
 */
export function planToolCalls(
  reply: AIMessageChunk,
  tools: ReadonlyMap<string, AgentTool>,
  options: { readonly step: number; readonly answered?: ToolMessage | undefined },
): ToolCallPlan {
  const { step, answered } = options;
  const calls: PlannedCall[] = [];
  const validCalls = callsWithIds(reply, step);
  for (const call of validCalls) {
    const tool = tools.get(call.name);
    if (answered !== undefined && answered.tool_call_id === call.id) calls.push({ call, answer: answered });
    else if (tool !== undefined) calls.push({ call, tool });
    else calls.push({ call, answer: errorToolMessage(call, unknownToolText(call.name, tools)) });
  }
  const invalid = reply.invalid_tool_calls.map((bad, index) => {
    const call: ToolCall & { id: string } = {
      name: bad.name ?? "",
      args: {},
      id: bad.id === undefined || bad.id === "" ? `invalid_call_${step}_${index}` : bad.id,
      type: "tool_call",
    };
    const text = `Error: the arguments of this call are not a JSON object (${bad.error ?? "malformed"}): ${bad.args ?? ""}`;
    return { call, answer: errorToolMessage(call, text) };
  });
  calls.push(...invalid);
  const changed =
    invalid.length > 0 || validCalls.some((call, index) => reply.tool_calls[index]?.id !== call.id);
  if (!changed) return { message: reply, calls };
  return {
    message: withToolCalls(
      reply,
      calls.map((planned) => planned.call),
    ),
    calls,
  };
}

/**
 * A reply's valid calls, each with a distinct id: one made from the step and position when the
 * model gave none, an empty one (some OpenAI-compatible servers send `""`) or one an earlier
 * call of the reply already has, since providers reject answers with empty or repeated ids.
 */
export function callsWithIds(reply: AIMessageChunk, step: number): (ToolCall & { id: string })[] {
  const seen = new Set<string>();
  return reply.tool_calls.map((call, index) => {
    const given = call.id;
    const id = given === undefined || given === "" || seen.has(given) ? `call_${step}_${index}` : given;
    seen.add(id);
    return { ...call, id };
  });
}

function unknownToolText(name: string, tools: ReadonlyMap<string, AgentTool>): string {
  const known = [...tools.keys()].map((key) => `"${key}"`).join(", ");
  return `Error: there is no tool named "${name}"; the tools are ${known === "" ? "none" : known}.`;
}

/** A copy of `reply` whose tool calls are `calls` (every one with an id) and with no invalid calls. */
export function withToolCalls(reply: AIMessage, calls: ToolCall[]): AIMessageChunk {
  const copy = new AIMessageChunk({
    content: reply.content,
    additional_kwargs: reply.additional_kwargs,
    response_metadata: reply.response_metadata,
    tool_calls: calls,
    invalid_tool_calls: [],
    usage_metadata: reply.usage_metadata,
  });
  if (reply.id !== undefined) copy.id = reply.id;
  if (reply.name !== undefined) copy.name = reply.name;
  return copy;
}

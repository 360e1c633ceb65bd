// Test support (not part of the public API): an agent's streamEvents v2 list as plain data, for
// transcript tests. Messages become their type and the fields that matter to the loop, errors
// their name and message; run and message ids are then normalised (`<id:N>`).
import { AIMessage, type BaseMessage, isBaseMessage, type StreamEvent, ToolMessage } from "rivulet";
import { normalizeIds } from "rivulet/testing";

/** A message as transcripts show it. */
export function plainMessage(
  message: BaseMessage,
  options: { fragments?: boolean } = {},
): Record<string, unknown> {
  const out: Record<string, unknown> = { type: message.getType(), content: message.content };
  if (AIMessage.isInstance(message)) {
    if (message.id !== undefined) out.id = message.id;
    const fragments = "tool_call_chunks" in message ? message.tool_call_chunks : undefined;
    // A streamed chunk shows its fragments; a whole reply its parsed calls.
    if (options.fragments === true && Array.isArray(fragments) && fragments.length > 0)
      out.tool_call_chunks = fragments;
    if (options.fragments !== true && message.tool_calls.length > 0) out.tool_calls = message.tool_calls;
    if (options.fragments !== true && message.invalid_tool_calls.length > 0)
      out.invalid_tool_calls = message.invalid_tool_calls;
    if (message.usage_metadata !== undefined) out.usage_metadata = message.usage_metadata;
  }
  if (ToolMessage.isInstance(message)) {
    out.tool_call_id = message.tool_call_id;
    out.status = message.status;
  }
  return out;
}

/** Any value with its messages and errors made plain. */
export function plain(value: unknown): unknown {
  if (isBaseMessage(value)) return plainMessage(value);
  if (value instanceof Error) return { error: value.name, message: value.message };
  if (Array.isArray(value)) return value.map(plain);
  if (typeof value === "object" && value !== null) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
  }
  return value;
}

function plainData(event: StreamEvent): unknown {
  if (event.event === "on_chat_model_stream")
    return { chunk: plainMessage(event.data.chunk, { fragments: true }) };
  return plain(event.data);
}

/** The whole ordered event list, plain and with ids normalised. */
export function transcript(events: readonly StreamEvent[]): unknown[] {
  return normalizeIds(
    events.map((event) => ({
      event: event.event,
      name: event.name,
      run_id: event.run_id,
      parent_ids: event.parent_ids,
      tags: event.tags,
      metadata: event.metadata,
      data: plainData(event),
    })),
  );
}

/** The placeholder of the run that started N-th (0: the agent's run). */
export const id = (n: number): string => `<id:${n}>`;
/** The agent's run. */
export const R = id(0);
/** The fake model's name, as its runs are named. */
export const MODEL = "FakeStreamingChatModel";

/** Token counts with their total. */
export const usage = (input: number, output: number) => ({
  input_tokens: input,
  output_tokens: output,
  total_tokens: input + output,
});

/** The metadata of step `step`'s model run (the fake's ls_* keys, then the agent's). */
export const modelMeta = (step: number) => ({
  ls_provider: MODEL,
  ls_model_type: "chat",
  agent_step: step,
  agent_node: "model_request",
});

/** The metadata of step `step`'s tool runs. */
export const toolMeta = (step: number) => ({ agent_step: step, agent_node: "tools" });

/** One expected event, every field written out. */
export function ev(
  event: string,
  name: string,
  runId: string,
  parents: string[],
  metadata: object,
  data: unknown,
) {
  return { event, name, run_id: runId, parent_ids: parents, tags: [], metadata, data };
}

/** A plain human message. */
export const human = (content: string) => ({ type: "human", content });

/** A plain ToolMessage. */
export const toolMessage = (content: string, toolCallId: string, status = "success") => ({
  type: "tool",
  content,
  tool_call_id: toolCallId,
  status,
});

/** A complete tool call. */
export const call = (name: string, args: Record<string, unknown>, callId: string) => ({
  name,
  args,
  id: callId,
  type: "tool_call" as const,
});

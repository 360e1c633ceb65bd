// Test support (not part of the public API): an agent whose model calls `lookup` then
// `send_email` (which needs approval), the tools recording what ran, and helpers to get the
// interrupted output and to check that an invalid resume ran nothing and closed every run.
import { AIMessage, type BaseMessage, tool } from "rivulet";
import { type AgentInput, type AgentOutput, type ApprovalPolicy, createAgent } from "rivulet/agents";
import { FakeStreamingChatModel, RunRecorder } from "rivulet/testing";
import { z } from "zod";
import { call } from "./agent-transcript.js";

/** A secret long enough for `approvalSecret`. */
export const SECRET = "a-test-secret-of-enough-length";

/** What `approvalFixture` builds an agent with. */
export interface FixtureOptions {
  secret?: string;
  name?: string;
  /** The policy of `send_email` (default `"always"`). */
  policy?: ApprovalPolicy;
  /** What the send_email tool does before it answers (default: nothing). */
  sendBody?: (signal: AbortSignal | undefined) => Promise<void>;
  /** Leave the send_email tool out (a tool that no longer exists). */
  withoutSend?: boolean;
  approvalTtlMs?: number;
  clock?: () => number;
}

/** The model's first reply: lookup (runs) and send_email (asked about). */
export const firstReply = () =>
  new AIMessage({
    content: "",
    tool_calls: [
      call("lookup", { name: "ada" }, "call_lookup"),
      call("send_email", { to: "ada@example.com", text: "Hi" }, "call_send"),
    ],
  });

/** An agent with lookup and send_email, and the list of what its tools did. */
export function approvalFixture(options: FixtureOptions = {}) {
  const ran: string[] = [];
  const send = tool(
    async ({ to, text }, config) => {
      await options.sendBody?.(config.signal);
      ran.push(`send ${to}: ${text}`);
      return `sent to ${to}`;
    },
    {
      name: "send_email",
      description: "Sends an email",
      schema: z.object({ to: z.string(), text: z.string() }),
    },
  );
  const lookup = tool(
    ({ name }) => {
      ran.push(`lookup ${name}`);
      return `${name}@example.com`;
    },
    { name: "lookup", description: "Finds an address", schema: z.object({ name: z.string() }) },
  );
  const model = new FakeStreamingChatModel({ responses: [firstReply(), new AIMessage("Done.")] });
  const agent = createAgent({
    model,
    tools: options.withoutSend === true ? [lookup] : [lookup, send],
    ...(options.withoutSend === true ? {} : { approval: { send_email: options.policy ?? "always" } }),
    ...(options.secret === undefined ? {} : { approvalSecret: options.secret }),
    ...(options.name === undefined ? {} : { name: options.name }),
    ...(options.approvalTtlMs === undefined ? {} : { approvalTtlMs: options.approvalTtlMs }),
    ...(options.clock === undefined ? {} : { clock: options.clock }),
  });
  return { agent, ran };
}

/** The interrupted output of a first call, and its one pending approval. */
export async function interrupt(
  agent: ReturnType<typeof approvalFixture>["agent"],
  config: { configurable?: Record<string, unknown> } = {},
) {
  const output: AgentOutput = await agent.invoke({ messages: ["Email Ada"] }, config);
  const pending = output.interrupt?.pending[0];
  if (pending === undefined) throw new Error("expected a pending approval");
  return { messages: output.messages, pending, output };
}

/**
 * Resumes with `input` and returns the error it rejects with (undefined when it resolves), and
 * the runs it left open (none, if every run closed).
 */
export async function resumeError(
  agent: ReturnType<typeof approvalFixture>["agent"],
  input: AgentInput,
  config: { configurable?: Record<string, unknown>; signal?: AbortSignal } = {},
): Promise<{ error: unknown; open: string[] }> {
  const recorder = new RunRecorder();
  try {
    await agent.invoke(input, { ...config, callbacks: [recorder] });
    return { error: undefined, open: recorder.openRuns() };
  } catch (error) {
    return { error, open: recorder.openRuns() };
  }
}

/** The history as plain messages, for comparisons. */
export const kinds = (messages: readonly BaseMessage[]) => messages.map((message) => message.getType());

/** Every call of the history's AI messages has a ToolMessage right after it, and every ToolMessage a call. */
export function validHistory(messages: readonly BaseMessage[]): boolean {
  const open = new Set<string>();
  for (const message of messages) {
    if (AIMessage.isInstance(message)) {
      if (open.size > 0) return false;
      for (const toolCall of message.tool_calls) open.add(toolCall.id ?? "");
    } else if ("tool_call_id" in message && typeof message.tool_call_id === "string") {
      if (!open.delete(message.tool_call_id)) return false;
    } else if (open.size > 0) return false;
  }
  return open.size === 0;
}

import type { RunScope } from "../engine/run-scope.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import { EmptyOutputError } from "../errors/empty-output-error.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { BaseLanguageModelInput } from "../models/chat-model-call-options.js";
import type { Runnable } from "../runnables/runnable.js";

/** The model as the loop calls it: tools bound. */
export type AgentModel = Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk>;

/**
 * One model request of step `step`: a chat-model run, a child of the agent's run with
 * `{ agent_step, agent_node: "model_request" }` in its metadata, streamed (so its tokens and
 * tool-call fragments are `on_chat_model_stream` events) and folded into the reply. A model that
 * streams nothing is an `EmptyOutputError`.
 */
export async function requestModel(
  model: AgentModel,
  messages: BaseMessage[],
  options: {
    readonly scope: RunScope;
    readonly step: number;
    /** Each chunk as it arrives (an `agent.stream` in `"messages"` mode); await a returned promise. */
    readonly onChunk?: ((chunk: AIMessageChunk) => Promise<void> | undefined) | undefined;
  },
): Promise<AIMessageChunk> {
  const { scope, step, onChunk } = options;
  const metadata = { ...scope.config.metadata, agent_step: step, agent_node: "model_request" };
  const stream = streamWithRun(model, { value: messages }, scope.childConfig(undefined, { metadata }));
  const aggregator = model.createAggregator();
  for await (const chunk of stream) {
    aggregator.add(chunk);
    const queued = onChunk?.(chunk);
    if (queued !== undefined) await queued;
  }
  const reply = aggregator.result();
  if (reply === undefined) throw new EmptyOutputError(model.getName());
  return reply;
}

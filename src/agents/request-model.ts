import type { RunScope } from "../engine/run-scope.js";
import { streamWithRun } from "../engine/stream-with-run.js";
import type { AIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import type { BaseLanguageModelInput } from "../models/chat-model-call-options.js";
import { foldOutput } from "../runnables/fold-output.js";
import type { Runnable } from "../runnables/runnable.js";

/** The model as the loop calls it: tools bound. */
export type AgentModel = Runnable<BaseLanguageModelInput, AIMessageChunk, AIMessageChunk>;

/**
 * One model request of step `step`: a chat-model run, a child of the agent's run with
 * `{ agent_step, agent_node: "model_request" }` in its metadata, streamed (so its tokens and
 * tool-call fragments are `on_chat_model_stream` events) and folded into the reply.
 */
export function requestModel(
  model: AgentModel,
  messages: BaseMessage[],
  options: { readonly scope: RunScope; readonly step: number },
): Promise<AIMessageChunk> {
  const { scope, step } = options;
  const metadata = { ...scope.config.metadata, agent_step: step, agent_node: "model_request" };
  const stream = streamWithRun(model, { value: messages }, scope.childConfig(undefined, { metadata }));
  return foldOutput(stream, model.createAggregator(), model.getName());
}

import type { FinishReason } from "./chat-model-stream-event.js";

/** Providers' stop reasons (OpenAI `finish_reason`, Anthropic `stop_reason`, Ollama `done_reason`) in the standard vocabulary. */
const STANDARD_REASONS: Readonly<Record<string, FinishReason>> = {
  stop: "stop",
  end_turn: "stop",
  stop_sequence: "stop",
  pause_turn: "stop",
  length: "length",
  max_tokens: "length",
  model_context_window_exceeded: "length",
  tool_calls: "tool_use",
  tool_use: "tool_use",
  function_call: "tool_use",
  content_filter: "content_filter",
  refusal: "content_filter",
};

/**
 * Why a response stopped, in `message-finish`'s vocabulary, read from its response metadata
 * (`finish_reason`, `stop_reason` or `done_reason`). A response that called tools stopped
 * for `"tool_use"` even when the provider says `"stop"`; without a known reason it is
 * `"stop"` (or `"tool_use"`).
 *
 * @example
 * finishReasonOf({ stop_reason: "max_tokens" }, { calledTools: false }); // "length"
 */
export function finishReasonOf(
  metadata: Readonly<Record<string, unknown>>,
  options: { calledTools: boolean },
): FinishReason {
  for (const key of ["finish_reason", "stop_reason", "done_reason"]) {
    const value = metadata[key];
    const reason =
      typeof value === "string" && Object.hasOwn(STANDARD_REASONS, value)
        ? STANDARD_REASONS[value]
        : undefined;
    // Ollama (and OpenAI under a forced tool choice) say "stop" for an answer that calls tools.
    if (reason !== undefined) return reason === "stop" && options.calledTools ? "tool_use" : reason;
  }
  return options.calledTools ? "tool_use" : "stop";
}

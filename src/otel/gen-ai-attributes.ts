import type { Attributes } from "@opentelemetry/api";
import type { Run } from "../callbacks/run.js";
import { isAIMessage } from "../messages/ai-message.js";
import { isAIMessageChunk } from "../messages/ai-message-chunk.js";
import type { BaseMessage } from "../messages/base-message.js";
import { inputMessages, toGenAIMessage } from "./gen-ai-messages.js";

/** The GenAI conventions' operation of a run, or undefined for runs they do not describe. */
export function operationName(run: Run): string | undefined {
  if (run.runType === "chat_model") return "chat";
  if (run.runType === "llm") return "text_completion";
  if (run.runType === "tool") return "execute_tool";
  return undefined;
}

function text(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}

function finite(value: unknown): number | undefined {
  return typeof value === "number" && Number.isFinite(value) ? value : undefined;
}

/** `{operation} {model}` for model calls, `execute_tool {name}` for tools, the run's name else. */
export function spanName(run: Run): string {
  const operation = operationName(run);
  if (operation === "execute_tool") return `execute_tool ${run.name}`;
  const model = text(run.metadata.ls_model_name);
  if (operation !== undefined) return model === undefined ? operation : `${operation} ${model}`;
  return run.name;
}

/** Drops undefined values: OpenTelemetry ignores them anyway, and exporters warn. */
function defined(entries: Record<string, Attributes[string]>): Attributes {
  const attributes: Attributes = {};
  for (const [key, value] of Object.entries(entries)) if (value !== undefined) attributes[key] = value;
  return attributes;
}

function json(value: unknown): string | undefined {
  try {
    return JSON.stringify(value);
  } catch {
    return undefined; // a cycle or a BigInt: content is best effort, the span is not
  }
}

/** What is known when the run starts: its identity and, for a model call, the request. */
export function startAttributes(run: Run, captureContent: boolean): Attributes {
  const operation = operationName(run);
  const provider = text(run.metadata.ls_provider);
  const stop = run.metadata.ls_stop;
  const base = defined({
    "rivulet.run.id": run.id,
    "rivulet.run.type": run.runType,
    "rivulet.run.name": run.name,
    "rivulet.run.tags": run.tags.length > 0 ? [...run.tags] : undefined,
    "gen_ai.operation.name": operation,
  });
  if (operation === "execute_tool") {
    return {
      ...base,
      ...defined({
        "gen_ai.tool.name": run.name,
        "gen_ai.tool.type": "function",
        "gen_ai.tool.call.id": text(run.extra.tool_call_id),
        "gen_ai.tool.call.arguments": captureContent ? json(run.input) : undefined,
      }),
    };
  }
  if (operation === undefined) return base;
  return {
    ...base,
    ...defined({
      "gen_ai.provider.name": provider,
      // The name before the conventions' 1.37 rename, still read by several backends.
      "gen_ai.system": provider,
      "gen_ai.request.model": text(run.metadata.ls_model_name),
      "gen_ai.request.temperature": finite(run.metadata.ls_temperature),
      "gen_ai.request.max_tokens": finite(run.metadata.ls_max_tokens),
      "gen_ai.request.stop_sequences":
        Array.isArray(stop) && stop.every((each) => typeof each === "string") ? stop : undefined,
      "gen_ai.input.messages":
        captureContent && operation === "chat" ? json(inputMessages(run.input)) : undefined,
    }),
  };
}

function finishReason(message: BaseMessage): string | undefined {
  const metadata = message.response_metadata;
  return text(metadata.finish_reason) ?? text(metadata.stop_reason) ?? text(metadata.done_reason);
}

/** What a model call's answer tells: usage, finish reason, the response's model and id. */
function modelEndAttributes(output: unknown, captureContent: boolean): Attributes {
  if (!isAIMessage(output) && !isAIMessageChunk(output)) return {};
  const usage = output.usage_metadata;
  const reason = finishReason(output);
  const metadata = output.response_metadata;
  return defined({
    "gen_ai.usage.input_tokens": finite(usage?.input_tokens),
    "gen_ai.usage.output_tokens": finite(usage?.output_tokens),
    "gen_ai.response.finish_reasons": reason === undefined ? undefined : [reason],
    "gen_ai.response.model": text(metadata.model_name) ?? text(metadata.model),
    "gen_ai.response.id": text(output.id),
    "gen_ai.output.messages": captureContent ? json([toGenAIMessage(output, reason)]) : undefined,
  });
}

/** What is known when the run ends. */
export function endAttributes(run: Run, captureContent: boolean): Attributes {
  const operation = operationName(run);
  if (operation === "chat") return modelEndAttributes(run.output, captureContent);
  if (operation === "execute_tool" && captureContent) {
    const output = run.output;
    const content =
      typeof output === "object" && output !== null && "content" in output ? output.content : output;
    return defined({ "gen_ai.tool.call.result": typeof content === "string" ? content : json(content) });
  }
  return {};
}

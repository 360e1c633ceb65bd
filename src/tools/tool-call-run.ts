import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { InputStream } from "../engine/run-input.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import type { ToolCall } from "../messages/tool-call.js";
import type { ToolMessage } from "../messages/tool-message.js";
import { type Aggregator, aggregateStream, LastValueAggregator } from "../streams/aggregator.js";

/** What a {@link ToolCallRun} needs from its tool (structural, so this file imports no tool class). */
export interface ToolCallTarget {
  runIdentity(): RunIdentity;
  _runTool(input: unknown, scope: RunScope, call: ToolCall | undefined): Promise<unknown>;
}

type Args = Record<string, unknown>;

/**
 * One tool call, run as the tool's run but with the call's `args` as the run's input. Observers
 * then see `on_tool_start { input: args }` rather than the whole call, the way a tool called by
 * a model is reported, while the call's id still reaches the ToolMessage (and the run's `extra`).
 */
export class ToolCallRun implements RunnableCore<Args, ToolMessage, ToolMessage> {
  readonly shape: RunnableShape = { input: "whole", output: "whole" };
  readonly awaitsOnlyChildRuns = false;
  readonly #tool: ToolCallTarget;
  readonly #call: ToolCall;

  constructor(tool: ToolCallTarget, call: ToolCall) {
    this.#tool = tool;
    this.#call = call;
  }

  runIdentity(): RunIdentity {
    const identity = this.#tool.runIdentity();
    if (this.#call.id === undefined) return identity;
    return { ...identity, extra: { ...identity.extra, tool_call_id: this.#call.id } };
  }

  resolveBinding(_config: RunnableConfig): undefined {
    return undefined;
  }

  createAggregator(): Aggregator<ToolMessage, ToolMessage> {
    return new LastValueAggregator<ToolMessage>();
  }

  async _invoke(args: Args, scope: RunScope): Promise<ToolMessage> {
    return (await this.#tool._runTool(args, scope, this.#call)) as ToolMessage;
  }

  async *_stream(args: Args, scope: RunScope): AsyncIterable<ToolMessage> {
    yield await this._invoke(args, scope);
  }

  async *_transform(input: InputStream<Args>, scope: RunScope): AsyncIterable<ToolMessage> {
    const args = await aggregateStream(input.stream, input.aggregator());
    yield await this._invoke(args ?? {}, scope);
  }
}

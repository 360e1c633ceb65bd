import type { RunnableConfig } from "../config/runnable-config.js";
import type { ChildStop } from "../engine/child-stop.js";
import type { RunIdentity } from "../engine/run-identity.js";
import type { RunScope } from "../engine/run-scope.js";
import type { ToolCall } from "../messages/tool-call.js";
import type { ToolCallTarget } from "../tools/tool-call-run.js";

/** A tool run's scope whose child config (what the tool's function receives) carries `writer`. */
class WriterScope implements RunScope {
  readonly #scope: RunScope;
  readonly #writer: (chunk: unknown) => void;
  readonly config: RunnableConfig;
  readonly signal: AbortSignal | undefined;
  readonly observed: boolean;

  constructor(scope: RunScope, writer: (chunk: unknown) => void) {
    this.#scope = scope;
    this.#writer = writer;
    this.config = scope.config;
    this.signal = scope.signal;
    this.observed = scope.observed;
  }

  get runId(): string {
    return this.#scope.runId;
  }

  childConfig(localTag?: string, overrides?: Partial<RunnableConfig>): RunnableConfig {
    return Object.assign(this.#scope.childConfig(localTag, overrides), { writer: this.#writer });
  }

  reportChunk(chunk: unknown): void | Promise<void> {
    return this.#scope.reportChunk(chunk);
  }

  reportCustomEvent(name: string, data: unknown): void | Promise<void> {
    return this.#scope.reportCustomEvent(name, data);
  }

  childStop(): ChildStop {
    return this.#scope.childStop();
  }
}

/**
 * A tool as the agent runs it: the same run, but its function's config has `writer` (LangGraph's
 * `config.writer`), which sends values to the agent's `"custom"` stream mode.
 */
export class WriterTool implements ToolCallTarget {
  readonly #tool: ToolCallTarget;
  readonly #writer: (chunk: unknown) => void;

  constructor(tool: ToolCallTarget, writer: (chunk: unknown) => void) {
    this.#tool = tool;
    this.#writer = writer;
  }

  runIdentity(): RunIdentity {
    return this.#tool.runIdentity();
  }

  _runTool(input: unknown, scope: RunScope, call: ToolCall | undefined): Promise<unknown> {
    return this.#tool._runTool(input, new WriterScope(scope, this.#writer), call);
  }
}

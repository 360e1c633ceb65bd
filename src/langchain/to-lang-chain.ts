import type { CallbackManagerForChainRun } from "@langchain/core/callbacks/manager";
import {
  type RunnableConfig as LangChainConfig,
  Runnable as LangChainRunnable,
} from "@langchain/core/runnables";
import type { CallbackHandler } from "../callbacks/callback-handler.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { Runnable } from "../runnables/runnable.js";
import { RunnableBinding } from "../runnables/runnable-binding.js";
import { bridgeLangChainHandler } from "./lang-chain-handler-bridge.js";
import { fromLangChainValue, toLangChainValue } from "./lang-chain-values.js";

/** The Rivulet config for a call made from inside a LangChain run. */
function rivuletConfig(
  config: Partial<LangChainConfig> | undefined,
  runManager: CallbackManagerForChainRun | undefined,
): RunnableConfig {
  const out: RunnableConfig = {};
  if (config?.signal !== undefined) out.signal = config.signal;
  if (config?.configurable !== undefined) out.configurable = { ...config.configurable };
  if (config?.recursionLimit !== undefined) out.recursionLimit = config.recursionLimit;
  if (config?.maxConcurrency !== undefined) out.maxConcurrency = config.maxConcurrency;
  if (runManager === undefined) {
    if (config?.tags !== undefined) out.tags = [...config.tags];
    if (config?.metadata !== undefined) out.metadata = { ...config.metadata };
    return out;
  }
  // The LangChain run's handlers see the Rivulet runs inside it as its children, which inherit
  // what LangChain's own children would (the call's tags, a LangGraph node's metadata).
  const child = runManager.getChild();
  const handlers: CallbackHandler[] = child.handlers.map((handler) =>
    bridgeLangChainHandler(handler, runManager.runId),
  );
  if (handlers.length > 0) out.callbacks = handlers;
  if (child.inheritableTags.length > 0) out.tags = [...child.inheritableTags];
  if (Object.keys(child.inheritableMetadata).length > 0) out.metadata = { ...child.inheritableMetadata };
  return out;
}

/**
 * The name the Rivulet runnable's own run would have: a binding's `runName` (the outermost wins,
 * as its config is merged last), else its name. The wrapper's LangChain run stands for that run,
 * which the bridge hides, so it must carry the name.
 */
function runNameOf(runnable: Runnable<unknown, unknown, unknown>): string {
  for (let each = runnable; each instanceof RunnableBinding; each = each.bound) {
    if (each.config.runName !== undefined) return each.config.runName;
  }
  return runnable.getName();
}

async function* single<T>(value: T): AsyncGenerator<T> {
  yield value;
}

/**
 * A Rivulet Runnable as a `@langchain/core` Runnable, for a LangChain `pipe`, a LangGraph node or
 * anything that takes LangChain runnables: it invokes and streams the Rivulet runnable (chunk by
 * chunk) with values converted both ways, passes LangChain's signal, and its inner Rivulet runs
 * are reported to LangChain's handlers as children of this run, so they appear in LangChain's
 * `streamEvents` (start and end of every run, a model's tokens) and in LangSmith.
 *
 * @example
 * const chain = langChainPrompt.pipe(toLangChain(rivuletModelChain)).pipe(new LangChainStringOutputParser());
 */
export class RivuletRunnableAdapter<I = unknown, O = unknown> extends LangChainRunnable<I, O> {
  lc_namespace = ["rivulet", "langchain"];
  readonly #runnable: Runnable<I, unknown, unknown>;

  constructor(runnable: Runnable<I, unknown, unknown>, options: { name?: string | undefined } = {}) {
    super();
    this.#runnable = runnable;
    this.name = options.name ?? runNameOf(runnable);
  }

  override async invoke(input: I, options?: Partial<LangChainConfig>): Promise<O> {
    return this._callWithConfig(
      async (value: I, config?: Partial<LangChainConfig>, runManager?: CallbackManagerForChainRun) => {
        const output = await this.#runnable.invoke(this.#in(value), rivuletConfig(config, runManager));
        return this.#out(output);
      },
      input,
      options,
    );
  }

  override async *_streamIterator(input: I, options?: Partial<LangChainConfig>): AsyncGenerator<O> {
    yield* this._transformStreamWithConfig(
      single(input),
      (inputs, runManager, config) => this.#stream(inputs, runManager, config),
      options,
    );
  }

  async *#stream(
    inputs: AsyncGenerator<I>,
    runManager: CallbackManagerForChainRun | undefined,
    config: Partial<LangChainConfig> | undefined,
  ): AsyncGenerator<O> {
    for await (const value of inputs) {
      const stream = await this.#runnable.stream(this.#in(value), rivuletConfig(config, runManager));
      for await (const chunk of stream) yield this.#out(chunk);
    }
  }

  /** A LangChain input as Rivulet's: the same value with its messages and documents converted. */
  #in(value: I): I {
    return fromLangChainValue(value) as I;
  }

  /** A Rivulet value as LangChain's; the type is the one the caller declared for this adapter. */
  #out(value: unknown): O {
    return toLangChainValue(value) as O;
  }
}

/**
 * {@link RivuletRunnableAdapter} as a function: `toLangChain(runnable)`.
 *
 * @example
 * const node = toLangChain<{ messages: BaseMessage[] }, { messages: BaseMessage[] }>(rivuletAgent);
 */
export function toLangChain<I = unknown, O = unknown>(
  runnable: Runnable<NoInfer<I>, unknown, unknown>,
  options: { name?: string | undefined } = {},
): RivuletRunnableAdapter<I, O> {
  return new RivuletRunnableAdapter<I, O>(runnable, options);
}

import type {
  RunnableConfig as LangChainConfig,
  Runnable as LangChainRunnable,
} from "@langchain/core/runnables";
import { CallbackManager } from "../callbacks/callback-manager.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunScope } from "../engine/run-scope.js";
import type { RunnableShape } from "../engine/runnable-shape.js";
import { AbortError } from "../errors/abort-error.js";
import { EmptyOutputError } from "../errors/empty-output-error.js";
import { RemoteEventRelay, type RootEnding, relayRootChunks } from "../remote/remote-event-relay.js";
import { Runnable } from "../runnables/runnable.js";
import { fromLangChainValue, toLangChainValue } from "./lang-chain-values.js";

/** Options of {@link fromLangChain}. */
export interface FromLangChainOptions {
  /** The run's name in Rivulet's events (default: the LangChain runnable's name). */
  readonly name?: string | undefined;
}

/** The LangChain config for a call: the signal, configurable (a graph's thread_id), limits. */
function langChainConfig(config: RunnableConfig, signal: AbortSignal | undefined): LangChainConfig {
  const out: LangChainConfig = {};
  if (signal !== undefined) out.signal = signal;
  if (config.configurable !== undefined) out.configurable = { ...config.configurable };
  if (config.recursionLimit !== undefined) out.recursionLimit = config.recursionLimit;
  if (config.maxConcurrency !== undefined) out.maxConcurrency = config.maxConcurrency;
  return out;
}

async function* mapped<T>(values: AsyncIterable<T>, map: (value: T) => unknown): AsyncGenerator<unknown> {
  for await (const value of values) yield map(value);
}

/**
 * A `@langchain/core` Runnable (a chain, a retriever, a LangGraph graph, `langchain`'s
 * `createAgent` agent) as a Rivulet Runnable, for moving one chain at a time: it streams chunk by
 * chunk, takes and gives Rivulet's messages and documents (converted both ways), and when observed
 * (`streamEvents`, `streamLog`, handlers, tracing) its inner LangChain runs appear as child runs
 * of this one, with their names, run types, tags, metadata, tokens and re-parented `parent_ids`.
 * Its signal is LangChain's: aborting or breaking out of the stream cancels the LangChain run.
 *
 * @example
 * const legacy = fromLangChain(langChainRetrievalChain);
 * const chain = legacy.pipe(new StringOutputParser());
 */
export class LangChainRunnableAdapter<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  override readonly shape: RunnableShape = { input: "whole", output: "chunks" };
  readonly #runnable: LangChainRunnable;

  constructor(runnable: LangChainRunnable, options: FromLangChainOptions = {}) {
    super();
    this.#runnable = runnable;
    this.name = options.name ?? runnable.getName();
  }

  override async _invoke(input: I, scope: RunScope): Promise<O> {
    if (!scope.observed) {
      const output: unknown = await this.#runnable.invoke(
        toLangChainValue(input),
        langChainConfig(scope.config, scope.signal),
      );
      return this.#out<O>(output);
    }
    const ending: RootEnding = { ended: false, output: undefined };
    const aggregator = this.createAggregator();
    for await (const chunk of this.#relayEvents(input, scope, ending)) {
      aggregator.add(chunk);
      const reported = scope.reportChunk(chunk);
      if (reported !== undefined) await reported;
    }
    if (ending.ended) return this.#out<O>(ending.output);
    const folded = aggregator.result();
    if (folded === undefined) throw new EmptyOutputError(this.getName());
    return folded;
  }

  override async *_stream(input: I, scope: RunScope): AsyncIterable<C> {
    if (scope.observed) {
      yield* this.#relayEvents(input, scope, { ended: false, output: undefined });
      return;
    }
    const stream = await this.#runnable.stream(
      toLangChainValue(input),
      langChainConfig(scope.config, scope.signal),
    );
    for await (const chunk of stream) yield this.#out<C>(chunk);
  }

  /** LangChain's v2 events replayed as Rivulet child runs; the root's chunks are this run's. */
  async *#relayEvents(input: I, scope: RunScope, ending: RootEnding): AsyncIterable<C> {
    const relay = new RemoteEventRelay(CallbackManager.from(scope.childConfig().callbacks));
    const events = this.#runnable.streamEvents(toLangChainValue(input), {
      ...langChainConfig(scope.config, scope.signal),
      version: "v2",
    });
    // On abort the LangChain runs close at once, before this run does (its iterator may still be
    // waiting on LangChain's next event, which the abort will reject later).
    const signal = scope.signal;
    const closeOnAbort = (): void => void relay.fail(new AbortError("The run was aborted"));
    signal?.addEventListener("abort", closeOnAbort, { once: true });
    try {
      const chunks = relayRootChunks(relay, mapped(events, fromLangChainValue), {
        reportCustomEvent: (name, data) => scope.reportCustomEvent(name, data),
        ending,
        stopped: () => new AbortError("The LangChain run was stopped before it ended"),
      });
      for await (const chunk of chunks) yield this.#out<C>(chunk);
    } finally {
      signal?.removeEventListener("abort", closeOnAbort);
    }
  }

  /** A LangChain value as Rivulet's; the type is the one the caller declared for this adapter. */
  #out<T>(value: unknown): T {
    return fromLangChainValue(value) as T;
  }
}

/**
 * {@link LangChainRunnableAdapter} as a function: `fromLangChain(runnable)`.
 *
 * @example
 * const agent = fromLangChain<{ messages: BaseMessageLike[] }, { messages: BaseMessage[] }>(langGraphAgent);
 */
export function fromLangChain<I = unknown, O = unknown, C = O>(
  runnable: LangChainRunnable,
  options: FromLangChainOptions = {},
): LangChainRunnableAdapter<I, O, C> {
  return new LangChainRunnableAdapter<I, O, C>(runnable, options);
}

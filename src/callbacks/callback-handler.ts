/** A description of the Runnable that started a run, as LangChain handlers receive it. */
export interface Serialized {
  lc: 1;
  type: "not_implemented";
  id: string[];
  name: string;
}

/** Which token of which generation a streamed token is. */
export interface NewTokenIndices {
  prompt: number;
  completion: number;
}

/** The output of an LLM or chat model run as handlers receive it. */
export interface LLMResult {
  generations: Array<Array<{ text: string; message?: unknown; generationInfo?: Record<string, unknown> }>>;
  llmOutput?: Record<string, unknown>;
}

/**
 * A callback handler with `@langchain/core`'s method names and argument order, so existing
 * handlers port by changing the import. Every method is optional. By default Rivulet calls
 * handlers without waiting for them (they must not slow the stream; `awaitAllCallbacks()`
 * waits for what they left running); set `awaitHandlers` to be awaited, and `raiseError` to make an error thrown by the handler fail the run. Without it, a
 * failure is logged as one line, as `@langchain/core` logs it
 * (`Error in handler MyHandler, handleLLMNewToken: Error: ...`), and the run goes on.
 *
 * @example
 * const logger: CallbackHandler = {
 *   name: "logger",
 *   handleChainStart: (_s, inputs, runId) => console.log("start", runId, inputs),
 * };
 * await chain.invoke(x, { callbacks: [logger] });
 */
export interface CallbackHandler {
  readonly name?: string;
  readonly awaitHandlers?: boolean;
  readonly raiseError?: boolean;
  readonly ignoreLLM?: boolean;
  readonly ignoreChain?: boolean;
  readonly ignoreRetriever?: boolean;
  readonly ignoreCustomEvent?: boolean;
  /** Skips the tool callbacks (`handleToolStart`, `handleToolEnd`, `handleToolError`, `handleToolEvent`). */
  readonly ignoreAgent?: boolean;

  handleChainStart?(
    chain: Serialized,
    inputs: Record<string, unknown>,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    runType?: string,
    runName?: string,
  ): unknown;
  handleChainEnd?(
    outputs: Record<string, unknown>,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    kwargs?: { inputs?: Record<string, unknown> },
  ): unknown;
  handleChainError?(
    err: unknown,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    kwargs?: { inputs?: Record<string, unknown> },
  ): unknown;
  handleLLMStart?(
    llm: Serialized,
    prompts: string[],
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    tags?: string[],
    metadata?: Record<string, unknown>,
    runName?: string,
  ): unknown;
  handleChatModelStart?(
    llm: Serialized,
    messages: unknown[][],
    runId: string,
    parentRunId?: string,
    extraParams?: Record<string, unknown>,
    tags?: string[],
    metadata?: Record<string, unknown>,
    runName?: string,
  ): unknown;
  handleLLMNewToken?(
    token: string,
    idx: NewTokenIndices,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    fields?: { chunk?: unknown },
  ): unknown;
  handleLLMEnd?(output: LLMResult, runId: string, parentRunId?: string, tags?: string[]): unknown;
  handleLLMError?(err: unknown, runId: string, parentRunId?: string, tags?: string[]): unknown;
  handleToolStart?(
    tool: Serialized,
    input: string,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    runName?: string,
    toolCallId?: string,
  ): unknown;
  handleToolEnd?(output: unknown, runId: string, parentRunId?: string, tags?: string[]): unknown;
  handleToolError?(err: unknown, runId: string, parentRunId?: string, tags?: string[]): unknown;
  /**
   * One partial result of a tool whose function is a generator: called once per yielded value,
   * before the tool ends with its `return` value.
   */
  handleToolEvent?(chunk: unknown, runId: string, parentRunId?: string, tags?: string[]): unknown;
  handleRetrieverStart?(
    retriever: Serialized,
    query: string,
    runId: string,
    parentRunId?: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
    name?: string,
  ): unknown;
  handleRetrieverEnd?(documents: unknown[], runId: string, parentRunId?: string, tags?: string[]): unknown;
  handleRetrieverError?(err: unknown, runId: string, parentRunId?: string, tags?: string[]): unknown;
  handleCustomEvent?(
    eventName: string,
    data: unknown,
    runId: string,
    tags?: string[],
    metadata?: Record<string, unknown>,
  ): unknown;
}

/** The callback methods of a handler (`handleChainStart`...), as `fromMethods` takes them. */
export type CallbackHandlerMethods = Pick<CallbackHandler, Extract<keyof CallbackHandler, `handle${string}`>>;

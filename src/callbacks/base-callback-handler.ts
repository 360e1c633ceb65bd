import { uuidv7 } from "../internal/uuid-v7.js";
import type { CallbackHandler, CallbackHandlerMethods } from "./callback-handler.js";

/** What {@link BaseCallbackHandler}'s constructor takes, with `@langchain/core`'s names. */
export interface BaseCallbackHandlerInput {
  ignoreLLM?: boolean | undefined;
  ignoreChain?: boolean | undefined;
  ignoreAgent?: boolean | undefined;
  ignoreRetriever?: boolean | undefined;
  ignoreCustomEvent?: boolean | undefined;
  /** An error thrown by the handler fails the run (and the handler is awaited). */
  raiseError?: boolean | undefined;
  /** Runs wait for this handler's promises (`awaitHandlers`). */
  _awaitHandler?: boolean | undefined;
}

/**
 * A convenient base class for handlers: extend it and implement the methods you need, or build
 * one from methods with {@link BaseCallbackHandler.fromMethods}. The constructor takes
 * `@langchain/core`'s options (`ignoreLLM`, `ignoreChain`, `ignoreAgent`, `ignoreRetriever`,
 * `ignoreCustomEvent`, `raiseError`, `_awaitHandler`); a subclass may also set the fields
 * directly (`override raiseError = true`).
 *
 * @example
 * class TokenPrinter extends BaseCallbackHandler {
 *   name = "token-printer";
 *   handleLLMNewToken(token: string) { process.stdout.write(token); }
 * }
 */
export abstract class BaseCallbackHandler implements CallbackHandler {
  abstract readonly name: string;
  readonly ignoreLLM: boolean = false;
  readonly ignoreChain: boolean = false;
  readonly ignoreAgent: boolean = false;
  readonly ignoreRetriever: boolean = false;
  readonly ignoreCustomEvent: boolean = false;
  readonly raiseError: boolean = false;
  readonly awaitHandlers: boolean = false;

  constructor(input: BaseCallbackHandlerInput = {}) {
    this.ignoreLLM = input.ignoreLLM ?? this.ignoreLLM;
    this.ignoreChain = input.ignoreChain ?? this.ignoreChain;
    this.ignoreAgent = input.ignoreAgent ?? this.ignoreAgent;
    this.ignoreRetriever = input.ignoreRetriever ?? this.ignoreRetriever;
    this.ignoreCustomEvent = input.ignoreCustomEvent ?? this.ignoreCustomEvent;
    this.raiseError = input.raiseError ?? this.raiseError;
    // A handler whose errors fail the run must be waited for, or its error would come too late.
    this.awaitHandlers = this.raiseError || (input._awaitHandler ?? this.awaitHandlers);
  }

  /**
   * A handler made of the given methods, as `@langchain/core` builds one: its `name` is a fresh
   * UUID, and it runs in the background like any handler that does not set `awaitHandlers`.
   *
   * @example
   * const tokens: string[] = [];
   * const handler = BaseCallbackHandler.fromMethods({ handleLLMNewToken: (token) => void tokens.push(token) });
   * await model.invoke("hi", { callbacks: [handler] });
   */
  static fromMethods(methods: CallbackHandlerMethods): BaseCallbackHandler & CallbackHandlerMethods {
    return new Handler(methods);
  }
}

/** The class behind `fromMethods` (named `Handler`, as failure reports name it in `@langchain/core`). */
class Handler extends BaseCallbackHandler {
  readonly name: string = uuidv7();

  constructor(methods: CallbackHandlerMethods) {
    super();
    Object.assign(this, methods);
  }
}

import type { CallbackHandler } from "../callbacks/callback-handler.js";
import { toLangChainValue } from "./lang-chain-values.js";

/** Where a LangChain handler method takes the run id (the parent id follows it). */
function runIdIndex(method: string): number | undefined {
  if (method === "handleCustomEvent") return 2;
  if (method.endsWith("Start") || method === "handleLLMNewToken" || method === "handleText") return 2;
  if (method.endsWith("End") || method.endsWith("Error") || method === "handleAgentAction") return 1;
  return undefined;
}

/** The flags a LangChain handler is read by (which calls it takes, whether runs wait for it). */
const FLAGS = [
  "name",
  "awaitHandlers",
  "raiseError",
  "ignoreLLM",
  "ignoreChain",
  "ignoreAgent",
  "ignoreRetriever",
  "ignoreCustomEvent",
];

/**
 * A LangChain callback handler (`@langchain/core`'s tracers, its `streamEvents` handler, a user's
 * `BaseCallbackHandler`) seen through Rivulet's callbacks while a Rivulet runnable runs inside a
 * LangChain run: Rivulet calls it with LangChain's argument shapes; this bridge hides the Rivulet
 * root run (the LangChain run `parentRunId` stands for it), re-parents the root's children under
 * that run, and converts values to `@langchain/core`'s classes (messages, documents, prompt values).
 */
export function bridgeLangChainHandler(handler: object, parentRunId: string): CallbackHandler {
  let rootId: string | undefined;
  const bridged: Record<string, unknown> = {};
  for (const flag of FLAGS) {
    const value: unknown = Reflect.get(handler, flag);
    if (value !== undefined) bridged[flag] = value;
  }
  const methods = new Set<string>();
  for (
    let prototype: object | null = handler;
    prototype !== null && prototype !== Object.prototype;
    prototype = Object.getPrototypeOf(prototype)
  ) {
    for (const key of Object.getOwnPropertyNames(prototype)) if (key.startsWith("handle")) methods.add(key);
  }
  for (const method of methods) {
    const target: unknown = Reflect.get(handler, method);
    const index = runIdIndex(method);
    if (typeof target !== "function" || index === undefined) continue;
    bridged[method] = (...args: unknown[]) => {
      const runId = args[index];
      if (method === "handleCustomEvent") {
        if (runId === rootId) args[index] = parentRunId;
      } else {
        const parent = args[index + 1];
        if (
          rootId === undefined &&
          method.endsWith("Start") &&
          parent === undefined &&
          typeof runId === "string"
        )
          rootId = runId;
        if (runId === rootId) return undefined; // the root is the LangChain run itself
        if (parent === rootId) args[index + 1] = parentRunId;
      }
      return Reflect.apply(
        target,
        handler,
        args.map((arg, position) =>
          position === index || position === index + 1 ? arg : toLangChainValue(arg),
        ),
      );
    };
  }
  return bridged;
}

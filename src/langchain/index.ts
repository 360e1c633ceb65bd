// rivulet/langchain: interop with @langchain/core, loaded only from here (docs/interop.md).
import "./install-lang-smith.js";

export { type FromLangChainOptions, fromLangChain, LangChainRunnableAdapter } from "./from-lang-chain.js";
export { fromLangChainTool, LangChainToolAdapter } from "./from-lang-chain-tool.js";

export { fromLangChainDocuments, toLangChainDocuments } from "./lang-chain-documents.js";
export {
  fromLangChainMessage,
  fromLangChainMessages,
  toLangChainMessage,
  toLangChainMessages,
} from "./lang-chain-messages.js";
export { fromLangChainValue, toLangChainValue } from "./lang-chain-values.js";
export {
  flushLangSmith,
  type LangSmithTracing,
  type LangSmithTracingOptions,
  langSmithTracer,
  langSmithTracingEnabled,
  registerLangSmith,
  registerLangSmithFromEnvironment,
} from "./lang-smith-tracing.js";
export { RivuletRunnableAdapter, toLangChain } from "./to-lang-chain.js";
export { RivuletChatModelAdapter, toLangChainChatModel } from "./to-lang-chain-chat-model.js";
export { toLangChainTool } from "./to-lang-chain-tool.js";

// Importing rivulet/langchain traces to LangSmith when the environment says so, as LangChain
// does: an application that sets LANGSMITH_TRACING=true for its LangChain code gets its Rivulet
// runs traced too, without a line of setup.
import { registerLangSmithFromEnvironment } from "./lang-smith-tracing.js";

registerLangSmithFromEnvironment();

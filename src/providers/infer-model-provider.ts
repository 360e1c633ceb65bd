/** The providers Rivulet ships (`rivulet/providers/<name>`). */
export const KNOWN_PROVIDERS = ["openai", "anthropic", "ollama"] as const;

/** A provider Rivulet ships. */
export type KnownProvider = (typeof KNOWN_PROVIDERS)[number];

/** Providers LangChain knows that Rivulet does not ship: named in errors rather than read as model names. */
const OTHER_LANGCHAIN_PROVIDERS = new Set([
  "azure_openai",
  "bedrock",
  "cerebras",
  "cohere",
  "deepseek",
  "fireworks",
  "google-genai",
  "google-vertexai",
  "groq",
  "mistralai",
  "perplexity",
  "together",
  "xai",
]);

/**
 * Model-name prefixes and the provider they mean, first match wins. Open-weight families
 * (Llama, Mistral, Qwen, Gemma, Phi, DeepSeek, gpt-oss...) are taken to run locally on Ollama;
 * name the provider to reach them elsewhere (`openai:` with a `baseURL` for vLLM).
 */
const PREFIX_RULES: ReadonlyArray<readonly [RegExp, KnownProvider]> = [
  [/^gpt-oss/, "ollama"],
  [/^(gpt-|o1|o3|o4|chatgpt-|text-davinci|davinci-|babbage-)/, "openai"],
  [/^claude/, "anthropic"],
  [
    /^(llama|codellama|llava|mistral|mixtral|codestral|qwen|qwq|gemma|codegemma|phi|deepseek|granite|smollm|tinyllama|starcoder|olmo|command-r|nemotron|dolphin|hermes|nous-hermes)/,
    "ollama",
  ],
];

/** Whether a name is a provider Rivulet ships. */
export function isKnownProvider(name: string): name is KnownProvider {
  return (KNOWN_PROVIDERS as readonly string[]).includes(name);
}

/** Whether a name is a provider LangChain has and Rivulet does not. */
export function isOtherLangChainProvider(name: string): boolean {
  return OTHER_LANGCHAIN_PROVIDERS.has(name);
}

/** The provider a model name implies by its prefix (`gpt-4o` → openai), or undefined. */
export function inferModelProvider(model: string): KnownProvider | undefined {
  const name = model.toLowerCase();
  return PREFIX_RULES.find(([pattern]) => pattern.test(name))?.[1];
}

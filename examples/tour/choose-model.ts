import type { BaseChatModel } from "rivulet";
import type { DelayFn } from "rivulet/testing";
import { ScriptedChatModel } from "./scripted-chat-model.js";
import { TOUR_SCRIPTS } from "./scripts.js";

/** The model the tour runs on, and a label saying which one. */
export interface ChosenModel {
  model: BaseChatModel;
  label: string;
}

const realDelay: DelayFn = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The offline model: the seed's questions answered with canned text, streamed word by word. */
export function offlineModel(fast: boolean): ChosenModel {
  const model = new ScriptedChatModel({ scripts: TOUR_SCRIPTS, delayMs: fast ? 0 : 25, delay: realDelay });
  return {
    model,
    label:
      "the offline model (canned answers; set OPENAI_API_KEY, ANTHROPIC_API_KEY or OLLAMA_HOST for a real one)",
  };
}

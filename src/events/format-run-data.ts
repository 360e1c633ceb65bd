import type { Run } from "../callbacks/run.js";

/**
 * A run's input as nested events show it: as its Runnable presents it (chat models
 * `{ messages: [[...]] }`, LLMs `{ prompts: [...] }`, retrievers `{ query }`), else as given.
 */
export function formatInput(run: Run): unknown {
  const present = run.presentation?.input;
  return present === undefined ? run.input : present(run.input);
}

/** A run's output as events show it: as its Runnable presents it (LLM text as generations), else as given. */
export function formatOutput(run: Run): unknown {
  const present = run.presentation?.output;
  return present === undefined ? run.output : present(run.output);
}

/** One output chunk as stream events show it: as its Runnable presents it (LLM text as a `GenerationChunk`), else as given. */
export function formatChunk(run: Run, chunk: unknown): unknown {
  const present = run.presentation?.chunk;
  return present === undefined ? chunk : present(chunk);
}

import { toRunnableSchema } from "../schema/runnable-schema.js";
import { coerceToRunnable } from "./coerce.js";
import { installFactories } from "./factories.js";
import type { Runnable } from "./runnable.js";
import { RunnableBinding } from "./runnable-binding.js";
import { RunnableEach } from "./runnable-each.js";
import { RunnablePassthrough } from "./runnable-passthrough.js";
import { RunnableRetry } from "./runnable-retry.js";
import { flattenSteps, RunnableSequence } from "./runnable-sequence.js";
import type { RunnableTypes } from "./runnable-types.js";
import { RunnableWithFallbacks } from "./runnable-with-fallbacks.js";
import { RunnableWithListeners } from "./runnable-with-listeners.js";

// Runnable's methods (`pipe`, `withConfig`...) build subclasses of Runnable. Importing them
// from runnable.ts would be an import cycle, so the package entry installs them here.
installFactories({
  sequence: (first, next) => new RunnableSequence({ steps: flattenSteps([first, next]) }),
  coerce: coerceToRunnable,
  binding: (bound, config) => new RunnableBinding({ bound, config }),
  typed: <I, O, C>(bound: Runnable<never, unknown, unknown>, types: RunnableTypes) =>
    new RunnableBinding({
      // The caller's types replace the bound runnable's: what `withTypes` promises.
      bound: bound as unknown as Runnable<I, O, C>,
      config: {},
      inputSchema: types.input === undefined ? undefined : toRunnableSchema(types.input, "input"),
      outputSchema: types.output === undefined ? undefined : toRunnableSchema(types.output, "output"),
    }),
  retry: (bound, options) => new RunnableRetry(bound, options),
  fallbacks: (primary, options) => new RunnableWithFallbacks(primary, options),
  assign: (mapping) => RunnablePassthrough.assign(mapping),
  pick: (keys) => RunnablePassthrough.pick(keys),
  each: (bound) => new RunnableEach({ bound }),
  withListeners: (bound, listeners) => new RunnableWithListeners({ bound, listeners }),
});

import { mergeConfigs, validateConfig } from "../config/merge-configs.js";
import type { RunnableConfig } from "../config/runnable-config.js";
import type { RunnableCore } from "../engine/runnable-core.js";
import type { RunnableSchema } from "../schema/runnable-schema.js";
import type { Aggregator } from "../streams/aggregator.js";
import { Runnable } from "./runnable.js";

/**
 * A runnable with config bound to it (`withConfig`). It is not a run of its own: each call runs
 * the bound runnable with the bound config merged under the call's (tags union, metadata
 * merged, `runName` naming that one run). `withTypes` builds one with schemas of its own, which
 * `getInputSchema()`/`getOutputSchema()` answer instead of the bound runnable's.
 *
 * @example
 * const parser = new JsonOutputParser().withConfig({ runName: "my_parser", tags: ["json"] });
 */
export class RunnableBinding<I = unknown, O = unknown, C = O> extends Runnable<I, O, C> {
  readonly bound: Runnable<I, O, C>;
  readonly config: RunnableConfig;
  readonly #inputSchema: RunnableSchema | undefined;
  readonly #outputSchema: RunnableSchema | undefined;

  constructor(fields: {
    bound: Runnable<I, O, C>;
    config: RunnableConfig;
    inputSchema?: RunnableSchema | undefined;
    outputSchema?: RunnableSchema | undefined;
  }) {
    super();
    // Checked here, not at the call: a bound config never goes through the call's checks.
    validateConfig(fields.config);
    this.bound = fields.bound;
    this.config = fields.config;
    this.#inputSchema = fields.inputSchema;
    this.#outputSchema = fields.outputSchema;
  }

  override getInputSchema(): RunnableSchema | undefined {
    return this.#inputSchema ?? this.bound.getInputSchema();
  }

  override getOutputSchema(): RunnableSchema | undefined {
    return this.#outputSchema ?? this.bound.getOutputSchema();
  }

  /** The bound runnable's name, as in `@langchain/core`: `runName` names the run, not the binding. */
  override getName(suffix?: string): string {
    return this.bound.getName(suffix);
  }

  override get runType() {
    return this.bound.runType;
  }

  /** @internal */
  override resolveBinding(config: RunnableConfig): [RunnableCore<I, O, C>, RunnableConfig] {
    return [this.bound, mergeConfigs(this.config, config)];
  }

  override createAggregator(): Aggregator<C, O> {
    return this.bound.createAggregator();
  }

  override withConfig(config: RunnableConfig): Runnable<I, O, C> {
    return new RunnableBinding({
      bound: this.bound,
      config: mergeConfigs(this.config, config),
      inputSchema: this.#inputSchema,
      outputSchema: this.#outputSchema,
    });
  }
}

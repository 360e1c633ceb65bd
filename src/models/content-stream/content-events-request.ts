import type { RunnableConfig } from "../../config/runnable-config.js";
import { StreamEventWriter } from "./stream-event-writer.js";

/** The call-option key that asks a provider for its native content-block events. */
const CONTENT_EVENTS = Symbol("rivulet.contentBlockEvents");

/**
 * The call options with native content-block events asked for: a version-less
 * `model.streamEvents(input)` passes them, so only that call pays for building the events
 * (every other call's decoder skips them). A symbol key: never sent to a provider, and kept by
 * config merges as other keys are.
 */
export function requestContentEvents(options: RunnableConfig | undefined): RunnableConfig {
  const requested: RunnableConfig = { ...options };
  Reflect.set(requested, CONTENT_EVENTS, true);
  return requested;
}

/**
 * A writer for a provider's decoder when the call asked for content-block events (see
 * `requestContentEvents`), else undefined: the decoder then builds none.
 *
 * @example
 * yield* transport.stream(request, signal, (response) => decodeStream(response, { writer: contentEventWriter(options) }));
 */
export function contentEventWriter(options: object): StreamEventWriter | undefined {
  return CONTENT_EVENTS in options && options[CONTENT_EVENTS] === true ? new StreamEventWriter() : undefined;
}

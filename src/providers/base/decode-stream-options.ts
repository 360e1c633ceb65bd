import type { StreamEventWriter } from "../../models/content-stream/stream-event-writer.js";

/** What a provider's stream decoder takes besides the response. */
export interface DecodeStreamOptions {
  /**
   * Where to write the response's native content-block events, attached to the chunks; only
   * when the call asked for them (a version-less `model.streamEvents(input)`): without one the
   * decoder builds no events.
   */
  writer?: StreamEventWriter | undefined;
}

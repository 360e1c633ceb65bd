import type { TourSection } from "../tour-context.js";
import { agent } from "./agent.js";
import { chains } from "./chains.js";
import { contentBlocks } from "./content-blocks.js";
import { filteringEvents } from "./filtering-events.js";
import { generators } from "./generators.js";
import { nonStreamingComponents } from "./non-streaming-components.js";
import { nonStreamingEvents } from "./non-streaming-events.js";
import { propagatingCallbacks } from "./propagating-callbacks.js";
import { streamEvents } from "./stream-events.js";
import { streamingJson } from "./streaming-json.js";
import { usingStream } from "./using-stream.js";

/** The tour's sections, in the seed guide's order, then content-block streaming and agents (newer than the guide). */
export const SECTIONS: readonly TourSection[] = [
  usingStream,
  chains,
  streamingJson,
  generators,
  nonStreamingComponents,
  streamEvents,
  filteringEvents,
  nonStreamingEvents,
  propagatingCallbacks,
  contentBlocks,
  agent,
];

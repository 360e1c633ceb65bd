import { installFactories } from "../runnables/factories.js";
import { streamEvents } from "./stream-events.js";
import { streamLog } from "./stream-log.js";

// Runnable.streamEvents lives here, one layer above the runnables it observes.
installFactories({
  streamEvents: (runnable, input, options, filters) => streamEvents(runnable, input, options, filters),
  streamLog: (runnable, input, config, options) => streamLog(runnable, input, config, options),
});

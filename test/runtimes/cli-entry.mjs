// The entry for runtimes started from a command line (Node, Bun, Deno): all of them have
// AsyncLocalStorage, so implicit propagation is expected. Prints one JSON line for the runner.
import { runConformance } from "./conformance.mjs";

const result = await runConformance({ expectImplicitPropagation: true });
console.log(`RIVULET_CONFORMANCE ${JSON.stringify(result)}`);

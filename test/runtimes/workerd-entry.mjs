// The entry for Cloudflare's workerd: a module worker whose test handler (`workerd test` calls
// it once) runs the suite and logs one JSON line for the runner. The runner configures two
// workers, with and without Node compatibility; the binding EXPECT_IMPLICIT_PROPAGATION says
// which (AsyncLocalStorage, through process.getBuiltinModule, comes only with it).
import { runConformance } from "./conformance.mjs";

export default {
  async test(_controller, env) {
    const expectImplicitPropagation = env.EXPECT_IMPLICIT_PROPAGATION === "true";
    const result = await runConformance({ expectImplicitPropagation });
    console.log(`RIVULET_CONFORMANCE ${JSON.stringify(result)}`);
  },
};

// The serve entry for Cloudflare's workerd: a module worker whose default export is the bundled
// handler's fetch, as docs/serving.md's Workers recipe has it. The runner binds it to a loopback
// socket (`workerd serve`) and makes real HTTP requests (serve-checks.mjs).
import { serveApp } from "./serve-app.mjs";

const app = serveApp();

export default { fetch: app.fetch };

// Empties dist/ before a build: tsc only adds and overwrites, so the declarations and scripts of
// moved or deleted modules would stay in dist/src and ship with the package (check-package.mjs
// fails on such orphans).
import { rm } from "node:fs/promises";

await rm(new URL("../dist", import.meta.url), { recursive: true, force: true });

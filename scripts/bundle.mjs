// Builds dist/bundle from rolldown.config.mjs quietly (the CLI prints a size table on every
// `npm start`); failures still print and exit non-zero. The output folder is emptied first:
// chunk names carry content hashes, so stale chunks from earlier builds would pile up.
import { rm } from "node:fs/promises";
import { build } from "rolldown";
import config from "../rolldown.config.mjs";

await rm(new URL("../dist/bundle", import.meta.url), { recursive: true, force: true });
await build(config);

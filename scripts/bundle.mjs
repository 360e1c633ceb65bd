// Builds dist/bundle from rolldown.config.mjs quietly (the CLI prints a size table on every
// `npm start`); failures still print and exit non-zero.
import { build } from "rolldown";
import config from "../rolldown.config.mjs";

await build(config);

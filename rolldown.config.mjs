// One bundled ES module per public entry point, sharing chunks (so `rivulet` and
// `rivulet/testing` load the same classes). Cold import time is dominated by how many modules
// Node loads (179 unbundled), not by our code. Types still come from tsc (dist/src/**/*.d.ts).
import { defineConfig } from "rolldown";

export default defineConfig({
  input: {
    index: "src/index.ts",
    testing: "src/testing/index.ts",
    providers: "src/providers/index.ts",
    "providers-openai": "src/providers/openai/index.ts",
    "providers-anthropic": "src/providers/anthropic/index.ts",
    "providers-ollama": "src/providers/ollama/index.ts",
    serve: "src/serve/index.ts",
    remote: "src/remote/index.ts",
  },
  platform: "node",
  resolve: { extensionAlias: { ".js": [".ts", ".js"] } },
  external: [/^node:/, /^@electric-sql\//, "zod"],
  output: {
    dir: "dist/bundle",
    format: "esm",
    entryFileNames: "[name].js",
    chunkFileNames: "chunks/[name]-[hash].js",
    sourcemap: true,
  },
});

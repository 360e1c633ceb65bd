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
    agents: "src/agents/index.ts",
    runs: "src/runs/index.ts",
    ui: "src/ui/index.ts",
    serve: "src/serve/index.ts",
    remote: "src/remote/index.ts",
    langchain: "src/langchain/index.ts",
    otel: "src/otel/index.ts",
  },
  platform: "node",
  resolve: { extensionAlias: { ".js": [".ts", ".js"] } },
  external: [/^node:/, /^@electric-sql\//, "zod", /^@langchain\//, /^@opentelemetry\//, /^langsmith(\/|$)/],
  output: {
    dir: "dist/bundle",
    format: "esm",
    entryFileNames: "[name].js",
    chunkFileNames: "chunks/[name]-[hash].js",
    sourcemap: true,
  },
});

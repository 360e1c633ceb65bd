import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import {
  checkLayers,
  parseLayers,
  parseTypeOnlyAllowances,
  type SourceFile,
} from "./support/check-layers.js";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");
const architecture = readFileSync(join(root, "docs/architecture.md"), "utf8");
const layers = parseLayers(architecture);
const allowances = parseTypeOnlyAllowances(architecture);

/** Library sources: tests and test support may import anything (they are not shipped). */
function sources(directory: string): SourceFile[] {
  const files: SourceFile[] = [];
  for (const entry of readdirSync(directory, { withFileTypes: true })) {
    const path = join(directory, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "test-support" && entry.name !== "fixtures") files.push(...sources(path));
    } else if (entry.name.endsWith(".ts") && !/\.test(-d)?\.ts$/.test(entry.name)) {
      files.push({ path: relative(root, path), text: readFileSync(path, "utf8") });
    }
  }
  return files;
}

describe("the layer rule of docs/architecture.md", () => {
  it("reads the table: every folder under src/ belongs to exactly one layer", () => {
    const listed = layers.flatMap((layer) => layer.folders);
    const folders = readdirSync(join(root, "src"), { withFileTypes: true })
      .filter((entry) => entry.isDirectory())
      .map((entry) => entry.name);
    expect([...listed].sort()).toEqual([...folders].sort());
    expect(new Set(listed).size).toBe(listed.length);
    expect(allowances).toEqual([
      { from: "src/runnables/", to: "src/events/observation-types.ts" },
      { from: "src/events/", to: "src/messages/" },
      { from: "src/runnables/", to: "src/tools/runnable-tool-like.ts" },
    ]);
  });

  it("holds for every import under src/", () => {
    expect(checkLayers(layers, allowances, sources(join(root, "src")))).toEqual([]);
  });

  it("fails on an import that points down, and on a value import where only types are allowed", () => {
    const files: SourceFile[] = [
      { path: "src/callbacks/bad.ts", text: 'import { ensureConfig } from "../config/ensure-config.js";\n' },
      {
        path: "src/events/ok.ts",
        text: 'import type { AIMessageChunk } from "../messages/ai-message-chunk.js";\n',
      },
      {
        path: "src/events/bad.ts",
        text: 'import { toChatMessages } from "../messages/to-chat-messages.js";\n',
      },
      {
        path: "src/runnables/bad.ts",
        text: 'import {\n  type StreamEvent,\n  streamEvents,\n} from "../events/stream-events.js";\n',
      },
      {
        path: "src/runnables/ok.ts",
        text: 'import type { StreamEvent } from "../events/observation-types.js";\n',
      },
      { path: "src/messages/ok.ts", text: 'export { concat } from "../streams/concat.js";\n' },
    ];
    expect(checkLayers(layers, allowances, files).map((violation) => violation.file)).toEqual([
      "src/callbacks/bad.ts",
      "src/events/bad.ts",
      "src/runnables/bad.ts",
    ]);
  });
});

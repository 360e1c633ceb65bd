import { defineConfig } from "vitest/config";

// Tests import the public package name ("rivulet") and run against the sources: the
// "@rivulet/source" export condition points at src/*.ts. It is scoped so that a consumer whose
// build enables the generic "source" condition still gets the built files.
export default defineConfig({
  resolve: { conditions: ["@rivulet/source"] },
  ssr: { resolve: { conditions: ["@rivulet/source"] } },
  test: {
    include: ["src/**/*.test.ts", "test/**/*.test.ts", "examples/**/*.test.ts"],
    typecheck: {
      enabled: true,
      include: ["src/**/*.test-d.ts", "test/**/*.test-d.ts"],
      tsconfig: "./tsconfig.json",
    },
    testTimeout: 20000,
  },
});

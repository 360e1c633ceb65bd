import { describe, expect, it } from "vitest";
import { countCasts, countCastsInText } from "../scripts/count-casts.mjs";

// Casts assert what the compiler could not check; the shipped code builds its values typed
// instead (CONTRIBUTING.md). The budget is a ceiling, not a target: lower it as casts go.
const castsPerThousandLinesBudget = 7;

describe("type casts in src/", () => {
  it(`stay under ${castsPerThousandLinesBudget} per 1,000 lines of shipped code`, () => {
    const { casts, lines, perThousandLines, files } = countCasts("src");
    const worst = [...files]
      .sort((a, b) => b.casts - a.casts)
      .slice(0, 5)
      .map((file) => `${file.path}: ${file.casts}`)
      .join(", ");
    expect(
      perThousandLines,
      `${casts} casts in ${lines} lines (${perThousandLines.toFixed(2)} per 1,000); most in ${worst}`,
    ).toBeLessThan(castsPerThousandLinesBudget);
  });

  it("counts `as T` and `<T>x`, not `as const` or `satisfies`", () => {
    const text = [
      "const a = value as string;",
      "const b = <number>other;",
      "const c = input as unknown as Output;",
      'const d = ["x"] as const;',
      "const e = { x: 1 } satisfies object;",
    ].join("\n");
    expect(countCastsInText("sample.ts", text)).toBe(4);
  });

  it("leaves tests and test support out", () => {
    const paths = countCasts("src").files.map((file) => file.path);
    expect(paths.length).toBeGreaterThan(0);
    expect(paths.filter((path) => /\.test(-d)?\.ts$|\/test-support\//.test(path))).toEqual([]);
  });
});

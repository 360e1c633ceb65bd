import { RunnableLambda } from "rivulet";
import { serve } from "rivulet/serve";
import { describe, expect, it } from "vitest";
import { buildRouteTable, matchRoute } from "./route-table.js";

const echo = RunnableLambda.from((x: unknown) => x);

describe("serve: options are checked when the server is built", () => {
  it.each([
    [{ maxBodyBytes: 0 }, /maxBodyBytes/],
    [{ maxJsonDepth: 1.5 }, /maxJsonDepth/],
    [{ prefix: "/a b" }, /prefix/],
    [{ cors: { origin: "*", credentials: true } }, /credentials/],
    [{ configKeys: ["signal"] }, /never come from the wire/],
    [{ heartbeat: { intervalMs: 0 } }, /intervalMs/],
  ] as const)("%j", (options, message) => {
    expect(() => serve(echo, options)).toThrow(message);
  });

  it("refuses routes that are not Runnables, bad paths and duplicates", () => {
    expect(() => serve({ "/a": (() => 1) as never })).toThrow(/must be a Runnable/);
    expect(() => serve({ "/a?x": echo })).toThrow(/not a URL path/);
    expect(() => serve({ "/a": echo, "a/": echo })).toThrow(/given twice/);
    expect(() => serve({})).toThrow(/names no Runnable/);
  });
});

describe("matchRoute", () => {
  const table = buildRouteTable({ "/": echo, "/a": echo, "/a/b": echo });

  it("matches the longest base path and one route segment after it", () => {
    expect(matchRoute(table, "/a/b/invoke")).toMatchObject({ served: { basePath: "/a/b" }, route: "invoke" });
    expect(matchRoute(table, "/a/stream")).toMatchObject({ served: { basePath: "/a" }, route: "stream" });
    expect(matchRoute(table, "/batch")).toMatchObject({ served: { basePath: "" }, route: "batch" });
    expect(matchRoute(table, "/a/")).toBeUndefined();
  });
});

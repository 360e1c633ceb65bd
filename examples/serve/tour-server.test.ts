import { listen } from "rivulet/serve";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { offlineModel } from "../tour/choose-model.js";
import { playgroundUrl, routeLines, type TourServer, tourServer } from "./tour-server.js";

describe("npm run serve: the tour's chains over HTTP", () => {
  let served: TourServer;
  let server: Awaited<ReturnType<typeof listen>>;

  beforeAll(async () => {
    served = await tourServer(offlineModel(true).model);
    server = await listen(served.app, { port: 0, host: "127.0.0.1" });
  });
  afterAll(() => server?.close());

  it("prints one playground link per route, with the example input in the hash", () => {
    const lines = routeLines(server.url, served.routes);
    expect(served.routes.map((route) => route.path)).toEqual([
      "/chat",
      "/joke",
      "/countries",
      "/country-names",
      "/retrieval",
    ]);
    for (const [index, route] of served.routes.entries()) {
      const link = playgroundUrl(server.url, route);
      expect(lines[index]).toContain(link);
      const hash = new URL(link).hash.slice(1);
      expect(JSON.parse(decodeURIComponent(hash))).toEqual({ input: route.example });
    }
  });

  it("every printed playground answers the page", async () => {
    for (const route of served.routes) {
      const response = await fetch(playgroundUrl(server.url, route));
      expect(response.status).toBe(200);
      expect(await response.text()).toContain('id="run"');
    }
  });

  it("every route answers invoke on its example with the tour's canned answer", async () => {
    const outputs: Record<string, unknown> = {};
    for (const route of served.routes) {
      const response = await fetch(`${server.url}${route.path}/invoke`, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ input: route.example }),
      });
      expect(response.status, route.path).toBe(200);
      const body: unknown = await response.json();
      expect(body).toMatchObject({ metadata: { run_id: expect.any(String) } });
      outputs[route.path] = Reflect.get(Object(body), "output");
    }
    expect(outputs["/chat"]).toMatchObject({ content: expect.stringContaining("Polar bears") });
    expect(outputs["/joke"]).toContain("parrot");
    expect(outputs["/countries"]).toEqual({
      countries: [
        { name: "France", population: 67391582 },
        { name: "Spain", population: 47615034 },
        { name: "Japan", population: 125681593 },
      ],
    });
    expect(outputs["/country-names"]).toBe("FranceSpainJapan");
    expect(outputs["/retrieval"]).toContain("Kensho");
  });
});

// The Next.js route handler recipe: a route module exporting POST/GET/OPTIONS that call
// app.fetch(request). Next is not installed, so the exported functions are called with Requests,
// as the App Router calls them for /api/... (a catch-all route keeps the full path in the URL).
import { describe, expect, it } from "vitest";
import {
  ANSWER,
  EXPECTED_STREAM_EVENTS,
  JOKE_BODY,
  readStreamEvents,
} from "./test-support/mount-fixtures.js";
import { GET, OPTIONS, POST } from "./test-support/next-route.js";

const origin = "https://example.test";

function request(path: string, init: RequestInit = {}): Request {
  return new Request(`${origin}${path}`, init);
}

describe("Next.js route handler: app/api/[...path]/route.ts", () => {
  it("POST invoke answers the output", async () => {
    const response = await POST(request("/api/joke/invoke", { method: "POST", body: JOKE_BODY }));
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ output: ANSWER });
  });

  it("POST stream_events streams the v2 events as SSE frames", async () => {
    const response = await POST(request("/api/joke/stream_events", { method: "POST", body: JOKE_BODY }));
    expect(await readStreamEvents(response)).toEqual(EXPECTED_STREAM_EVENTS);
  });

  it("GET input_schema answers JSON Schema; GET of a POST route is 405", async () => {
    const schema = await GET(request("/api/joke/input_schema"));
    expect(schema.status).toBe(200);
    expect(schema.headers.get("content-type")).toContain("application/json");
    // Its content is the schemas' business (docs/serving.md, Schemas); here: a JSON object.
    expect(typeof (await schema.json())).toBe("object");
    const wrong = await GET(request("/api/joke/invoke"));
    expect(wrong.status).toBe(405);
  });

  it("OPTIONS answers a preflight without running anything", async () => {
    const response = await OPTIONS(request("/api/joke/invoke", { method: "OPTIONS" }));
    expect(response.status).toBeLessThan(300);
    expect(response.headers.get("allow")).toBe("POST, OPTIONS");
  });

  it("a path outside the prefix is 404", async () => {
    const response = await POST(request("/joke/invoke", { method: "POST", body: JOKE_BODY }));
    expect(response.status).toBe(404);
  });
});

import type { ServeApp } from "../serve.js";

/** A POST with a JSON body (or raw text) to `path` on a test origin. */
export function post(
  app: ServeApp,
  path: string,
  body: unknown,
  headers: Record<string, string> = {},
): Promise<Response> {
  const text = typeof body === "string" ? body : JSON.stringify(body);
  return app.fetch(new Request(`http://test${path}`, { method: "POST", body: text, headers }));
}

/** A GET of `path` on a test origin. */
export function get(app: ServeApp, path: string, headers: Record<string, string> = {}): Promise<Response> {
  return app.fetch(new Request(`http://test${path}`, { headers }));
}

/** The SSE frames of a body as `[event, data]` pairs (data undefined for a frame without data). */
export function frames(text: string): Array<[string, unknown]> {
  return text
    .split("\n\n")
    .filter((frame) => frame !== "" && !frame.startsWith(":"))
    .map((frame) => {
      const lines = frame.split("\n");
      const event = lines.find((line) => line.startsWith("event: "))?.slice(7) ?? "message";
      const data = lines.find((line) => line.startsWith("data: "))?.slice(6);
      return [event, data === undefined ? undefined : JSON.parse(data)];
    });
}

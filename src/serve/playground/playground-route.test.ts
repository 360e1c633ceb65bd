import { ChatPromptTemplate, RunnableLambda } from "rivulet";
import { serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { get, post } from "../test-support/requests.js";
import { escapeHtml } from "./escape-html.js";
import { playgroundPolicy } from "./playground-route.js";
import { PLAYGROUND_SCRIPT } from "./playground-script.js";
import { PLAYGROUND_STYLE } from "./playground-style.js";

const chain = ChatPromptTemplate.fromTemplate("tell me about {topic}").pipe(
  new FakeListChatModel({ responses: ["ok"] }),
);

async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text));
  return Buffer.from(digest).toString("base64");
}

describe("GET <route>/playground/", () => {
  const app = serve({ "/joke": chain });

  it.each(["/joke/playground/", "/joke/playground"])("%s answers the page as HTML", async (path) => {
    const response = await get(app, path);
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    const html = await response.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    expect(html).toContain('id="run"');
    expect(html).toContain(`<script>${PLAYGROUND_SCRIPT}</script>`);
  });

  it("sends a CSP that allows its inline script and style by hash, and no unsafe-inline", async () => {
    const response = await get(app, "/joke/playground/");
    const csp = response.headers.get("content-security-policy") ?? "";
    expect(csp).toBe(await playgroundPolicy());
    expect(csp).toContain(`script-src 'sha256-${await sha256(PLAYGROUND_SCRIPT)}'`);
    expect(csp).toContain(`style-src 'sha256-${await sha256(PLAYGROUND_STYLE)}'`);
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(csp).not.toContain("unsafe");
  });

  it("answers HEAD with the headers and no body", async () => {
    const response = await app.fetch(new Request("http://test/joke/playground/", { method: "HEAD" }));
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/html; charset=utf-8");
    expect(await response.text()).toBe("");
  });

  it.each(["POST", "PUT", "DELETE"])("%s is 405 with Allow", async (method) => {
    const response = await app.fetch(new Request("http://test/joke/playground/", { method, body: "{}" }));
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD, OPTIONS");
  });

  it("is 404 everywhere with playground: false", async () => {
    const off = serve({ "/joke": chain }, { playground: false });
    for (const path of ["/joke/playground/", "/joke/playground"]) {
      expect((await get(off, path)).status).toBe(404);
      expect((await post(off, path, {})).status).toBe(404);
    }
    expect((await get(off, "/joke/input_schema")).status).toBe(200);
  });

  it("refuses a playground option that is not a boolean", () => {
    expect(() => serve(chain, { playground: JSON.parse('"no"') })).toThrow(
      /`playground` must be true or false/,
    );
  });

  it("serves one page per base path, under a prefix and at the root", async () => {
    const two = serve({ "/a": chain, "/a/b": chain }, { prefix: "/api" });
    expect((await get(two, "/api/a/playground/")).status).toBe(200);
    expect((await get(two, "/api/a/b/playground/")).status).toBe(200);
    expect((await get(two, "/a/playground/")).status).toBe(404);
    expect((await get(serve(chain), "/playground/")).status).toBe(200);
    expect((await get(app, "/joke/playground/x")).status).toBe(404);
  });

  it("writes a hostile runnable name as text, never as markup", async () => {
    const name = `</title><script>alert("x")</script><img src=x onerror='y'>`;
    const identity = (x: unknown) => x;
    Object.defineProperty(identity, "name", { value: name });
    const named = RunnableLambda.from(identity);
    const html = await (await get(serve({ "/evil": named }), "/evil/playground/")).text();
    expect(html).not.toContain("<script>alert");
    expect(html).not.toContain("<img");
    expect(html).toContain(escapeHtml(name));
    expect(html.match(/<script>/g)).toHaveLength(1);
  });

  it("is titled with a bound runName (the run tree's root name), else the Runnable's name", async () => {
    const named = serve({ "/a": chain.withConfig({ runName: "jokes" }), "/b": chain });
    expect(await (await get(named, "/a/playground/")).text()).toContain(
      "<title>jokes · Rivulet playground</title>",
    );
    expect(await (await get(named, "/b/playground/")).text()).toContain(
      "<title>RunnableSequence · Rivulet playground</title>",
    );
  });

  it("declares an inline icon, so a browser asks for no /favicon.ico (a 404 outside the routes)", async () => {
    const html = await (await get(app, "/joke/playground/")).text();
    expect(html).toContain('<link rel="icon" href="data:,">');
    expect(await playgroundPolicy()).toContain("img-src 'self' data:");
  });

  it("the inline sources cannot end their own element early", () => {
    expect(PLAYGROUND_SCRIPT.toLowerCase()).not.toContain("</script");
    expect(PLAYGROUND_STYLE.toLowerCase()).not.toContain("</style");
    expect(PLAYGROUND_SCRIPT).not.toContain("innerHTML");
  });
});

describe("escapeHtml", () => {
  it("escapes the five characters that end markup", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

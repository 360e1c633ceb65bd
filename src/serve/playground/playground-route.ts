import type { Runnable } from "../../runnables/runnable.js";
import { RunnableBinding } from "../../runnables/runnable-binding.js";
import type { RouteContext } from "../route-context.js";
import { playgroundPage } from "./playground-page.js";
import { PLAYGROUND_SCRIPT } from "./playground-script.js";
import { PLAYGROUND_STYLE } from "./playground-style.js";

let policy: Promise<string> | undefined;

/** SHA-256 of `text` in CSP's `'sha256-<base64>'` form (Web Crypto, so every runtime computes it). */
async function sourceHash(text: string): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", new TextEncoder().encode(text)));
  let binary = "";
  for (const byte of digest) binary += String.fromCharCode(byte);
  return `'sha256-${btoa(binary)}'`;
}

/**
 * The page's Content-Security-Policy: its one inline script and one inline style are allowed by
 * their hashes (no `'unsafe-inline'`), it may fetch only its own origin, and nothing else loads
 * (no images, frames, forms, plugins, base-URL changes). Computed once: the sources are constants.
 */
export function playgroundPolicy(): Promise<string> {
  policy ??= Promise.all([sourceHash(PLAYGROUND_SCRIPT), sourceHash(PLAYGROUND_STYLE)]).then(
    ([script, style]) =>
      [
        "default-src 'none'",
        `script-src ${script}`,
        `style-src ${style}`,
        "connect-src 'self'",
        "img-src 'self' data:",
        "base-uri 'none'",
        "form-action 'none'",
        "frame-ancestors 'none'",
      ].join("; "),
  );
  return policy;
}

/**
 * The name the page shows: a `runName` bound with `withConfig` (what the run tree's root is
 * called), else the Runnable's own name.
 */
function shownName(runnable: Runnable): string {
  if (runnable instanceof RunnableBinding && typeof runnable.config.runName === "string") {
    return runnable.config.runName;
  }
  return runnable.getName();
}

/**
 * `GET <route>/playground/`: the browser playground for the route's Runnable, one HTML page with
 * its script and style inline. The page finds its routes from its own URL, so it works under any
 * prefix or proxy path; the Runnable's name is the only value written into it, HTML-escaped.
 */
export async function playgroundRoute(context: RouteContext): Promise<Response> {
  const headers = new Headers(context.headers);
  headers.set("content-type", "text/html; charset=utf-8");
  headers.set("content-security-policy", await playgroundPolicy());
  headers.set("x-content-type-options", "nosniff");
  headers.set("referrer-policy", "no-referrer");
  headers.set("cache-control", "no-cache");
  return new Response(playgroundPage({ title: shownName(context.runnable) }), { status: 200, headers });
}

import { escapeHtml } from "./escape-html.js";
import { PLAYGROUND_SCRIPT } from "./playground-script.js";
import { PLAYGROUND_STYLE } from "./playground-style.js";

/** What the page shows that depends on the served Runnable. */
export interface PlaygroundPageOptions {
  /** The Runnable's name, shown as the page's title (escaped here). */
  readonly title: string;
}

/**
 * The playground's HTML: a static page whose inline script reads the route's `input_schema` and
 * `config_schema`, builds the input form, and streams runs from `stream_events`. The title is the
 * only interpolated value; the script and style are constants, so the route can allow them by hash.
 */
export function playgroundPage(options: PlaygroundPageOptions): string {
  const title = escapeHtml(options.title);
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>${title} · Rivulet playground</title>
<link rel="icon" href="data:,">
<style>${PLAYGROUND_STYLE}</style>
</head>
<body>
<header>
  <h1><span class="brand">Rivulet playground</span> <span id="title">${title}</span></h1>
  <code id="base"></code>
</header>
<main>
  <section id="input-panel" aria-label="Input">
    <div class="bar">
      <h2>Input</h2>
      <label class="toggle"><input type="checkbox" id="raw-toggle"> Raw JSON</label>
    </div>
    <div id="form" class="form"></div>
    <textarea id="raw" class="code" rows="8" spellcheck="false" hidden aria-label="Input as JSON"></textarea>
    <details id="config-panel">
      <summary>Config <span class="hint">(configurable, as JSON)</span></summary>
      <textarea id="config" class="code" rows="4" spellcheck="false" aria-label="configurable as JSON">{}</textarea>
      <p id="config-note" class="hint"></p>
    </details>
    <p id="form-error" class="error" role="alert"></p>
    <div class="actions">
      <button type="button" id="run" class="primary">Run</button>
      <button type="button" id="stop" disabled>Stop</button>
      <button type="button" id="share">Share link</button>
    </div>
    <input type="text" id="share-link" class="code" readonly hidden aria-label="Share link">
    <h3>Recent inputs</h3>
    <ul id="recent" class="recent"></ul>
  </section>
  <section id="output-panel" aria-label="Output">
    <div class="bar">
      <h2>Output</h2>
      <span id="status" class="status idle">idle</span>
    </div>
    <div class="stats">
      <span>first token <b id="ttft">–</b></span>
      <span>tokens/s <b id="tps">–</b></span>
      <span>chunks <b id="chunks">0</b></span>
      <span>total <b id="elapsed">–</b></span>
    </div>
    <pre id="output" class="output" aria-live="polite"></pre>
    <button type="button" id="output-all" class="link" hidden>Show all</button>
    <p id="run-error" class="error" role="alert"></p>
    <h2>Run tree</h2>
    <ul id="tree" class="tree"></ul>
  </section>
</main>
<script>${PLAYGROUND_SCRIPT}</script>
</body>
</html>
`;
}

import { PLAYGROUND_FORM_SCRIPT } from "./playground-form-script.js";
import { PLAYGROUND_RUN_SCRIPT } from "./playground-run-script.js";
import { PLAYGROUND_TREE_SCRIPT } from "./playground-tree-script.js";

/** The last part: recent inputs (localStorage), the share link (input and config in the URL hash), start-up. */
const PLAYGROUND_MAIN_SCRIPT = `
const RECENT_KEY = "rivulet-playground:" + base;
const RECENT_MAX = 8;
const recent = {
  list() {
    try { const value = JSON.parse(localStorage.getItem(RECENT_KEY) || "[]"); return Array.isArray(value) ? value : []; }
    catch (error) { return []; }
  },
  save(entry) {
    const key = JSON.stringify(entry);
    const list = [entry].concat(this.list().filter((item) => JSON.stringify(item) !== key)).slice(0, RECENT_MAX);
    try { localStorage.setItem(RECENT_KEY, JSON.stringify(list)); } catch (error) { /* storage full or off */ }
    this.render();
  },
  render() {
    const view = $("recent");
    view.replaceChildren();
    const list = this.list();
    if (list.length === 0) view.append(el("li", "hint", "None yet: runs are remembered in this browser."));
    for (const entry of list) {
      const item = el("li");
      const label = JSON.stringify(entry.input);
      item.append(button(label === undefined ? "undefined" : label.slice(0, 200), "", () => load(entry)));
      view.append(item);
    }
  },
};

function load(entry) {
  if (!isObject(entry)) return;
  form.load(entry.input);
  config.load(entry.config);
}

function current() {
  $("form-error").textContent = "";
  try { return { input: form.input(), config: config.read() }; }
  catch (error) { $("form-error").textContent = error.message; return undefined; }
}

function share() {
  const entry = current();
  if (!entry) return;
  const hash = "#" + encodeURIComponent(JSON.stringify(entry));
  history.replaceState(null, "", hash);
  const link = $("share-link");
  link.value = location.href;
  link.hidden = false;
  link.select();
  if (navigator.clipboard) navigator.clipboard.writeText(location.href).catch(() => undefined);
}

function fromHash() {
  if (location.hash.length <= 1) return;
  try { load(JSON.parse(decodeURIComponent(location.hash.slice(1)))); }
  catch (error) { $("form-error").textContent = "The link's input could not be read: " + error.message; }
}

function start() {
  const entry = current();
  if (!entry) return;
  recent.save(entry);
  runner.run(entry.input, entry.config);
}

async function getJson(path) {
  try { const response = await fetch(base + path); return response.ok ? await response.json() : undefined; }
  catch (error) { return undefined; }
}

async function init() {
  $("base").textContent = base + "/";
  $("run").addEventListener("click", start);
  $("stop").addEventListener("click", () => runner.stop());
  $("share").addEventListener("click", share);
  $("raw-toggle").addEventListener("change", (event) => form.toggle(event.currentTarget.checked));
  $("output-all").addEventListener("click", () => { output.showAll = true; output.replaced = true; output.render(); });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Enter" && (event.ctrlKey || event.metaKey) && !$("run").disabled) start();
  });
  const [inputSchema, configSchema] = await Promise.all([getJson("/input_schema"), getJson("/config_schema")]);
  form.build(isObject(inputSchema) ? inputSchema : {});
  config.setSchema(configSchema);
  recent.render();
  fromHash();
  document.body.dataset.ready = "true";
}
init();
`;

/**
 * The playground's whole script, inlined in the page and allowed by its hash in the CSP: one
 * strict-mode function scope holding the parts. The routes are found from the page's own URL
 * (`<base>/playground/` or `<base>/playground`).
 */
export const PLAYGROUND_SCRIPT = [
  '(() => {\n"use strict";\nconst base = location.pathname.replace(/\\/playground\\/?$/, "");',
  PLAYGROUND_TREE_SCRIPT,
  PLAYGROUND_FORM_SCRIPT,
  PLAYGROUND_RUN_SCRIPT,
  PLAYGROUND_MAIN_SCRIPT,
  "})();\n",
].join("\n");

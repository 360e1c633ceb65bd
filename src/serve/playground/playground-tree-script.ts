/**
 * The playground script's first part: DOM helpers, truncated value views, and the run tree built
 * from `stream_events` (one node per run, nested by `parent_ids`). Untrusted values reach the page
 * only through `textContent`. Plain browser JavaScript in a string (no template literals in it,
 * so it can sit in this one).
 */
export const PLAYGROUND_TREE_SCRIPT = String.raw`
const VALUE_LIMIT = 2000;
const MAX_NODES = 1000;
const $ = (id) => document.getElementById(id);
function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}
function button(text, className, onClick) {
  const node = el("button", className, text);
  node.type = "button";
  node.addEventListener("click", onClick);
  return node;
}
function show(value) {
  if (typeof value === "string") return value;
  if (value === undefined) return "undefined";
  try { return JSON.stringify(value, null, 2); } catch (error) { return String(value); }
}
function plural(count, word) { return count.toLocaleString() + " " + word + (count === 1 ? "" : "s"); }
/** A <pre> of the text, cut at the limit with a "Show all" button, so a huge value cannot freeze the page. */
function truncatedView(text, limit) {
  const wrap = el("div");
  const pre = el("pre");
  wrap.append(pre);
  if (text.length <= limit) { pre.textContent = text; return wrap; }
  pre.textContent = text.slice(0, limit) + "\n…";
  wrap.append(button("Show all (" + plural(text.length, "character") + ")", "link", (event) => {
    pre.textContent = text;
    event.currentTarget.remove();
  }));
  return wrap;
}
function labelled(container, label, value) {
  container.append(el("div", "hint", label), truncatedView(show(value), VALUE_LIMIT));
}
function ms(duration) { return duration < 1000 ? Math.round(duration) + " ms" : (duration / 1000).toFixed(2) + " s"; }
function isObject(value) { return typeof value === "object" && value !== null && !Array.isArray(value); }
function isMessage(value) { return isObject(value) && "content" in value && typeof value.type === "string"; }
function contentText(content) {
  if (typeof content === "string") return content;
  if (!Array.isArray(content)) return "";
  return content.map((part) => (isObject(part) && typeof part.text === "string" ? part.text : "")).join("");
}
function errorInfo(error) {
  if (!isObject(error)) return { code: "error", message: show(error) };
  return { code: String(error.code || error.name || "error"), message: String(error.message || show(error)) };
}

const tree = {
  nodes: new Map(),
  hidden: 0,
  reset() {
    this.nodes.clear();
    this.hidden = 0;
    $("tree").replaceChildren();
  },
  start(event, type) {
    if (this.nodes.has(event.run_id)) return;
    if (this.nodes.size >= MAX_NODES) { this.hidden++; this.noteHidden(); return; }
    const node = { id: event.run_id, name: event.name, type, status: "running", startedAt: performance.now(),
      chunks: 0, usage: undefined, inputShown: false };
    const item = el("li");
    node.box = el("details", "run running");
    node.box.open = type === "tool" || event.parent_ids.length === 0;
    const summary = el("summary");
    node.statusView = el("span", "status running", "running");
    node.metaView = el("span", "run-meta");
    summary.append(el("span", "run-name", event.name), el("span", "run-type", type), node.statusView, node.metaView);
    node.detail = el("div", "run-detail");
    node.children = el("ul");
    node.box.append(summary, node.detail);
    item.append(node.box, node.children);
    const parent = this.nodes.get(event.parent_ids[event.parent_ids.length - 1]);
    (parent ? parent.children : $("tree")).append(item);
    this.nodes.set(event.run_id, node);
    this.showInput(node, event.data);
  },
  noteHidden() {
    let note = $("tree-hidden");
    if (!note) { note = el("li", "hint"); note.id = "tree-hidden"; $("tree").append(note); }
    note.textContent = plural(this.hidden, "more run") + " not shown";
  },
  showInput(node, data) {
    if (node.inputShown || !isObject(data) || data.input === undefined) return;
    node.inputShown = true;
    labelled(node.detail, node.type === "tool" ? "arguments" : "input", data.input);
  },
  chunk(event) {
    const node = this.nodes.get(event.run_id);
    if (node) { node.chunks++; this.meta(node); }
  },
  end(event) {
    const node = this.nodes.get(event.run_id);
    if (!node) return;
    const data = isObject(event.data) ? event.data : {};
    this.showInput(node, data);
    const output = data.output;
    if (isMessage(output)) this.showMessage(node, output);
    else labelled(node.detail, node.type === "tool" ? "result" : "output", output);
    this.settle(node, "done");
  },
  showMessage(node, message) {
    if (message.type === "tool") labelled(node.detail, "tool result", message.content);
    else labelled(node.detail, "output", contentText(message.content));
    const calls = Array.isArray(message.tool_calls) ? message.tool_calls : [];
    for (const call of calls) {
      node.detail.append(el("div", "hint tool-call", "tool call " + String(call.name) + " (" + String(call.id || "") + ")"));
      node.detail.append(truncatedView(show(call.args), VALUE_LIMIT));
    }
    // A model's tool calls are what a reader looks for: show them without a click.
    if (calls.length > 0) node.box.open = true;
    if (isObject(message.usage_metadata)) node.usage = message.usage_metadata;
  },
  fail(event) {
    const node = this.nodes.get(event.run_id);
    if (!node) return;
    const info = errorInfo(isObject(event.data) ? event.data.error : undefined);
    node.detail.append(el("div", "error", info.code + ": " + info.message));
    this.settle(node, "error");
  },
  settle(node, status) {
    if (node.status !== "running") return;
    node.status = status;
    node.endedAt = performance.now();
    node.box.className = "run " + status;
    node.statusView.className = "status " + status;
    node.statusView.textContent = status;
    this.meta(node);
  },
  meta(node) {
    const parts = [];
    if (node.endedAt !== undefined) parts.push(ms(node.endedAt - node.startedAt));
    if (node.usage) {
      parts.push("tokens " + node.usage.input_tokens + " in / " + node.usage.output_tokens + " out");
    } else if (node.chunks > 0) parts.push(plural(node.chunks, "chunk"));
    node.metaView.textContent = parts.join(" · ");
  },
  /** Runs still open when the stream stops: an error frame fails them with its code, Stop cancels them. */
  closeOpen(status, info) {
    for (const node of this.nodes.values()) {
      if (node.status !== "running") continue;
      if (info) node.detail.append(el("div", "error", info.code + ": " + info.message));
      this.settle(node, status);
    }
  },
  outputTokens() {
    let total = 0;
    let known = false;
    for (const node of this.nodes.values()) {
      if (node.usage && typeof node.usage.output_tokens === "number") { total += node.usage.output_tokens; known = true; }
    }
    return known ? total : undefined;
  },
};
`;

/**
 * The playground script's run part: an SSE reader over `fetch` (frames parsed here, `\r\n` or
 * `\n`), the Run and Stop buttons, the live output (text concatenated, structured values shown as
 * their latest partial JSON, rendered at most once a frame and cut at a limit), and the timing
 * figures. Plain browser JavaScript.
 */
export const PLAYGROUND_RUN_SCRIPT = String.raw`
const OUTPUT_LIMIT = 20000;

/** Feeds decoded text in; calls onFrame({ event, data }) per complete SSE frame. Comments (heartbeats) are skipped. */
function sseParser(onFrame) {
  let buffer = "";
  let scanFrom = 0;
  let event = "";
  let data = [];
  function line(text) {
    if (text === "") {
      if (data.length > 0 || event !== "") onFrame({ event: event || "message", data: data.join("\n") });
      event = "";
      data = [];
      return;
    }
    if (text[0] === ":") return;
    const colon = text.indexOf(":");
    const field = colon < 0 ? text : text.slice(0, colon);
    let value = colon < 0 ? "" : text.slice(colon + 1);
    if (value[0] === " ") value = value.slice(1);
    if (field === "event") event = value;
    else if (field === "data") data.push(value);
  }
  return (text) => {
    buffer += text;
    let start = 0;
    for (let i = scanFrom; i < buffer.length; i++) {
      const character = buffer[i];
      if (character !== "\n" && character !== "\r") continue;
      if (character === "\r" && i + 1 === buffer.length) break;
      line(buffer.slice(start, i));
      if (character === "\r" && buffer[i + 1] === "\n") i++;
      start = i + 1;
    }
    buffer = buffer.slice(start);
    scanFrom = buffer.endsWith("\r") ? buffer.length - 1 : buffer.length;
  };
}

const output = {
  text: "",
  rendered: 0,
  replaced: false,
  showAll: false,
  scheduled: false,
  node: document.createTextNode(""),
  reset() {
    this.text = "";
    this.rendered = 0;
    this.showAll = false;
    $("output").replaceChildren(this.node);
    this.node.data = "";
    $("output-all").hidden = true;
    this.schedule();
  },
  append(text) { this.text += text; this.schedule(); },
  replace(value) { this.text = show(value); this.replaced = true; this.schedule(); },
  schedule() {
    if (this.scheduled) return;
    this.scheduled = true;
    requestAnimationFrame(() => { this.scheduled = false; this.render(); stats.render(); });
  },
  render() {
    const limit = this.showAll ? Number.POSITIVE_INFINITY : OUTPUT_LIMIT;
    if (this.replaced || this.text.length < this.rendered) {
      this.replaced = false;
      this.node.data = this.text.slice(0, limit);
      this.rendered = this.text.length;
    } else if (this.rendered < limit) {
      this.node.appendData(this.text.slice(this.rendered, limit));
      this.rendered = this.text.length;
    }
    const cut = this.text.length > limit;
    $("output-all").hidden = !cut;
    if (cut) $("output-all").textContent = "Show all (" + plural(this.text.length, "character") + ")";
  },
};

const stats = {
  reset() { this.startedAt = performance.now(); this.firstAt = undefined; this.lastAt = undefined; this.endedAt = undefined; this.chunks = 0; },
  token() {
    const now = performance.now();
    if (this.firstAt === undefined) this.firstAt = now;
    this.lastAt = now;
    this.chunks++;
  },
  render() {
    $("ttft").textContent = this.firstAt === undefined ? "–" : ms(this.firstAt - this.startedAt);
    $("chunks").textContent = String(this.chunks);
    const end = this.endedAt === undefined ? performance.now() : this.endedAt;
    $("elapsed").textContent = ms(end - this.startedAt);
    const tokens = this.endedAt === undefined ? undefined : tree.outputTokens();
    const count = tokens === undefined ? this.chunks : tokens;
    const seconds = this.firstAt === undefined ? 0 : (this.lastAt - this.firstAt) / 1000;
    $("tps").textContent = seconds > 0 && count > 1 ? (((count - 1) / seconds).toFixed(1)) : "–";
  },
};

const runner = {
  controller: undefined,
  rootType: undefined,
  setStatus(status) {
    const view = $("status");
    view.className = "status " + status;
    view.textContent = status;
    $("run").disabled = status === "running";
    $("stop").disabled = status !== "running";
  },
  async run(input, configurable) {
    tree.reset();
    output.reset();
    stats.reset();
    $("run-error").textContent = "";
    this.rootType = undefined;
    this.finished = false;
    const controller = new AbortController();
    this.controller = controller;
    this.setStatus("running");
    try {
      const body = JSON.stringify({ input, config: configurable === undefined ? {} : { configurable } });
      const response = await fetch(base + "/stream_events", {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream" },
        body,
        signal: controller.signal,
      });
      if (!response.ok || response.body === null) {
        this.finish("error", httpError(response.status, await response.text()));
        return;
      }
      const feed = sseParser((frame) => this.frame(frame));
      const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
      for (;;) {
        const step = await reader.read();
        if (step.done) break;
        feed(step.value);
      }
      if (!this.finished) this.finish("error", { code: "incomplete", message: "The stream ended without an end frame." });
    } catch (error) {
      if (controller.signal.aborted) this.finish("cancelled");
      else this.finish("error", { code: "network", message: error.message });
    }
  },
  stop() { if (this.controller) this.controller.abort(); },
  frame(frame) {
    if (frame.event === "data") this.event(JSON.parse(frame.data));
    else if (frame.event === "end") this.finish("done");
    else if (frame.event === "error") {
      let payload = {};
      try { payload = JSON.parse(frame.data); } catch (error) { payload = { message: frame.data }; }
      this.finish("error", { code: String(payload.code || "error"), message: String(payload.message || ""), status: payload.status_code });
    }
  },
  event(event) {
    if (!isObject(event) || typeof event.event !== "string" || !Array.isArray(event.parent_ids)) return;
    const match = /^on_(.+)_(start|stream|end|error)$/.exec(event.event);
    if (!match) return;
    const type = match[1];
    const root = event.parent_ids.length === 0;
    if (root && this.rootType === undefined) this.rootType = type;
    if (match[2] === "start") tree.start(event, type);
    else if (match[2] === "end") { tree.end(event); output.schedule(); }
    else if (match[2] === "error") tree.fail(event);
    else {
      tree.chunk(event);
      const chunk = isObject(event.data) ? event.data.chunk : undefined;
      const text = chunkText(chunk, type);
      const model = type === "chat_model" || type === "llm";
      // Counted tokens repaint the figures even when the root output has not changed (a JSON parser
      // emits only when its value does).
      if (text && (model || (root && stats.firstAt === undefined))) { stats.token(); output.schedule(); }
      if (root) {
        if (text !== undefined) output.append(text);
        else output.replace(chunk);
      }
    }
  },
  finish(status, info) {
    if (this.finished) return;
    this.finished = true;
    stats.endedAt = performance.now();
    tree.closeOpen(status === "done" ? "done" : status, status === "error" ? info : undefined);
    if (info) {
      $("run-error").textContent = info.code + (info.status ? " (HTTP " + info.status + ")" : "") + ": " + info.message;
    }
    this.setStatus(status);
    output.schedule();
  },
};

/** The text a stream chunk adds, or undefined for a structured value (shown whole instead). */
function chunkText(chunk, type) {
  if (typeof chunk === "string") return chunk;
  if (isMessage(chunk)) return contentText(chunk.content);
  if (type === "llm" && isObject(chunk) && typeof chunk.text === "string") return chunk.text;
  return undefined;
}

function httpError(status, text) {
  let body;
  try { body = JSON.parse(text); } catch (error) { return { code: "http_" + status, status, message: text.slice(0, 2000) }; }
  const detail = isObject(body) ? body.detail : body;
  const message = Array.isArray(detail)
    ? detail.map((issue) => (isObject(issue) ? (issue.loc || []).join(".") + ": " + issue.msg : show(issue))).join("\n")
    : show(detail);
  return { code: String((isObject(body) && body.code) || "http_" + status), status, message };
}
`;

/** The playground's stylesheet, inlined in the page and allowed by its hash in the CSP. */
export const PLAYGROUND_STYLE = `
:root { color-scheme: light dark; --fg: #1d232a; --muted: #66717d; --bg: #f6f7f9; --card: #fff;
  --line: #d9dee4; --accent: #2563eb; --ok: #15803d; --bad: #b91c1c; --warn: #b45309; }
@media (prefers-color-scheme: dark) { :root { --fg: #e6e9ed; --muted: #98a2ad; --bg: #15181c;
  --card: #1e2227; --line: #333a42; --accent: #60a5fa; --ok: #4ade80; --bad: #f87171; --warn: #fbbf24; } }
* { box-sizing: border-box; }
body { margin: 0; font: 14px/1.45 system-ui, sans-serif; color: var(--fg); background: var(--bg); }
header { display: flex; align-items: baseline; gap: 12px; padding: 10px 18px; border-bottom: 1px solid var(--line); background: var(--card); }
h1 { font-size: 17px; margin: 0; } .brand { color: var(--muted); font-weight: 500; }
h2 { font-size: 14px; margin: 14px 0 6px; } h3 { font-size: 13px; margin: 14px 0 4px; color: var(--muted); }
main { display: grid; grid-template-columns: minmax(280px, 2fr) 3fr; gap: 16px; padding: 16px 18px; }
@media (max-width: 800px) { main { grid-template-columns: 1fr; } }
section { background: var(--card); border: 1px solid var(--line); border-radius: 8px; padding: 4px 14px 14px; min-width: 0; }
.bar { display: flex; align-items: center; justify-content: space-between; gap: 8px; }
.form label.field { display: block; margin: 8px 0; }
.field .name { display: block; font-weight: 600; margin-bottom: 3px; }
.field .req { color: var(--bad); } .hint, .field .desc { color: var(--muted); font-size: 12px; font-weight: 400; }
textarea, input[type=text], input[type=number], select { width: 100%; font: inherit; color: inherit; background: var(--bg);
  border: 1px solid var(--line); border-radius: 6px; padding: 6px 8px; }
.code, pre { font: 12.5px/1.45 ui-monospace, SFMono-Regular, Menlo, monospace; }
textarea { resize: vertical; }
.actions { display: flex; gap: 8px; margin: 10px 0 6px; }
button { font: inherit; padding: 6px 14px; border-radius: 6px; border: 1px solid var(--line); background: var(--bg); color: inherit; cursor: pointer; }
button:disabled { opacity: .5; cursor: default; }
button.primary { background: var(--accent); border-color: var(--accent); color: #fff; font-weight: 600; }
button.link { border: 0; background: none; color: var(--accent); padding: 2px 0; }
.error { color: var(--bad); white-space: pre-wrap; margin: 6px 0; } .error:empty { display: none; }
.recent { list-style: none; padding: 0; margin: 0; }
.recent li button { width: 100%; text-align: left; border: 0; border-bottom: 1px solid var(--line); border-radius: 0; padding: 4px 2px;
  overflow: hidden; text-overflow: ellipsis; white-space: nowrap; font: 12px ui-monospace, monospace; }
.stats { display: flex; flex-wrap: wrap; gap: 16px; color: var(--muted); font-size: 12px; margin-bottom: 6px; }
.stats b { color: var(--fg); font-weight: 600; }
.output { min-height: 90px; max-height: 45vh; overflow: auto; white-space: pre-wrap; word-break: break-word; margin: 0;
  padding: 10px; background: var(--bg); border: 1px solid var(--line); border-radius: 6px; }
.status { font-size: 12px; padding: 1px 8px; border-radius: 10px; border: 1px solid currentColor; }
.status.running { color: var(--accent); } .status.done { color: var(--ok); } .status.error { color: var(--bad); }
.status.cancelled, .status.idle { color: var(--muted); }
.tree, .tree ul { list-style: none; margin: 0; padding-left: 16px; } .tree { padding-left: 0; }
.run { border-left: 2px solid var(--line); margin: 3px 0; padding: 2px 0 2px 8px; }
.run > summary { cursor: pointer; display: flex; flex-wrap: wrap; align-items: baseline; gap: 8px; }
.run .run-name { font-weight: 600; } .run .run-type, .run .run-meta { color: var(--muted); font-size: 12px; }
.run .run-detail { margin: 4px 0 4px 4px; font-size: 12px; }
.run .run-detail pre { margin: 2px 0 6px; padding: 6px; background: var(--bg); border-radius: 4px; white-space: pre-wrap; word-break: break-word; max-height: 240px; overflow: auto; }
.run.error { border-left-color: var(--bad); } .run.done { border-left-color: var(--ok); } .run.running { border-left-color: var(--accent); }
.run.cancelled { border-left-color: var(--warn); }
.tool-call { color: var(--warn); }
`;

import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = join(dirname(fileURLToPath(import.meta.url)), "..");

/** Runs a module body in a fresh Node process (no `source` condition: the bundles) and parses its JSON output. */
function runAlone(body: string): unknown {
  expect(existsSync(join(root, "dist/bundle/index.js")), "run `npm run build` first").toBe(true);
  const out = execFileSync(process.execPath, ["--input-type=module", "-e", body], {
    cwd: root,
    encoding: "utf8",
  });
  return JSON.parse(out.trim());
}

// Vitest runs on the sources; these run what users get. Each entry is imported alone, so an
// entry that forgets to register Runnable's factories fails here.
describe("the built bundles, each entry imported alone in a plain Node process", () => {
  it("rivulet: pipe, streamEvents and parsers work", () => {
    const result = runAlone(`
      const { RunnableLambda, JsonOutputParser } = await import("rivulet");
      const chain = RunnableLambda.from((x) => x + 1).pipe((x) => x * 2);
      const events = [];
      for await (const e of chain.streamEvents(1, { version: "v2" })) events.push(e.event);
      const parsed = await new JsonOutputParser().invoke('{"a": 1}');
      console.log(JSON.stringify({ value: await chain.invoke(1), events: events.length, parsed }));
    `);
    expect(result).toEqual({ value: 4, events: 9, parsed: { a: 1 } });
  });

  it("rivulet/testing: a fake model pipes into a parser", () => {
    const result = runAlone(`
      const { FakeListChatModel, RunRecorder } = await import("rivulet/testing");
      const model = new FakeListChatModel({ responses: ["hi"] });
      const rec = new RunRecorder();
      const out = await model.pipe((m) => m.text.toUpperCase()).invoke("x", { callbacks: [rec] });
      console.log(JSON.stringify({ out, runs: rec.lines().length }));
    `);
    // start seq, start model, two tokens (invoke streams under an observer), end model, lambda start/end, end seq
    expect(result).toEqual({ out: "HI", runs: 8 });
  });

  it("rivulet/providers/*: models are Runnables that pipe", () => {
    const result = runAlone(`
      const { ChatOpenAI } = await import("rivulet/providers/openai");
      const { ChatAnthropic } = await import("rivulet/providers/anthropic");
      const { ChatOllama } = await import("rivulet/providers/ollama");
      const models = [new ChatOpenAI({ apiKey: "k" }), new ChatAnthropic({ apiKey: "k" }), new ChatOllama({ model: "m" })];
      console.log(JSON.stringify(models.map((m) => m.pipe((x) => x).constructor.name)));
    `);
    expect(result).toEqual(["RunnableSequence", "RunnableSequence", "RunnableSequence"]);
  });
});

// The runtime conformance suite: ONE set of checks that every runtime runs (Node, Bun, Deno,
// workerd, Chromium) against the built bundles, which are what users load. It uses only what every
// runtime has (ES modules, Web streams, AbortController, console), so a check that fails
// somewhere fails because of the bundle, not of the harness. Each runtime's entry calls
// runConformance and reports the result as JSON; test/runtimes/run-runtimes.mjs compares them.
import {
  ChatPromptTemplate,
  isAbortError,
  isImplicitPropagationAvailable,
  JsonOutputParser,
  RunnableLambda,
  RunnableParallel,
  StringOutputParser,
} from "../../dist/bundle/index.js";
import { FakeListChatModel, RunRecorder } from "../../dist/bundle/testing.js";

export const ANSWER = "Parrots can learn hundreds of words";

/** The v2 events of prompt | model | parser, in order, as Node 20 gives them (word chunking: 6 chunks). */
export const EXPECTED_EVENTS = [
  "on_chain_start:RunnableSequence",
  "on_prompt_start:ChatPromptTemplate",
  "on_prompt_end:ChatPromptTemplate",
  "on_chat_model_start:FakeListChatModel",
  ...Array.from({ length: 6 }, (_, index) =>
    index === 0
      ? [
          "on_chat_model_stream:FakeListChatModel",
          "on_parser_start:StrOutputParser",
          "on_parser_stream:StrOutputParser",
          "on_chain_stream:RunnableSequence",
        ]
      : [
          "on_chat_model_stream:FakeListChatModel",
          "on_parser_stream:StrOutputParser",
          "on_chain_stream:RunnableSequence",
        ],
  ).flat(),
  "on_chat_model_end:FakeListChatModel",
  "on_parser_end:StrOutputParser",
  "on_chain_end:RunnableSequence",
];

/** A fresh prompt | model | parser chain (by default a fake model answering ANSWER word by word). */
export function jokeChain(model = new FakeListChatModel({ responses: [ANSWER], chunking: "word" })) {
  return ChatPromptTemplate.fromTemplate("tell me about {topic}").pipe(model).pipe(new StringOutputParser());
}

/** Throws with both values when they differ (compared as JSON, which is all these checks need). */
function expectEqual(actual, expected, what) {
  const actualText = JSON.stringify(actual);
  const expectedText = JSON.stringify(expected);
  if (actualText !== expectedText) throw new Error(`${what}: expected ${expectedText}, got ${actualText}`);
}

async function collect(stream) {
  const chunks = [];
  for await (const chunk of stream) chunks.push(chunk);
  return chunks;
}

/**
 * The checks every runtime passes the same way, by name, in the order they run. A public surface
 * that claims to run everywhere adds its checks here; the serving handler, which needs a server
 * and a client, has its own (serve-checks.mjs).
 */
const CHECKS = {
  "invoke: prompt | model | parser gives the text": async () => {
    expectEqual(await jokeChain().invoke({ topic: "parrots" }), ANSWER, "invoke");
  },
  "stream: the chunks join to the text": async () => {
    const chunks = await collect(await jokeChain().stream({ topic: "parrots" }));
    expectEqual(chunks.length, 6, "chunk count");
    expectEqual(chunks.join(""), ANSWER, "joined chunks");
  },
  "streamEvents v2: the ordered event names": async () => {
    const events = await collect(jokeChain().streamEvents({ topic: "parrots" }, { version: "v2" }));
    expectEqual(
      events.map((event) => `${event.event}:${event.name}`),
      EXPECTED_EVENTS,
      "events",
    );
  },
  "streamLog: the final state": async () => {
    let log;
    for await (const patch of jokeChain().streamLog({ topic: "parrots" })) {
      log = log === undefined ? patch : log.concat(patch);
    }
    expectEqual(log.state.final_output, ANSWER, "final_output");
    expectEqual(log.state.streamed_output.join(""), ANSWER, "streamed_output");
    expectEqual(
      Object.keys(log.state.logs),
      ["ChatPromptTemplate", "FakeListChatModel", "StrOutputParser"],
      "logs",
    );
  },
  "break out of a stream: every run closes": async () => {
    const recorder = new RunRecorder();
    const stream = await jokeChain().stream({ topic: "parrots" }, { callbacks: [recorder] });
    for await (const chunk of stream) {
      expectEqual(chunk, "Parrots", "first chunk");
      break;
    }
    expectEqual(recorder.entries.filter((entry) => entry.kind === "start").length, 4, "started runs");
    expectEqual(recorder.openRuns(), [], "open runs");
  },
  "abort through an AbortSignal: the stream rejects and every run closes": async () => {
    const recorder = new RunRecorder();
    const controller = new AbortController();
    const stream = await jokeChain().stream(
      { topic: "parrots" },
      { callbacks: [recorder], signal: controller.signal },
    );
    const reader = stream[Symbol.asyncIterator]();
    expectEqual((await reader.next()).value, "Parrots", "first chunk");
    controller.abort();
    const outcome = await reader.next().then(
      (result) => ({ result }),
      (error) => ({ error }),
    );
    if (!("error" in outcome)) throw new Error(`read after abort: expected an AbortError, got a chunk`);
    if (!isAbortError(outcome.error))
      throw new Error(`read after abort: not an AbortError: ${outcome.error}`);
    expectEqual(recorder.openRuns(), [], "open runs");
  },
  "JsonOutputParser: streams growing partial objects": async () => {
    const text = '{"name": "Polly", "words": ["hello", "cracker"]}';
    const chain = new FakeListChatModel({ responses: [text], chunking: "char" }).pipe(new JsonOutputParser());
    const partials = await collect(await chain.stream("describe a parrot"));
    expectEqual(partials.at(-1), { name: "Polly", words: ["hello", "cracker"] }, "last partial");
    if (partials.length < 4) throw new Error(`expected several partials, got ${JSON.stringify(partials)}`);
    const nameOnly = partials.some((partial) => partial.name === "Polly" && partial.words === undefined);
    if (!nameOnly) throw new Error(`no partial with the name before the words: ${JSON.stringify(partials)}`);
  },
  "RunnableParallel: each branch gets the input": async () => {
    const parallel = RunnableParallel.from({
      upper: (text) => text.toUpperCase(),
      length: (text) => text.length,
      answer: jokeChain(),
    });
    const result = await parallel.invoke("parrots");
    expectEqual(result, { upper: "PARROTS", length: 7, answer: ANSWER }, "parallel");
  },
  "explicit config: a runnable given the config is a child": async () => {
    const inner = RunnableLambda.from((value) => value + 1, { name: "inner" });
    const outer = RunnableLambda.from(async (value, config) => (await inner.invoke(value, config)) * 2, {
      name: "outer",
    });
    const parents = await parentsByName(outer);
    expectEqual(parents.result, 4, "result");
    expectEqual(parents.inner, [parents.outerId], "inner's parent_ids");
  },
};

/**
 * Implicit propagation: where AsyncLocalStorage exists, a runnable called inside a lambda without
 * a config is its child and nothing is logged; where it does not, the results are the same, the
 * inner run is not linked, and exactly one warning was logged in the whole suite (it runs last).
 */
async function checkPropagation({ expectImplicitPropagation, warnings }) {
  const inner = RunnableLambda.from((value) => value + 1, { name: "inner" });
  const outer = RunnableLambda.from(async (value) => (await inner.invoke(value)) * 2, { name: "outer" });
  const parents = await parentsByName(outer);
  expectEqual(parents.result, 4, "result");
  expectEqual(
    isImplicitPropagationAvailable(),
    expectImplicitPropagation,
    "isImplicitPropagationAvailable()",
  );
  // A second call: the warning is logged once per process, not once per call.
  expectEqual(await outer.invoke(1), 4, "second result");
  if (expectImplicitPropagation) {
    expectEqual(parents.inner, [parents.outerId], "inner's parent_ids");
    expectEqual(warnings, [], "warnings");
  } else {
    expectEqual(parents.inner, undefined, "inner's events (not linked)");
    expectEqual(warnings.length, 1, "warnings logged");
    if (!warnings[0].includes("AsyncLocalStorage")) throw new Error(`unexpected warning: ${warnings[0]}`);
  }
}

/** Runs `outer` on 1 under streamEvents; returns its output, its run id and inner's parent_ids. */
async function parentsByName(outer) {
  const parents = { result: undefined, outerId: undefined, inner: undefined };
  for await (const event of outer.streamEvents(1, { version: "v2" })) {
    if (event.event !== "on_chain_start") {
      if (event.event === "on_chain_end" && event.name === "outer") parents.result = event.data.output;
      continue;
    }
    if (event.name === "outer") parents.outerId = event.run_id;
    if (event.name === "inner") parents.inner = event.parent_ids;
  }
  return parents;
}

/** The name and version of the runtime this runs on, as it reports itself. */
export function describeRuntime() {
  if (globalThis.Deno?.version) return `Deno ${globalThis.Deno.version.deno}`;
  if (globalThis.Bun?.version) return `Bun ${globalThis.Bun.version}`;
  if (globalThis.navigator?.userAgent === "Cloudflare-Workers") return "workerd";
  if (globalThis.process?.release?.name === "node") return `Node ${globalThis.process.versions.node}`;
  return globalThis.navigator?.userAgent ?? "unknown";
}

/**
 * Runs every check once, in order, and returns `{ runtime, checks: [{ name, passed, error? }] }`.
 * The checks run one after another, so the warning count of the last check covers the whole suite
 * (the first user function anywhere would log it). rivulet's own warnings are captured (counted,
 * not printed); other console.warn calls pass through; console.warn is restored after.
 */
export async function runConformance({ expectImplicitPropagation }) {
  const warnings = [];
  const originalWarn = console.warn;
  console.warn = (...parts) => {
    const text = parts.map(String).join(" ");
    if (text.startsWith("[rivulet]")) warnings.push(text);
    else originalWarn.apply(console, parts);
  };
  const results = [];
  try {
    const propagationName = expectImplicitPropagation
      ? "implicit propagation: a runnable called inside a lambda is its child, no warning"
      : "no AsyncLocalStorage: propagation off, exactly one warning, results unchanged";
    const checks = {
      ...CHECKS,
      [propagationName]: () => checkPropagation({ expectImplicitPropagation, warnings }),
    };
    for (const [name, check] of Object.entries(checks)) {
      try {
        await check();
        results.push({ name, passed: true });
      } catch (error) {
        results.push({ name, passed: false, error: String(error?.stack ?? error) });
      }
    }
  } finally {
    console.warn = originalWarn;
  }
  return { runtime: describeRuntime(), expectImplicitPropagation, checks: results };
}

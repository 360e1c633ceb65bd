import { ChatPromptTemplate, RunnableLambda, StringOutputParser } from "rivulet";
import { serve } from "rivulet/serve";
import { FakeListChatModel } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { frames, get, post } from "./test-support/requests.js";

/** A lambda that counts its calls, typed by `schema` (zod or JSON Schema). */
function countingAnswer(schema: Parameters<RunnableLambda<unknown, unknown>["withTypes"]>[0]["input"]) {
  const calls: unknown[] = [];
  const runnable = RunnableLambda.from(
    (input: unknown) => {
      calls.push(input);
      return "answered";
    },
    { name: "answer" },
  ).withTypes({ input: schema, output: { type: "string" } });
  return { runnable, calls };
}

const zodQuestion = z.object({ question: z.string(), count: z.number().int().optional() });
const jsonQuestion = {
  type: "object",
  properties: { question: { type: "string" }, count: { type: "integer" } },
  required: ["question"],
};

interface Detail {
  detail: Array<{ loc: (string | number)[]; msg: string; type: string }>;
}

async function detailOf(response: Response): Promise<Detail["detail"]> {
  const body = (await response.json()) as Detail;
  return body.detail;
}

const ROUTES = ["invoke", "stream", "stream_log", "stream_events"] as const;

describe("serve: input validation against the input schema", () => {
  for (const [kind, schema] of [
    ["zod (its own validate)", zodQuestion],
    ["JSON Schema (checkJsonSchema)", jsonQuestion],
  ] as const) {
    for (const route of ROUTES) {
      it(`${route} answers 422 with detail before any run, ${kind}`, async () => {
        const { runnable, calls } = countingAnswer(schema);
        const app = serve({ "/answer": runnable });
        const response = await post(app, `/answer/${route}`, { input: { question: 42 } });
        expect(response.status).toBe(422);
        const detail = await detailOf(response);
        expect(detail).toHaveLength(1);
        expect(detail[0]).toMatchObject({ loc: ["input", "question"], msg: expect.any(String) });
        expect(typeof detail[0]?.type).toBe("string");
        expect(calls).toEqual([]);
      });
    }

    it(`batch reports every failing input with its index, ${kind}`, async () => {
      const { runnable, calls } = countingAnswer(schema);
      const app = serve({ "/answer": runnable });
      const inputs = [{ question: "ok" }, {}, { question: "fine", count: "two" }];
      const response = await post(app, "/answer/batch", { inputs });
      expect(response.status).toBe(422);
      const detail = await detailOf(response);
      expect(detail.map((issue) => issue.loc)).toEqual([
        ["inputs", 1, "question"],
        ["inputs", 2, "count"],
      ]);
      expect(calls).toEqual([]);
    });

    it(`a valid input still runs (invoke, batch, stream), ${kind}`, async () => {
      const { runnable, calls } = countingAnswer(schema);
      const app = serve({ "/answer": runnable }, { heartbeat: false });
      const invoked = await post(app, "/answer/invoke", { input: { question: "why?", count: 2 } });
      expect(invoked.status).toBe(200);
      expect(await invoked.json()).toMatchObject({ output: "answered" });
      const batched = await post(app, "/answer/batch", { inputs: [{ question: "a" }, { question: "b" }] });
      expect(await batched.json()).toMatchObject({ output: ["answered", "answered"] });
      const streamed = await post(app, "/answer/stream", { input: { question: "c" } });
      expect(frames(await streamed.text()).map(([event]) => event)).toEqual(["metadata", "data", "end"]);
      // The runnable gets the input as sent, not a validated copy.
      expect(calls).toEqual([
        { question: "why?", count: 2 },
        { question: "a" },
        { question: "b" },
        { question: "c" },
      ]);
    });
  }

  it("a non-object input against an object schema fails at the input itself", async () => {
    const { runnable } = countingAnswer(jsonQuestion);
    const response = await post(serve(runnable), "/invoke", { input: "just text" });
    expect(response.status).toBe(422);
    expect(await detailOf(response)).toEqual([{ loc: ["input"], msg: expect.any(String), type: "type" }]);
  });

  it("a runnable with no known schema takes any input", async () => {
    const echo = RunnableLambda.from((input: unknown) => input);
    const response = await post(serve(echo), "/invoke", { input: { anything: [1, "two"] } });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ output: { anything: [1, "two"] } });
  });
});

describe("serve: input_schema and output_schema", () => {
  it("answer the runnable's JSON Schemas, titled <Name>Input / <Name>Output", async () => {
    const { runnable } = countingAnswer(jsonQuestion);
    const app = serve({ "/answer": runnable });
    expect(await (await get(app, "/answer/input_schema")).json()).toEqual({
      title: "answerInput",
      ...jsonQuestion,
    });
    expect(await (await get(app, "/answer/output_schema")).json()).toEqual({
      title: "answerOutput",
      type: "string",
    });
  });

  it("keep a title the schema has, and answer zod's conversion without $schema", async () => {
    const runnable = RunnableLambda.from((input: unknown) => input, { name: "echo" }).withTypes({
      input: { title: "Question", type: "string" },
      output: zodQuestion,
    });
    const app = serve(runnable);
    expect(await (await get(app, "/input_schema")).json()).toEqual({ title: "Question", type: "string" });
    const output = await (await get(app, "/output_schema")).json();
    expect(output).toMatchObject({ title: "echoOutput", type: "object", required: ["question"] });
    expect(output).not.toHaveProperty("$schema");
  });

  it("answer a permissive schema when the runnable does not know its own", async () => {
    const echo = RunnableLambda.from((input: unknown) => input, { name: "echo" });
    expect(await (await get(serve(echo), "/input_schema")).json()).toEqual({ title: "echoInput" });
  });
});

describe("serve: a prompt | model | parser chain", () => {
  const chain = () =>
    ChatPromptTemplate.fromTemplate("Tell me about {topic}")
      .pipe(new FakeListChatModel({ responses: ["Parrots talk."] }))
      .pipe(new StringOutputParser());

  it("input_schema is the prompt's variables, output_schema a string", async () => {
    const app = serve({ "/chain": chain() });
    const input = await (await get(app, "/chain/input_schema")).json();
    expect(input).toMatchObject({
      type: "object",
      properties: { topic: { title: "Topic", type: "string" } },
      required: ["topic"],
    });
    expect(await (await get(app, "/chain/output_schema")).json()).toMatchObject({ type: "string" });
  });

  it("a missing variable is a 422 naming it; the valid input still runs", async () => {
    const app = serve({ "/chain": chain() });
    const missing = await post(app, "/chain/invoke", { input: { subject: "parrots" } });
    expect(missing.status).toBe(422);
    expect(await detailOf(missing)).toEqual([
      { loc: ["input", "topic"], msg: "Field required", type: "required" },
    ]);
    const ok = await post(app, "/chain/invoke", { input: { topic: "parrots" } });
    expect(await ok.json()).toMatchObject({ output: "Parrots talk." });
  });

  it("a chat model served alone takes LangServe's wire messages", async () => {
    const model = new FakeListChatModel({ responses: ["hi"] });
    const app = serve({ "/chat": model });
    const input = [{ type: "human", content: "hello", additional_kwargs: {}, example: false }];
    const response = await post(app, "/chat/invoke", { input });
    expect(response.status).toBe(200);
    const refused = await post(app, "/chat/invoke", { input: 42 });
    expect(refused.status).toBe(422);
  });
});

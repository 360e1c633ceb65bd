// What each kind of Runnable declares as its input and output schema (getInputSchema /
// getOutputSchema, and the inputSchema / outputSchema JSON Schemas), and that the declared
// schemas accept what the runnable takes.
import {
  ChatPromptTemplate,
  checkRunnableSchema,
  HumanMessage,
  MessagesPlaceholder,
  PromptTemplate,
  RunnableLambda,
  RunnableParallel,
  RunnablePassthrough,
  StandardSchemaOutputParser,
  StringOutputParser,
  StructuredOutputParser,
  tool,
} from "rivulet";
import { FakeListChatModel, FakeLLM } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { z } from "zod";

describe("prompt templates", () => {
  it("take an object of their variables as required strings, titled as pydantic titles them", () => {
    const prompt = PromptTemplate.fromTemplate("Tell {audience} about {chat_topic}");
    expect(prompt.inputSchema).toEqual({
      type: "object",
      properties: {
        audience: { title: "Audience", type: "string" },
        chat_topic: { title: "Chat Topic", type: "string" },
      },
      required: ["audience", "chat_topic"],
    });
    expect(prompt.outputSchema).toBeUndefined();
  });

  it("leave partial variables out", async () => {
    const prompt = await PromptTemplate.fromTemplate("{greeting}, {name}").partial({ greeting: "Hi" });
    expect(prompt.inputSchema).toMatchObject({
      properties: { name: { type: "string" } },
      required: ["name"],
    });
    expect(Object.keys(prompt.inputSchema?.properties ?? {})).toEqual(["name"]);
  });

  it("take any value for a mustache variable", () => {
    const prompt = PromptTemplate.fromTemplate("{{#items}}{{.}}{{/items}}", { templateFormat: "mustache" });
    expect(prompt.inputSchema).toMatchObject({ properties: { items: { title: "Items" } } });
    expect(prompt.inputSchema?.properties).not.toHaveProperty("items.type");
  });

  it("chat prompts: placeholders take message lists, optional ones are not required", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You are {role}."],
      new MessagesPlaceholder("history"),
      ["placeholder", "{scratchpad}"],
      ["human", "{question}"],
    ]);
    const schema = prompt.inputSchema;
    expect(schema?.required).toEqual(["role", "history", "question"]);
    expect(schema?.properties).toMatchObject({
      role: { type: "string" },
      history: { type: "array" },
      scratchpad: { type: "array" },
      question: { type: "string" },
    });
    const valid = { role: "terse", history: [new HumanMessage("hi"), ["ai", "hello"]], question: "why?" };
    expect(await checkRunnableSchema(prompt.getInputSchema(), valid)).toEqual([]);
    const issues = await checkRunnableSchema(prompt.getInputSchema(), { role: "terse", history: "hi" });
    expect(issues.map((issue) => issue.path).sort()).toEqual([["history"], ["question"]]);
  });
});

describe("models", () => {
  const model = new FakeListChatModel({ responses: ["ok"] });

  it("a chat model takes a string, a message list or a prompt value, and outputs an AI message", async () => {
    const schema = model.getInputSchema();
    for (const input of [
      "hi",
      [new HumanMessage("hi")],
      [["human", "hi"]],
      [{ role: "user", content: "hi" }],
    ]) {
      expect(await checkRunnableSchema(schema, input)).toEqual([]);
    }
    const promptValue = await ChatPromptTemplate.fromTemplate("{q}").invoke({ q: "hi" });
    expect(await checkRunnableSchema(schema, promptValue)).toEqual([]);
    expect(await checkRunnableSchema(schema, 42)).not.toEqual([]);
    expect(model.outputSchema).toMatchObject({ title: "AIMessage", type: "object", required: ["content"] });
  });

  it("an LLM takes the same and outputs a string", () => {
    const llm = new FakeLLM({});
    expect(llm.inputSchema).toEqual(model.inputSchema);
    expect(llm.outputSchema).toEqual({ type: "string" });
  });
});

describe("combinators", () => {
  const prompt = PromptTemplate.fromTemplate("About {topic}");
  const model = new FakeListChatModel({ responses: ["ok"] });

  it("a sequence takes its first step's input and gives its last step's output", () => {
    const chain = prompt.pipe(model).pipe(RunnableLambda.from((message: unknown) => message));
    expect(chain.inputSchema).toEqual(prompt.inputSchema);
    expect(chain.outputSchema).toBeUndefined();
    expect(prompt.pipe(model).outputSchema).toEqual(model.outputSchema);
  });

  it("a map gives an object of its branches' outputs", () => {
    const map = RunnableParallel.from({ answer: prompt.pipe(model), echo: new RunnablePassthrough() });
    expect(map.outputSchema).toEqual({
      type: "object",
      properties: { answer: model.outputSchema, echo: {} },
      required: ["answer", "echo"],
    });
    expect(map.inputSchema).toEqual(prompt.inputSchema);
  });

  it("a map of object inputs takes all their properties; no known branch, no schema", () => {
    const other = PromptTemplate.fromTemplate("{question}?");
    const map = RunnableParallel.from({ a: prompt, b: other });
    expect(map.inputSchema).toMatchObject({
      type: "object",
      properties: { topic: { type: "string" }, question: { type: "string" } },
      required: ["topic", "question"],
    });
    const unknown = RunnableParallel.from({ a: new RunnablePassthrough(), b: (x: unknown) => x });
    expect(unknown.inputSchema).toBeUndefined();
    expect(unknown.outputSchema).toBeUndefined();
  });

  it("passthroughs and lambdas know nothing until withTypes", () => {
    expect(new RunnablePassthrough().getInputSchema()).toBeUndefined();
    const lambda = RunnableLambda.from((x: string) => x.length);
    expect(lambda.getOutputSchema()).toBeUndefined();
    expect(lambda.withTypes({ output: z.number() }).outputSchema).toMatchObject({ type: "number" });
  });

  it("bindings, withConfig, withRetry, withFallbacks and withListeners show the wrapped runnable's schemas", () => {
    expect(prompt.withConfig({ runName: "p" }).inputSchema).toEqual(prompt.inputSchema);
    expect(prompt.withRetry().inputSchema).toEqual(prompt.inputSchema);
    expect(model.withFallbacks([model]).outputSchema).toEqual(model.outputSchema);
    expect(prompt.withListeners({}).inputSchema).toEqual(prompt.inputSchema);
  });

  it("StringOutputParser gives a string", () => {
    expect(prompt.pipe(model).pipe(new StringOutputParser()).outputSchema).toEqual({ type: "string" });
  });
});

describe("tools", () => {
  const weather = tool(async ({ city }: { city: string }) => `sunny in ${city}`, {
    name: "weather",
    description: "The weather",
    schema: z.object({ city: z.string(), days: z.number().int().optional() }),
  });

  it("take their arguments' JSON Schema", () => {
    expect(weather.inputSchema).toMatchObject({
      type: "object",
      properties: { city: { type: "string" } },
      required: ["city"],
    });
  });

  it("validate what invoke takes: arguments, a model's tool call, the only string property as a string", async () => {
    const schema = weather.getInputSchema();
    expect(await checkRunnableSchema(schema, { city: "Paris" })).toEqual([]);
    const call = { type: "tool_call", name: "weather", args: { city: "Paris" }, id: "c1" };
    expect(await checkRunnableSchema(schema, call)).toEqual([]);
    expect(await checkRunnableSchema(schema, "Paris")).toEqual([]);
    const issues = await checkRunnableSchema(schema, { ...call, args: { city: 3 } });
    expect(issues.map((issue) => issue.path)).toEqual([["city"]]);
  });

  it("a string tool takes a string or { input }", async () => {
    const shout = tool(async (text: string) => text.toUpperCase(), { name: "shout", description: "Shouts" });
    expect(shout.inputSchema).toEqual({
      type: "object",
      properties: { input: { type: "string" } },
      required: ["input"],
    });
    expect(await checkRunnableSchema(shout.getInputSchema(), "hi")).toEqual([]);
    expect(await checkRunnableSchema(shout.getInputSchema(), { input: "hi" })).toEqual([]);
    expect(await checkRunnableSchema(shout.getInputSchema(), 3)).not.toEqual([]);
  });
});

describe("parsers with a schema", () => {
  const answer = z.object({ answer: z.string(), confidence: z.number() });

  it("StructuredOutputParser and StandardSchemaOutputParser give their schema's output", () => {
    for (const parser of [
      StructuredOutputParser.fromZodSchema(answer),
      new StandardSchemaOutputParser(answer),
    ]) {
      expect(parser.outputSchema).toMatchObject({
        type: "object",
        properties: { answer: { type: "string" }, confidence: { type: "number" } },
        required: ["answer", "confidence"],
      });
      expect(parser.outputSchema).not.toHaveProperty("$schema");
    }
  });
});

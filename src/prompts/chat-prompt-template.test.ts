import { inspect } from "node:util";
import {
  AIMessage,
  type BaseMessage,
  ChatMessage,
  HumanMessage,
  InvalidInputError,
  PromptInputError,
  RunnableLambda,
  SystemMessage,
  ToolMessage,
  toChatMessages,
} from "rivulet";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import {
  AIMessagePromptTemplate,
  ChatPromptTemplate,
  ChatPromptValue,
  HumanMessagePromptTemplate,
  MessagesPlaceholder,
  SystemMessagePromptTemplate,
} from "./index.js";

const lines = (messages: BaseMessage[]) => messages.map((m) => `${m.getType()}: ${m.text}`);

/** The PromptInputError a promise rejects with (fails the test otherwise). */
async function promptError(promise: Promise<unknown>): Promise<PromptInputError> {
  const error = await promise.then(
    () => undefined,
    (e: unknown) => e,
  );
  if (!PromptInputError.isInstance(error))
    throw new Error(`expected a PromptInputError, got ${String(error)}`);
  return error;
}

describe("ChatPromptTemplate", () => {
  it("fromTemplate makes one human message", async () => {
    const prompt = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");
    expect(prompt.inputVariables).toEqual(["topic"]);
    const value = await prompt.invoke({ topic: "parrot" });
    expect(value).toBeInstanceOf(ChatPromptValue);
    expect(value.messages).toEqual([new HumanMessage("tell me a joke about parrot")]);
    expect(inspect(value)).toBe(
      "ChatPromptValue(messages=[HumanMessage(content='tell me a joke about parrot')])",
    );
  });

  it("reads role pairs, template classes, fixed messages and strings", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You are {role}."],
      ["user", "Hi, I am {name}."],
      ["assistant", "Hello {name}."],
      ["human", "{question}"],
      ["ai", "ok"],
      SystemMessagePromptTemplate.fromTemplate("sys {role}"),
      HumanMessagePromptTemplate.fromTemplate("hum {name}"),
      AIMessagePromptTemplate.fromTemplate("ai {name}"),
      new ToolMessage({ content: "{kept as is}", tool_call_id: "call_1" }),
      "plain {question}",
    ]);
    expect(prompt.inputVariables).toEqual(["role", "name", "question"]);
    const messages = await prompt.formatMessages({ role: "a pirate", name: "Ada", question: "Why?" });
    expect(lines(messages)).toEqual([
      "system: You are a pirate.",
      "human: Hi, I am Ada.",
      "ai: Hello Ada.",
      "human: Why?",
      "ai: ok",
      "system: sys a pirate",
      "human: hum Ada",
      "ai: ai Ada",
      "tool: {kept as is}",
      "human: plain Why?",
    ]);
    expect(messages[0]).toBeInstanceOf(SystemMessage);
    expect(messages[2]).toBeInstanceOf(AIMessage);
  });

  it("inserts a required MessagesPlaceholder's messages, coercing message-likes", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "Be terse."],
      new MessagesPlaceholder("history"),
      ["human", "{question}"],
    ]);
    expect(prompt.inputVariables).toEqual(["history", "question"]);
    const messages = await prompt.formatMessages({
      history: [new HumanMessage("hi"), ["ai", "hello"], { role: "user", content: "how are you?" }],
      question: "and now?",
    });
    expect(lines(messages)).toEqual([
      "system: Be terse.",
      "human: hi",
      "ai: hello",
      "human: how are you?",
      "human: and now?",
    ]);
    const missing = await promptError(prompt.formatMessages({ question: "q" }));
    expect(missing).toBeInstanceOf(PromptInputError);
    expect(missing.missing).toEqual(["history"]);
    expect(missing.given).toEqual(["question"]);
  });

  it("rejects a placeholder value that is not a list of messages", async () => {
    const prompt = ChatPromptTemplate.fromMessages([new MessagesPlaceholder({ variableName: "history" })]);
    const error = await promptError(prompt.formatMessages({ history: "hi" }));
    expect(PromptInputError.isInstance(error)).toBe(true);
    expect(error.missing).toEqual([]);
    expect(error.message).toMatch(
      /The messages placeholder "history" expects a list of messages; got a string\./,
    );
    await expect(prompt.formatMessages({ history: [42] })).rejects.toThrow(/item 0 is not a message/);
    // A single message is accepted, as in @langchain/core.
    expect(lines(await prompt.formatMessages({ history: new AIMessage("x") }))).toEqual(["ai: x"]);
  });

  it("makes optional placeholders: MessagesPlaceholder({ optional }) and ['placeholder', '{history}']", async () => {
    for (const part of [
      new MessagesPlaceholder({ variableName: "history", optional: true }),
      ["placeholder", "{history}"] as const,
    ]) {
      const prompt = ChatPromptTemplate.fromMessages([part, ["human", "{q}"]]);
      expect(prompt.inputVariables).toEqual(["q"]);
      expect(prompt.optionalVariables).toEqual(["history"]);
      expect(lines(await prompt.formatMessages({ q: "hi" }))).toEqual(["human: hi"]);
      expect(lines(await prompt.formatMessages({ q: "hi", history: [["ai", "before"]] }))).toEqual([
        "ai: before",
        "human: hi",
      ]);
    }
    // One required variable left: a plain string input fills it.
    const prompt = ChatPromptTemplate.fromMessages([
      ["placeholder", "{history}"],
      ["human", "{q}"],
    ]);
    expect(lines((await prompt.invoke("solo")).messages)).toEqual(["human: solo"]);
  });

  it("rejects declared variables that no message uses, and used ones left undeclared, naming them", async () => {
    const human = HumanMessagePromptTemplate.fromTemplate("{a}");
    const build = (fields: Partial<ConstructorParameters<typeof ChatPromptTemplate>[0]>) => () =>
      new ChatPromptTemplate({ promptMessages: [human], ...fields });
    // @langchain/core 1.4 throws for each of these when the prompt is built.
    expect(build({ inputVariables: ["a", "extra", "more"] })).toThrow(InvalidInputError);
    expect(build({ inputVariables: ["a", "extra", "more"] })).toThrow(
      /declares "extra", "more" in inputVariables or partialVariables, but no message uses them/,
    );
    expect(build({ inputVariables: ["a"], partialVariables: { b: 1 } })).toThrow(/declares "b"/);
    expect(build({ inputVariables: [] })).toThrow(
      /messages use "a", which is not in inputVariables \(none\)/,
    );
    await expect(
      ChatPromptTemplate.fromMessages([["human", "{a}"]]).partial({ unused: "x" }),
    ).rejects.toThrow(/declares "unused"/);
    // Exact declarations, fixed messages, validateTemplate: false and mustache (unchecked by default) are accepted.
    expect(build({ inputVariables: ["a"] })().inputVariables).toEqual(["a"]);
    expect(
      build({ inputVariables: ["a"], promptMessages: [new AIMessage("x {b}"), human] })().inputVariables,
    ).toEqual(["a"]);
    expect(build({ inputVariables: ["a", "x"], validateTemplate: false })().inputVariables).toEqual([
      "a",
      "x",
    ]);
    expect(build({ inputVariables: ["a", "x"], templateFormat: "mustache" })().validateTemplate).toBe(false);
    expect(
      (await ChatPromptTemplate.fromMessages([["human", "{a}"]]).partial({ a: "x" })).inputVariables,
    ).toEqual([]);
    // An optional placeholder's variable may be left out (it is not an input variable here).
    const withHistory = new ChatPromptTemplate({
      inputVariables: ["a"],
      promptMessages: [new MessagesPlaceholder({ variableName: "history", optional: true }), human],
    });
    expect(withHistory.optionalVariables).toEqual(["history"]);
  });

  it('accepts message-likes with type or role "assistant" (and the other roles) as templates', async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      { type: "assistant", content: "I am {name}" },
      { role: "assistant", content: "{name}!" },
      { type: "ai", content: "ai {name}" },
      { type: "user", content: "user {name}" },
      { type: "system", content: "system {name}" },
    ]);
    expect(prompt.inputVariables).toEqual(["name"]);
    const messages = await prompt.formatMessages({ name: "bob" });
    expect(messages.map((m) => `${m.constructor.name}:${m.text}`)).toEqual([
      "AIMessage:I am bob",
      "AIMessage:bob!",
      "AIMessage:ai bob",
      "HumanMessage:user bob",
      "SystemMessage:system bob",
    ]);
  });

  it("rejects unknown roles and malformed placeholders when built", () => {
    expect(() => ChatPromptTemplate.fromMessages([["robot", "hi"]])).toThrow(InvalidInputError);
    expect(() => ChatPromptTemplate.fromMessages([["robot", "hi"]])).toThrow(/Unknown message role "robot"/);
    expect(() => ChatPromptTemplate.fromMessages([["placeholder", "history"]])).toThrow(
      /\["placeholder", "\{history\}"\]/,
    );
    expect(() => ChatPromptTemplate.fromMessages([["human", "{unclosed"]])).toThrow(/Unclosed "\{"/);
  });

  it("uses templateFormat for every template string", async () => {
    const prompt = ChatPromptTemplate.fromMessages(
      [
        ["system", "{{#rules}}- {{.}}\n{{/rules}}"],
        ["human", "{{question}} {not a variable}"],
      ],
      { templateFormat: "mustache" },
    );
    expect(prompt.inputVariables).toEqual(["rules", "question"]);
    const messages = await prompt.formatMessages({ rules: ["a", "b"], question: "Q" });
    expect(lines(messages)).toEqual(["system: - a\n- b\n", "human: Q {not a variable}"]);
  });

  it("fixes variables with partial()", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You are {role}."],
      ["human", "{question}"],
    ]);
    const pirate = await prompt.partial({ role: "a pirate" });
    expect(pirate.inputVariables).toEqual(["question"]);
    expect(lines((await pirate.invoke("Where?")).messages)).toEqual([
      "system: You are a pirate.",
      "human: Where?",
    ]);
    // A nested chat prompt is inlined with its partial values.
    const outer = ChatPromptTemplate.fromMessages([pirate, ["ai", "Arr."]]);
    expect(outer.inputVariables).toEqual(["question"]);
    expect(lines(await outer.formatMessages({ question: "Q" }))).toEqual([
      "system: You are a pirate.",
      "human: Q",
      "ai: Arr.",
    ]);
  });

  it("reports missing variables across messages", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "You are {role}."],
      ["human", "{question}"],
    ]);
    const error = await promptError(prompt.invoke({ role: "x" }));
    expect(error.missing).toEqual(["question"]);
    expect(error.message).toBe(
      'Missing value for prompt variable "question". The prompt expects: role, question; the input has: role. ' +
        "Pass { question: ... } or use partial().",
    );
  });

  it("gives a ChatPromptValue: messages, transcript, JSON, and a chat model input", async () => {
    const prompt = ChatPromptTemplate.fromMessages([
      ["system", "Be kind."],
      ["human", "hi"],
      ["ai", "hello"],
      new ChatMessage("noted", "observer"),
    ]);
    const value = await prompt.invoke({});
    expect(value.toString()).toBe("System: Be kind.\nHuman: hi\nAI: hello\nobserver: noted");
    expect(await prompt.format({})).toBe(value.toString());
    expect(value.toChatMessages()).toBe(value.messages);
    expect(toChatMessages(value)).toBe(value.messages);
    expect(JSON.parse(JSON.stringify(value))).toEqual({
      messages: [
        { type: "system", content: "Be kind." },
        { type: "human", content: "hi" },
        { type: "ai", content: "hello" },
        { type: "generic", content: "noted", role: "observer" },
      ],
    });
    expect(ChatPromptValue.isInstance(value)).toBe(true);
  });

  it("is a prompt run named ChatPromptTemplate whose value flows into the next step", async () => {
    const prompt = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");
    const count = RunnableLambda.from((v: ChatPromptValue) => v.messages.length, { name: "count" });
    const rec = new RunRecorder();
    expect(await prompt.pipe(count).invoke({ topic: "parrot" }, { callbacks: [rec] })).toBe(1);
    const own = rec.entries.filter((e) => e.name === "ChatPromptTemplate");
    expect(own.map((e) => `${e.kind}:${e.runType}`)).toEqual(["start:prompt", "end:prompt"]);
    expect(own[0]!.input).toEqual({ topic: "parrot" });
    expect(own[0]!.tags).toEqual(["seq:step:1"]);
  });

  it("emits on_prompt_start and on_prompt_end (no stream events) under streamEvents", async () => {
    const prompt = ChatPromptTemplate.fromTemplate("tell me a joke about {topic}");
    const chain = prompt.pipe(RunnableLambda.from((v: ChatPromptValue) => v.toString(), { name: "text" }));
    const events = [];
    for await (const e of chain.streamEvents({ topic: "parrot" }, { version: "v2" })) events.push(e);
    const own = events.filter((e) => e.name === "ChatPromptTemplate");
    expect(own.map((e) => e.event)).toEqual(["on_prompt_start", "on_prompt_end"]);
    expect(own[0]!.data).toEqual({ input: { topic: "parrot" } });
    const end = own[1]!.data as { output: unknown; input: unknown };
    expect(end.input).toEqual({ topic: "parrot" });
    expect(end.output).toBeInstanceOf(ChatPromptValue);
    expect(events.at(-1)!.data).toEqual({ output: "Human: tell me a joke about parrot" });
  });
});

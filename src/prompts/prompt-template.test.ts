import { inspect } from "node:util";
import { HumanMessage, PromptInputError, RunnableLambda } from "rivulet";
import { RunRecorder } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { PromptTemplate, StringPromptValue } from "./index.js";

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

const joke = PromptTemplate.fromTemplate("tell me a joke about {topic}");

describe("PromptTemplate", () => {
  it("infers inputVariables in order of first use, once each", () => {
    expect(PromptTemplate.fromTemplate("{b} {a} {b}").inputVariables).toEqual(["b", "a"]);
    expect(PromptTemplate.fromTemplate("no variables").inputVariables).toEqual([]);
  });

  it("formats to a string and to a StringPromptValue", async () => {
    expect(await joke.format({ topic: "parrots" })).toBe("tell me a joke about parrots");
    const value = await joke.formatPromptValue({ topic: "parrots" });
    expect(value).toBeInstanceOf(StringPromptValue);
    expect(value.value).toBe("tell me a joke about parrots");
  });

  it("runs through the Runnable interface: invoke, batch, stream", async () => {
    const value = await joke.invoke({ topic: "cats" });
    expect(value.toString()).toBe("tell me a joke about cats");
    expect((await joke.batch([{ topic: "a" }, { topic: "b" }])).map(String)).toEqual([
      "tell me a joke about a",
      "tell me a joke about b",
    ]);
    const chunks: StringPromptValue[] = [];
    for await (const chunk of await joke.stream({ topic: "dogs" })) chunks.push(chunk);
    expect(chunks.map(String)).toEqual(["tell me a joke about dogs"]);
  });

  it("accepts a plain string when the template has exactly one variable", async () => {
    expect((await joke.invoke("parrots")).value).toBe("tell me a joke about parrots");
    const two = PromptTemplate.fromTemplate("{a} {b}");
    await expect(two.invoke("x")).rejects.toThrow(PromptInputError);
    await expect(two.invoke("x")).rejects.toThrow(
      /got a string\. The prompt expects: a, b\. Pass \{ a: \.\.\., b: \.\.\. \}/,
    );
  });

  it("rejects input that is not an object of variables", async () => {
    const error: unknown = await PromptTemplate.fromTemplate("{a} {b}")
      .invoke(42 as unknown as Record<string, unknown>)
      .catch((e: unknown) => e);
    expect(PromptInputError.isInstance(error)).toBe(true);
    expect((error as PromptInputError).missing).toEqual(["a", "b"]);
    expect((error as PromptInputError).message).toMatch(/got a number/);
  });

  it("reports missing variables with the names, the given keys and what to do", async () => {
    const error = await joke.invoke({ subject: "cats" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PromptInputError);
    const e = error as PromptInputError;
    expect(e.code).toBe("prompt_input");
    expect(e.missing).toEqual(["topic"]);
    expect(e.given).toEqual(["subject"]);
    expect(e.message).toBe(
      'Missing value for prompt variable "topic". The prompt expects: topic; the input has: subject. ' +
        "Pass { topic: ... } or use partial().",
    );
    const both = await promptError(PromptTemplate.fromTemplate("{a}{b}").format({}));
    expect(both.message).toMatch(
      /^Missing values for prompt variables "a", "b"\. .*the input has: no variables\./,
    );
  });

  it("treats an undefined value as missing, and null as a value", async () => {
    await expect(joke.format({ topic: undefined })).rejects.toThrow(PromptInputError);
    expect(await joke.format({ topic: null })).toBe("tell me a joke about null");
  });

  it("fixes variables with partial(), values or (async) functions called at each format", async () => {
    let calls = 0;
    const prompt = PromptTemplate.fromTemplate("{greeting}, {name}! Today is {day}.");
    const partial = await prompt.partial({ greeting: "Hello", day: async () => `day ${++calls}` });
    expect(partial.inputVariables).toEqual(["name"]);
    expect(prompt.inputVariables).toEqual(["greeting", "name", "day"]);
    expect(await partial.format({ name: "Ada" })).toBe("Hello, Ada! Today is day 1.");
    expect(await partial.format({ name: "Bob", greeting: "Hi" })).toBe("Hi, Bob! Today is day 2.");
    expect((await partial.invoke("Cy")).value).toBe("Hello, Cy! Today is day 3.");
  });

  it("takes partialVariables in fromTemplate, leaving them out of inputVariables", async () => {
    const prompt = PromptTemplate.fromTemplate("{a}-{b}", { partialVariables: { a: "A" } });
    expect(prompt.inputVariables).toEqual(["b"]);
    expect(await prompt.format({ b: "B" })).toBe("A-B");
  });

  it("checks explicit inputVariables against the template", () => {
    expect(() => new PromptTemplate({ template: "{a} {b}", inputVariables: ["a"] })).toThrow(/uses "b"/);
    expect(new PromptTemplate({ template: "{a}", inputVariables: ["a", "extra"] }).inputVariables).toEqual([
      "a",
      "extra",
    ]);
  });

  it("formats mustache templates", async () => {
    const prompt = PromptTemplate.fromTemplate("Hi {{user.name}}, {{#tags}}#{{.}} {{/tags}}", {
      templateFormat: "mustache",
    });
    expect(prompt.inputVariables).toEqual(["user", "tags"]);
    expect(await prompt.format({ user: { name: "Ada" }, tags: ["x", "y"] })).toBe("Hi Ada, #x #y ");
    await expect(prompt.format({ user: { name: "Ada" } })).rejects.toThrow(/"tags"/);
  });

  it("gives a StringPromptValue that reads as text or as one human message", async () => {
    const value = await joke.invoke({ topic: "parrot" });
    expect(String(value)).toBe("tell me a joke about parrot");
    expect(value.toChatMessages()).toEqual([new HumanMessage("tell me a joke about parrot")]);
    expect(JSON.stringify(value)).toBe('{"value":"tell me a joke about parrot"}');
    expect(inspect(value)).toBe("StringPromptValue(value='tell me a joke about parrot')");
  });

  it("is a prompt run named PromptTemplate, and its value flows into the next step", async () => {
    const rec = new RunRecorder();
    const upper = RunnableLambda.from((v: StringPromptValue) => v.value.toUpperCase(), { name: "upper" });
    const chain = joke.pipe(upper);
    expect(await chain.invoke({ topic: "owls" }, { callbacks: [rec] })).toBe("TELL ME A JOKE ABOUT OWLS");
    const prompt = rec.entries.filter((e) => e.name === "PromptTemplate");
    expect(prompt.map((e) => [e.kind, e.runType])).toEqual([
      ["start", "prompt"],
      ["end", "prompt"],
    ]);
    expect(prompt[1]!.output).toBeInstanceOf(StringPromptValue);
  });
});

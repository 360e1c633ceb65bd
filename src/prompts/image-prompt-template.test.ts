import { ImagePromptTemplate as LangChainImagePromptTemplate } from "@langchain/core/prompts";
import { InvalidInputError, PromptInputError } from "rivulet";
import { FakeEchoChatModel, toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";
import { ImagePromptTemplate } from "./image-prompt-template.js";
import { ImagePromptValue } from "./image-prompt-value.js";
import { PipelinePromptTemplate } from "./pipeline-prompt-template.js";
import { PromptTemplate } from "./prompt-template.js";

describe("ImagePromptTemplate", () => {
  it("formats the template's url and detail, as @langchain/core does", async () => {
    const template = { url: "https://img.example/{id}.png", detail: "high" };
    const ours = new ImagePromptTemplate({ template });
    const theirs = new LangChainImagePromptTemplate({ template, inputVariables: ["id"] });
    expect(ours.inputVariables).toEqual(["id"]);
    expect(await ours.format({ id: "7" })).toStrictEqual({
      url: "https://img.example/7.png",
      detail: "high",
    });
    expect(await ours.format({ id: "7" })).toEqual(await theirs.format({ id: "7" }));
  });

  it("uses url and detail given at format time over the template's", async () => {
    const prompt = new ImagePromptTemplate({ template: { url: "{url}" } });
    expect(await prompt.format({ url: "data:image/png;base64,AA" })).toStrictEqual({
      url: "data:image/png;base64,AA",
    });
    const fixed = new ImagePromptTemplate({
      template: { url: "https://a/fixed.png", detail: "auto" },
      inputVariables: [],
    });
    expect(await fixed.format({ url: "https://b/given.png", detail: "low" })).toStrictEqual({
      url: "https://b/given.png",
      detail: "low",
    });
  });

  it("gives an ImagePromptValue: the URL as text, a human image message for chat models", async () => {
    const prompt = new ImagePromptTemplate({ template: { url: "https://img/{id}.png", detail: "low" } });
    const value = await prompt.invoke({ id: "1" });
    expect(value).toBeInstanceOf(ImagePromptValue);
    expect(value.toString()).toBe("https://img/1.png");
    const [message] = value.toChatMessages();
    expect([message?.getType(), message?.content]).toEqual([
      "human",
      [{ type: "image_url", image_url: { url: "https://img/1.png", detail: "low" } }],
    ]);
    const noDetail = new ImagePromptValue({ imageUrl: { url: "u" } });
    expect(noDetail.toChatMessages()[0]?.content).toStrictEqual([
      { type: "image_url", image_url: { url: "u" } },
    ]);
  });

  it("applies partial variables", async () => {
    const prompt = new ImagePromptTemplate({ template: { url: "https://{host}/{id}.png" } });
    const fixed = await prompt.partial({ host: "cdn.example" });
    expect(fixed.inputVariables).toEqual(["id"]);
    expect(await fixed.format({ id: "2" })).toStrictEqual({ url: "https://cdn.example/2.png" });
  });

  it("throws typed errors: no URL, a bad detail, a missing or undeclared variable", async () => {
    const noUrl = await new ImagePromptTemplate({ template: {} }).format({}).catch((e: unknown) => e);
    expect(PromptInputError.isInstance(noUrl) && noUrl.missing).toEqual(["url"]);
    expect(String(noUrl)).toMatch(/needs a URL/);
    await expect(
      new ImagePromptTemplate({ template: { url: "u", detail: "{d}" } }).format({ d: "ultra" }),
    ).rejects.toThrow(/"auto", "low" or "high"; got "ultra"/);
    await expect(new ImagePromptTemplate({ template: { url: "{id}" } }).format({})).rejects.toThrow(
      PromptInputError,
    );
    expect(() => new ImagePromptTemplate({ template: { url: "{a}" }, inputVariables: [] })).toThrow(
      InvalidInputError,
    );
  });

  it("streams into a chat model, and its image can be a pipeline prompt's output", async () => {
    const prompt = new ImagePromptTemplate({ template: { url: "https://img/{id}.png" } });
    const chunks = await toArray(prompt.pipe(new FakeEchoChatModel()).stream({ id: "3" }));
    expect(chunks.length).toBeGreaterThan(0);
    const pipeline = new PipelinePromptTemplate({
      pipelinePrompts: [{ name: "image", prompt }],
      finalPrompt: PromptTemplate.fromTemplate("see {image}"),
    });
    expect(await pipeline.formatPipelinePrompts({ id: "4" })).toEqual({
      image: { url: "https://img/4.png" },
    });
  });
});

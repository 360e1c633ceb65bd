import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidInputError } from "../errors/input-errors.js";
import { ChatAnthropic } from "./anthropic/index.js";
import { inferModelProvider, initChatModel } from "./index.js";
import { ChatOllama } from "./ollama/index.js";
import { ChatOpenAI } from "./openai/index.js";

describe("inferModelProvider", () => {
  it.each([
    ["gpt-4o-mini", "openai"],
    ["o1-mini", "openai"],
    ["o3", "openai"],
    ["o4-mini", "openai"],
    ["chatgpt-4o-latest", "openai"],
    ["claude-sonnet-4-5", "anthropic"],
    ["claude-3-5-haiku-latest", "anthropic"],
    ["llama3.2", "ollama"],
    ["mistral-nemo", "ollama"],
    ["qwen2.5:7b", "ollama"],
    ["gemma3", "ollama"],
    ["phi4", "ollama"],
    ["deepseek-r1:8b", "ollama"],
    ["gpt-oss:20b", "ollama"],
  ])("%s → %s", (model, provider) => {
    expect(inferModelProvider(model)).toBe(provider);
  });

  it("gives undefined for names it does not know", () => {
    expect(inferModelProvider("my-finetune")).toBeUndefined();
  });
});

describe("initChatModel", () => {
  afterEach(() => vi.unstubAllEnvs());

  it("reads a provider:model prefix", async () => {
    const model = await initChatModel("openai:gpt-4o-mini", { apiKey: "k", temperature: 0 });
    expect(model).toBeInstanceOf(ChatOpenAI);
    expect(model.model).toBe("gpt-4o-mini");
    expect(model.temperature).toBe(0);
  });

  it("takes modelProvider as an option", async () => {
    const model = await initChatModel("gpt-4o-mini", {
      modelProvider: "openai",
      apiKey: "k",
      temperature: 0.5,
    });
    expect(model).toBeInstanceOf(ChatOpenAI);
    expect(model.getLsParams()).toMatchObject({
      ls_provider: "openai",
      ls_model_name: "gpt-4o-mini",
      ls_temperature: 0.5,
    });
  });

  it("infers the provider from well-known names", async () => {
    const claude = await initChatModel("claude-sonnet-4-5", { apiKey: "k" });
    expect(claude).toBeInstanceOf(ChatAnthropic);
    const local = await initChatModel("llama3.2:3b");
    expect(local).toBeInstanceOf(ChatOllama);
    expect(local.model).toBe("llama3.2:3b");
    const tagged = await initChatModel("ollama:qwen3:8b");
    expect(tagged.model).toBe("qwen3:8b");
  });

  it("reaches an OpenAI-compatible server with modelProvider and baseURL", async () => {
    vi.stubEnv("OPENAI_API_KEY", "");
    const model = await initChatModel("Qwen/Qwen2.5-7B-Instruct", {
      modelProvider: "openai",
      baseURL: "http://127.0.0.1:8000/v1",
    });
    expect(model).toBeInstanceOf(ChatOpenAI);
    expect((model as ChatOpenAI).baseURL).toBe("http://127.0.0.1:8000/v1");
  });

  it("names the known providers when the provider is unknown or cannot be inferred", async () => {
    await expect(initChatModel("gpt-4o", { modelProvider: "acme" })).rejects.toThrow(
      'Model provider "acme" is unknown. Known providers: openai, anthropic, ollama.',
    );
    await expect(initChatModel("mistralai:mistral-large-latest")).rejects.toThrow(/not shipped with Rivulet/);
    const error = await initChatModel("my-finetune").catch((e: unknown) => e);
    expect(InvalidInputError.isInstance(error)).toBe(true);
    expect((error as Error).message).toContain("Known providers: openai, anthropic, ollama");
  });

  it("passes the missing-key error of the provider through", async () => {
    vi.stubEnv("ANTHROPIC_API_KEY", "");
    await expect(initChatModel("anthropic:claude-sonnet-4-5")).rejects.toMatchObject({
      code: "missing_api_key",
    });
  });
});

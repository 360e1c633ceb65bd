import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { AIMessageChunk, type BaseMessage, ProviderError, StringOutputParser } from "rivulet";
import {
  type FetchLike,
  type JsonRecord,
  type ProviderCallOptions,
  ProviderChatModel,
  type ProviderChatModelFields,
} from "rivulet/providers";
import { describe, expect, it } from "vitest";

// A third-party provider built on the public base, as docs/providers.md ("Adding a provider")
// shows it: the same class, with a fetch double standing in for the server.

interface ChatAcmeFields extends ProviderChatModelFields {
  baseURL: string;
  /** Set by `withStructuredOutput`: the JSON Schema the server constrains its text to. */
  responseFormat?: JsonRecord | undefined;
}

class ChatAcme extends ProviderChatModel<ChatAcmeFields> {
  protected override readonly defaultStructuredMethod = "jsonSchema";

  _llmType(): string {
    return "acme";
  }

  override async *_streamChunks(
    messages: BaseMessage[],
    options: ProviderCallOptions,
  ): AsyncIterable<AIMessageChunk> {
    const { tools, toolChoice } = this.callTools(options);
    const body = {
      model: this.model,
      messages: messages.map((message) => ({ role: message.getType(), content: message.text })),
      stop: this.callStop(options),
      tools,
      tool_choice: toolChoice,
      response_format: this.fields.responseFormat,
    };
    const send = this.fields.fetch ?? fetch;
    const response = await send(`${this.fields.baseURL}/chat`, {
      method: "POST",
      headers: { "content-type": "application/json", ...this.fields.headers },
      body: JSON.stringify(body),
      signal: options.signal ?? null,
    });
    if (!response.ok || response.body === null) {
      throw new ProviderError(`Acme answered ${response.status}`, {
        provider: "acme",
        status: response.status,
        retryable: response.status >= 500,
      });
    }
    // The server sends one JSON object per line: {"text": "..."}.
    let pending = "";
    for await (const text of response.body.pipeThrough(new TextDecoderStream())) {
      const lines = (pending + text).split("\n");
      pending = lines.pop() ?? "";
      for (const line of lines) if (line !== "") yield new AIMessageChunk(JSON.parse(line).text);
    }
  }

  protected override withJsonSchemaOutput(schema: JsonRecord): this {
    return this.withFields({ responseFormat: schema });
  }
}

/** A fetch double answering every request with `lines`, recording what was sent. */
function acmeServer(lines: string[]): {
  fetch: FetchLike;
  requests: { url: string; body: JsonRecord; signal: unknown }[];
} {
  const requests: { url: string; body: JsonRecord; signal: unknown }[] = [];
  const fetchDouble: FetchLike = async (url, init) => {
    requests.push({ url, body: JSON.parse(String(init.body)), signal: init.signal });
    const ndjson = lines.map((text) => `${JSON.stringify({ text })}\n`).join("");
    return new Response(ndjson, { headers: { "content-type": "application/x-ndjson" } });
  };
  return { fetch: fetchDouble, requests };
}

describe("a provider built on rivulet/providers' ProviderChatModel", () => {
  it("streams its chunks, pipes, and reports its runs as a chat model", async () => {
    const server = acmeServer(["Hel", "lo"]);
    const model = new ChatAcme({ baseURL: "http://acme.test", model: "acme-1", fetch: server.fetch });
    const chunks: string[] = [];
    for await (const chunk of await model.stream("hi")) chunks.push(chunk.text);
    expect(chunks).toEqual(["Hel", "lo"]);
    expect(await model.pipe(new StringOutputParser()).invoke("hi")).toBe("Hello");
    const events: string[] = [];
    for await (const event of model.streamEvents("hi", { version: "v2" })) events.push(event.event);
    expect(events).toEqual([
      "on_chat_model_start",
      "on_chat_model_stream",
      "on_chat_model_stream",
      "on_chat_model_end",
    ]);
    expect(server.requests[0]?.url).toBe("http://acme.test/chat");
    expect(server.requests[0]?.body).toMatchObject({
      model: "acme-1",
      messages: [{ role: "human", content: "hi" }],
    });
    // The run's signal reaches fetch, so aborting the run closes the request.
    await model.invoke("hi", { signal: new AbortController().signal });
    expect(server.requests.at(-1)?.signal).toBeInstanceOf(AbortSignal);
  });

  it("gets bindTools, stop sequences and withStructuredOutput from the base", async () => {
    const server = acmeServer(['{"city": "Li', 'sbon"}']);
    const model = new ChatAcme({ baseURL: "http://acme.test", fetch: server.fetch, stop: ["END"] });
    const weather = { name: "weather", description: "Weather in a city", parameters: { type: "object" } };
    await model.bindTools([weather], { tool_choice: "auto" }).invoke("weather?");
    expect(server.requests[0]?.body).toMatchObject({
      stop: ["END"],
      tools: [{ name: "weather", description: "Weather in a city", parameters: { type: "object" } }],
      tool_choice: "auto",
    });
    const schema = { title: "trip", type: "object", properties: { city: { type: "string" } } };
    const extractor = model.withStructuredOutput<{ city: string }>(schema);
    expect(await extractor.invoke("Three days in Lisbon")).toEqual({ city: "Lisbon" });
    expect(server.requests[1]?.body.response_format).toEqual(schema);
  });
});

describe("the built rivulet/providers entry", () => {
  it("exports the base as a class that a subclass extends and pipes, imported alone", () => {
    const root = join(dirname(fileURLToPath(import.meta.url)), "..");
    expect(existsSync(join(root, "dist/bundle/providers.js")), "run `npm run build` first").toBe(true);
    const body = `
      const { ProviderChatModel } = await import("rivulet/providers");
      class Quiet extends ProviderChatModel {
        defaultStructuredMethod = "functionCalling";
        _llmType() { return "quiet"; }
        async *_streamChunks() {}
        withJsonSchemaOutput() { return this; }
      }
      const chain = new Quiet({ model: "q" }).pipe((message) => message);
      console.log(JSON.stringify({ steps: chain.steps.length, model: chain.steps[0].model }));
    `;
    const out = execFileSync(process.execPath, ["--input-type=module", "-e", body], {
      cwd: root,
      encoding: "utf8",
    });
    expect(JSON.parse(out)).toEqual({ steps: 2, model: "q" });
  });
});

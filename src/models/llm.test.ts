import { type CallbackManagerForLLMRun, GenerationChunk, InvalidInputError, LLM } from "rivulet";
import { toArray } from "rivulet/testing";
import { describe, expect, it } from "vitest";

/** LangChain's custom-LLM guide, ported by changing imports: the first n characters of the prompt. */
class CustomLLM extends LLM {
  n: number;
  calls: string[] = [];

  constructor(fields: { n: number }) {
    super();
    this.n = fields.n;
  }

  _llmType() {
    return "custom";
  }

  async _call(prompt: string, _options: this["ParsedCallOptions"]): Promise<string> {
    this.calls.push("_call");
    return prompt.slice(0, this.n);
  }

  override async *_streamResponseChunks(
    prompt: string,
    _options: this["ParsedCallOptions"],
    runManager?: CallbackManagerForLLMRun,
  ): AsyncGenerator<GenerationChunk> {
    this.calls.push("_streamResponseChunks");
    for (const letter of prompt.slice(0, this.n)) {
      yield new GenerationChunk({ text: letter });
      await runManager?.handleLLMNewToken(letter);
    }
  }
}

class CallOnly extends LLM {
  _llmType() {
    return "call-only";
  }
  async _call(prompt: string): Promise<string> {
    return prompt.toUpperCase();
  }
}

describe("LLM", () => {
  it("completes with _call when not streaming, and streams _streamResponseChunks", async () => {
    const llm = new CustomLLM({ n: 4 });
    expect(await llm.invoke("I am an LLM")).toBe("I am");
    expect(await toArray(llm.stream("I am an LLM"))).toEqual(["I", " ", "a", "m"]);
    expect(llm.calls).toEqual(["_call", "_streamResponseChunks"]);
  });

  it("streams each chunk once as on_llm_stream (handleLLMNewToken does not repeat it)", async () => {
    const llm = new CustomLLM({ n: 2 });
    const events = [];
    for await (const event of llm.streamEvents("hey", { version: "v2" })) events.push(event.event);
    expect(events).toEqual(["on_llm_start", "on_llm_stream", "on_llm_stream", "on_llm_end"]);
    expect(llm.calls).toEqual(["_streamResponseChunks"]);
  });

  it("without _streamResponseChunks, streams _call's completion as one chunk", async () => {
    expect(await toArray(new CallOnly().stream("abc"))).toEqual(["ABC"]);
    expect(await new CallOnly().invoke([["human", "hi"]])).toBe("HUMAN: HI");
  });

  it("accepts plain { text } chunks and rejects anything else", async () => {
    class Plain extends CallOnly {
      override async *_streamResponseChunks(): AsyncGenerator<GenerationChunk> {
        const plain: GenerationChunk = JSON.parse('{"text": "ok", "generationInfo": {}}');
        yield plain;
        const wrong: GenerationChunk = JSON.parse("5");
        yield wrong;
      }
    }
    const stream = new Plain().stream("x");
    await expect(toArray(stream)).rejects.toThrow(InvalidInputError);
    const chunks: string[] = [];
    await expect(
      (async () => {
        for await (const chunk of await new Plain().stream("x")) chunks.push(chunk);
      })(),
    ).rejects.toThrow(/must yield GenerationChunk/);
    expect(chunks).toEqual(["ok"]);
  });
});

/** The fields a {@link GenerationChunk} is built from. */
export interface GenerationChunkFields {
  text: string;
  /** Provider details of the generation (finish reason, log probabilities...). */
  generationInfo?: Record<string, unknown> | undefined;
}

/**
 * One piece of a text-completion model's output, as `@langchain/core` (`outputs`) names it:
 * `on_llm_stream` events carry one per token (`data.chunk.text`), and callback handlers get it
 * as `handleLLMNewToken`'s `fields.chunk`. `concat` joins the texts and merges the infos.
 *
 * @example
 * new GenerationChunk({ text: "Hel" }).concat(new GenerationChunk({ text: "lo" })).text; // "Hello"
 */
export class GenerationChunk {
  text: string;
  generationInfo: Record<string, unknown> | undefined;

  constructor(fields: GenerationChunkFields) {
    this.text = fields.text;
    this.generationInfo = fields.generationInfo;
  }

  /** A new chunk: the two texts joined, the two infos merged (the other's keys winning). */
  concat(chunk: GenerationChunk): GenerationChunk {
    return new GenerationChunk({
      text: this.text + chunk.text,
      generationInfo: { ...this.generationInfo, ...chunk.generationInfo },
    });
  }
}
